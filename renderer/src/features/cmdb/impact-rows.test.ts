import { buildCmdbGraph, downstreamImpact, upstreamCauses } from '@shared';
import { buildConfigItem } from '@shared/cmdb/build-config-item.js';
import { describe, expect, it } from 'vitest';
import { impactGraphModel } from './impact-graph-model.js';
import { impactRows, partyRows, siteNames } from './impact-rows.js';

// site <- server <- database <- app <- service (used by a group); the app also runs on the server. A cycle
// (app depends on a helper that depends on the app) must not loop.
const cis = [
  buildConfigItem({ id: 'site', name: 'Gatineau', ciClass: 'location_site', criticality: 'critical' }),
  buildConfigItem({
    id: 'srv',
    name: 'GAT-DB-01',
    ciClass: 'server_physical',
    locationId: 'site',
    attributes: { serialNumber: 'S1' },
    relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: 'site' }],
  }),
  buildConfigItem({
    id: 'db',
    name: 'Pay database',
    ciClass: 'database',
    attributes: { engine: 'PostgreSQL' },
    relations: [{ type: 'runs_on', targetKind: 'ci', targetId: 'srv' }],
  }),
  buildConfigItem({
    id: 'app',
    name: 'Pay system',
    criticality: 'critical',
    relations: [
      { type: 'depends_on', targetKind: 'ci', targetId: 'db' },
      { type: 'runs_on', targetKind: 'ci', targetId: 'srv' },
      { type: 'depends_on', targetKind: 'ci', targetId: 'helper' },
    ],
  }),
  buildConfigItem({
    id: 'helper',
    name: 'Helper',
    criticality: 'low',
    relations: [{ type: 'depends_on', targetKind: 'ci', targetId: 'app' }],
  }),
  buildConfigItem({
    id: 'svc',
    name: 'Pay employees',
    ciClass: 'business_service',
    criticality: 'critical',
    relations: [
      { type: 'depends_on', targetKind: 'ci', targetId: 'app' },
      { type: 'used_by', targetKind: 'group', targetId: 'grp-desk' },
    ],
  }),
];
const byId = new Map(cis.map((ci) => [ci.id, ci]));
const graph = buildCmdbGraph(cis);

describe('impact table rows', () => {
  it('lists what depends on a server, nearest first and most critical first at a depth, without the server', () => {
    const rows = impactRows(downstreamImpact(graph, ['srv']), byId);
    expect(rows.map((r) => [r.id, r.depth])).toEqual([
      ['app', 1],
      ['db', 1],
      ['svc', 2],
      ['helper', 2],
    ]);
    expect(rows[0]).toMatchObject({ link: 'runs_on', viaName: 'GAT-DB-01', criticality: 'critical' });
  });

  it('stops at the chosen depth and says more lies beyond', () => {
    const result = downstreamImpact(graph, ['srv'], { maxDepth: 1 });
    expect(impactRows(result, byId).map((r) => r.id)).toEqual(['app', 'db']);
    expect(result.truncated).toBe(true);
  });

  it('names the groups using the impacted services and the sites of the impacted CIs', () => {
    const result = downstreamImpact(graph, ['srv']);
    expect(partyRows(result, byId, (id) => (id === 'grp-desk' ? 'Service desk' : undefined))).toEqual([
      { kind: 'group', id: 'grp-desk', name: 'Service desk', serviceNames: ['Pay employees'] },
    ]);
    expect(siteNames(result, byId)).toEqual(['Gatineau']);
  });

  it('lists the likely causes of a service upstream, through the cycle once', () => {
    const rows = impactRows(upstreamCauses(graph, ['svc']), byId);
    expect(rows.map((r) => r.id).sort()).toEqual(['app', 'db', 'helper', 'site', 'srv']);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('builds one graph of both directions: each CI once, the CI itself marked, one edge per pair', () => {
    const model = impactGraphModel(
      graph,
      'app',
      { down: downstreamImpact(graph, ['app']), up: upstreamCauses(graph, ['app']) },
      byId,
    );
    expect(model.nodes.filter((n) => n.root).map((n) => n.id)).toEqual(['app']);
    expect(model.nodes.map((n) => n.id).sort()).toEqual(['app', 'db', 'helper', 'site', 'srv', 'svc']);
    const keys = model.edges.map((e) => `${e.source}>${e.target}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining(['svc>app', 'app>db', 'app>srv', 'db>srv', 'srv>site', 'helper>app', 'app>helper']),
    );
  });
});
