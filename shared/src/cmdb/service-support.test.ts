import { describe, expect, it } from 'vitest';
import { buildConfigItem } from './build-config-item.js';
import type { CiRelation } from './ci-model.js';
import { buildCmdbGraph } from './impact.js';
import { cisSupportingServices, ticketNamesAnyCi } from './service-support.js';

const on = (targetId: string, type: CiRelation['type'] = 'depends_on'): CiRelation => ({ type, targetKind: 'ci', targetId });

describe('cisSupportingServices', () => {
  const graph = buildCmdbGraph([
    buildConfigItem({ id: 'site', ciClass: 'location_site' }),
    buildConfigItem({ id: 'srv', ciClass: 'server_virtual', locationId: 'site' }),
    buildConfigItem({ id: 'app', ciClass: 'application', relations: [on('srv', 'runs_on')] }),
    buildConfigItem({ id: 'svc', ciClass: 'business_service', relations: [on('app'), on('other')] }),
    buildConfigItem({ id: 'other', ciClass: 'business_service', relations: [on('svc')] }),
    buildConfigItem({ id: 'mail', ciClass: 'business_service' }),
  ]);

  it('holds the service and everything it depends on, through cycles, and nothing that merely depends on it', () => {
    expect([...cisSupportingServices(graph, ['svc'])].sort()).toEqual(['app', 'other', 'site', 'srv', 'svc']);
    expect([...cisSupportingServices(graph, ['mail'])]).toEqual(['mail']);
  });

  it('tells whether a ticket names one of them', () => {
    const cis = cisSupportingServices(graph, ['svc']);
    expect(ticketNamesAnyCi(['ws-1', 'srv'], cis)).toBe(true);
    expect(ticketNamesAnyCi(['mail'], cis)).toBe(false);
    expect(ticketNamesAnyCi(undefined, cis)).toBe(false);
  });
});
