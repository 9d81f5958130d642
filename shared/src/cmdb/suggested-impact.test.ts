import { describe, expect, it } from 'vitest';
import { buildConfigItem } from './build-config-item.js';
import type { CiCriticality, CiRelation, ConfigItem } from './ci-model.js';
import { buildCmdbGraph, downstreamImpact } from './impact.js';
import { suggestImpact, WIDESPREAD_PARTIES } from './suggested-impact.js';

const on = (targetId: string): CiRelation => ({ type: 'depends_on', targetKind: 'ci', targetId });
const usedBy = (targetKind: 'user' | 'group' | 'org', targetId: string): CiRelation => ({
  type: 'used_by',
  targetKind,
  targetId,
});

/** A server under one service of the given criticality, used by the given parties. */
function chain(criticality: CiCriticality, users: CiRelation[] = [], status: ConfigItem['status'] = 'in_service'): ConfigItem[] {
  return [
    buildConfigItem({ id: 'srv', ciClass: 'server_virtual', criticality: 'critical' }),
    buildConfigItem({ id: 'app', ciClass: 'application', criticality: 'low', relations: [on('srv')] }),
    buildConfigItem({ id: 'svc', ciClass: 'business_service', criticality, status, relations: [on('app'), ...users] }),
  ];
}

function suggest(cis: ConfigItem[], start: string[] = ['srv']) {
  const graph = buildCmdbGraph(cis);
  return suggestImpact(downstreamImpact(graph, start), new Map(cis.map((ci) => [ci.id, ci])));
}

describe('suggestImpact', () => {
  it('suggests 1 when a critical service is impacted, whatever the failed CI itself', () => {
    expect(suggest(chain('critical'))).toMatchObject({ impact: 1, reason: 'critical_service', serviceIds: ['app', 'svc'] });
  });

  it('suggests 1 when an organisation, or many users and groups, use an impacted service', () => {
    expect(suggest(chain('low', [usedBy('org', 'org-all')]))).toMatchObject({ impact: 1, reason: 'organisation' });
    const many = Array.from({ length: WIDESPREAD_PARTIES }, (_, i) => usedBy('user', `usr-${i}`));
    expect(suggest(chain('low', many))).toMatchObject({ impact: 1, reason: 'many_parties', partyCount: WIDESPREAD_PARTIES });
  });

  it('suggests 2 for a high service, a group, or several users', () => {
    expect(suggest(chain('high'))).toMatchObject({ impact: 2, reason: 'high_service' });
    expect(suggest(chain('low', [usedBy('group', 'grp-hr')]))).toMatchObject({ impact: 2, reason: 'group' });
    expect(suggest(chain('low', [usedBy('user', 'a'), usedBy('user', 'b')]))).toMatchObject({
      impact: 2,
      reason: 'several_users',
    });
  });

  it('suggests 3 when the harm is contained: one user, or no service at all', () => {
    expect(suggest(chain('medium', [usedBy('user', 'a')]))).toMatchObject({ impact: 3, reason: 'contained', partyCount: 1 });
    const lone = [buildConfigItem({ id: 'ws', ciClass: 'workstation', criticality: 'critical' })];
    expect(suggest(lone, ['ws'])).toMatchObject({ impact: 3, reason: 'contained', serviceIds: [] });
  });

  it('ignores a retired service, and suggests nothing without a CI', () => {
    expect(suggest(chain('critical', [], 'retired'))).toMatchObject({ impact: 3, serviceIds: ['app'] });
    expect(suggest(chain('critical'), [])).toBeNull();
    expect(suggest(chain('critical'), ['unknown'])).toBeNull();
  });
});
