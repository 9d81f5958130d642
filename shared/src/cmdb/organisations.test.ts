import { describe, expect, it } from 'vitest';
import { buildConfigItem } from './build-config-item.js';
import { buildCmdbGraph, downstreamImpact } from './impact.js';
import { checkRelation } from './ci-validation.js';
import { isOrganisationId, organisationId, organisationsInUse } from './organisations.js';
import { suggestImpact } from './suggested-impact.js';

describe('organisations as users of a service', () => {
  it('stores an organisation by its name, spaces trimmed and collapsed', () => {
    expect(organisationId('  Ville de   Gatineau ')).toBe('Ville de Gatineau');
    expect(isOrganisationId('Ville de Gatineau')).toBe(true);
    for (const bad of ['', ' ', ' Ville', 'Ville  de', 'x'.repeat(41)]) expect(isOrganisationId(bad)).toBe(false);
  });

  it('accepts an organisation as the user side of "used by" only, and refuses a blank or padded name with a code', () => {
    const edge = { type: 'used_by' as const, targetKind: 'org' as const, targetId: 'Ville de Gatineau' };
    expect(checkRelation('svc', edge, 0)).toEqual([]);
    expect(checkRelation('svc', { ...edge, targetId: '  ' }, 0).map((v) => v.code)).toEqual(['ci_relation_target_invalid']);
    expect(checkRelation('svc', { ...edge, targetId: 'Ville ' }, 2)).toMatchObject([
      { code: 'ci_relation_target_invalid', attribute: 'relations[2]' },
    ]);
    expect(checkRelation('svc', { ...edge, type: 'depends_on' }, 0).map((v) => v.code)).toEqual(['ci_relation_target_kind']);
  });

  it('lists the organisations in use once each, by name, for the relationship form to offer', () => {
    const cis = [
      buildConfigItem({
        id: 'a',
        relations: [
          { type: 'used_by', targetKind: 'org', targetId: 'Ville de Gatineau' },
          { type: 'used_by', targetKind: 'group', targetId: 'grp-1' },
        ],
      }),
      buildConfigItem({
        id: 'b',
        relations: [
          { type: 'used_by', targetKind: 'org', targetId: 'école Saint-Jean' },
          { type: 'used_by', targetKind: 'org', targetId: 'Ville de Gatineau' },
        ],
      }),
    ];
    expect(organisationsInUse(cis)).toEqual(['école Saint-Jean', 'Ville de Gatineau']);
  });

  it('lists the organisations among who is affected, through every level of impact, and suggests impact 1', () => {
    const cis = [
      buildConfigItem({ id: 'srv', ciClass: 'server_physical', criticality: 'low' }),
      buildConfigItem({
        id: 'app',
        ciClass: 'application',
        criticality: 'low',
        relations: [{ type: 'runs_on', targetKind: 'ci', targetId: 'srv' }],
      }),
      buildConfigItem({
        id: 'svc',
        ciClass: 'business_service',
        criticality: 'low',
        relations: [
          { type: 'depends_on', targetKind: 'ci', targetId: 'app' },
          { type: 'used_by', targetKind: 'org', targetId: 'Ville de Gatineau' },
          { type: 'used_by', targetKind: 'user', targetId: 'usr-1' },
        ],
      }),
    ];
    const result = downstreamImpact(buildCmdbGraph(cis), ['srv']);
    expect(result.parties).toEqual(
      expect.arrayContaining([
        { kind: 'org', id: 'Ville de Gatineau', serviceIds: ['svc'] },
        { kind: 'user', id: 'usr-1', serviceIds: ['svc'] },
      ]),
    );
    expect(suggestImpact(result, new Map(cis.map((ci) => [ci.id, ci])))).toMatchObject({ impact: 1, reason: 'organisation' });
  });
});
