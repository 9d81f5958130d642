import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfigItem } from './build-config-item.js';
import type { CiRelation, ConfigItem } from './ci-model.js';
import { buildCmdbGraph, downstreamImpact, impactEdges, reachedFrom, upstreamCauses } from './impact.js';

const on = (targetId: string, type: CiRelation['type'] = 'depends_on'): CiRelation => ({ type, targetKind: 'ci', targetId });

/** A small department: payroll runs on a VM hosted on a host in the Ottawa site, behind a switch. */
function department(): ConfigItem[] {
  return [
    buildConfigItem({ id: 'site', ciClass: 'location_site', name: 'Ottawa HQ' }),
    buildConfigItem({ id: 'switch', ciClass: 'network_device', attributes: { deviceType: 'switch' }, locationId: 'site' }),
    buildConfigItem({ id: 'host', ciClass: 'server_physical', relations: [on('switch', 'connected_to')], locationId: 'site' }),
    buildConfigItem({ id: 'vm', ciClass: 'server_virtual', relations: [on('host', 'runs_on')] }),
    buildConfigItem({ id: 'db', ciClass: 'database', relations: [on('vm', 'runs_on')] }),
    buildConfigItem({ id: 'payroll', relations: [on('vm', 'runs_on'), on('db')] }),
    buildConfigItem({
      id: 'pay-svc',
      ciClass: 'business_service',
      relations: [on('payroll'), { type: 'used_by', targetKind: 'group', targetId: 'grp-hr' }],
    }),
    buildConfigItem({
      id: 'mail-svc',
      ciClass: 'business_service',
      relations: [{ type: 'used_by', targetKind: 'org', targetId: 'org-all' }],
    }),
  ];
}

const ids = (result: { nodes: { id: string }[] }): string[] => result.nodes.map((n) => n.id).sort();

describe('downstreamImpact', () => {
  const graph = buildCmdbGraph(department());

  it('finds everything that depends on a failed switch, who uses it and where it stands', () => {
    const result = downstreamImpact(graph, ['switch']);
    expect(ids(result)).toEqual(['db', 'host', 'pay-svc', 'payroll', 'switch', 'vm']);
    expect(result.parties).toEqual([{ kind: 'group', id: 'grp-hr', serviceIds: ['pay-svc'] }]);
    expect(result.locationIds).toEqual(['site']);
    expect(result.nodes.find((n) => n.id === 'pay-svc')).toMatchObject({ depth: 4, via: 'payroll', link: 'depends_on' });
    expect(result.truncated).toBe(false);
  });

  it('stops at the depth asked and says more lies beyond', () => {
    const result = downstreamImpact(graph, ['switch'], { maxDepth: 2 });
    expect(ids(result)).toEqual(['host', 'switch', 'vm']);
    expect(result.truncated).toBe(true);
  });

  it('starts from a set of CIs at depth 0 and impacts what stands in a failed site', () => {
    const result = downstreamImpact(graph, ['site', 'mail-svc'], { maxDepth: 1 });
    expect(result.nodes.filter((n) => n.depth === 0).map((n) => n.id)).toEqual(['site', 'mail-svc']);
    expect(ids(result)).toEqual(['host', 'mail-svc', 'site', 'switch']);
    expect(result.parties).toEqual([{ kind: 'org', id: 'org-all', serviceIds: ['mail-svc'] }]);
  });

  it('does not walk through a retired CI unless asked', () => {
    const cis = department().map((ci) => (ci.id === 'payroll' ? { ...ci, status: 'retired' as const } : ci));
    const retiredGraph = buildCmdbGraph(cis);
    expect(ids(downstreamImpact(retiredGraph, ['db']))).toEqual(['db', 'payroll']);
    expect(ids(downstreamImpact(retiredGraph, ['db'], { includeRetired: true }))).toEqual(['db', 'pay-svc', 'payroll']);
  });

  it('gives the edges between the CIs of a result for drawing the graph', () => {
    const result = downstreamImpact(graph, ['db']);
    const edges = impactEdges(graph, ids(result));
    expect(edges).toEqual(expect.arrayContaining([{ source: 'payroll', target: 'db', link: 'depends_on' }]));
    expect(edges.every((e) => ids(result).includes(e.source) && ids(result).includes(e.target))).toBe(true);
    expect(impactEdges(graph, ['db', 'db', 'unknown'])).toEqual([]);
  });
});

describe('upstreamCauses', () => {
  it('lists what a service depends on, down to the site', () => {
    const result = upstreamCauses(buildCmdbGraph(department()), ['pay-svc']);
    expect(ids(result)).toEqual(['db', 'host', 'pay-svc', 'payroll', 'site', 'switch', 'vm']);
    expect(result.parties).toEqual([]);
  });

  it('ignores unknown starting ids and edges to missing or deleted CIs', () => {
    const cis = [
      buildConfigItem({ id: 'a', relations: [on('ghost'), on('gone')] }),
      buildConfigItem({ id: 'gone', deleted: true }),
    ];
    expect(ids(upstreamCauses(buildCmdbGraph(cis), ['a', 'nope']))).toEqual(['a']);
  });
});

/** Random graphs of up to 30 CIs with arbitrary edges — cycles, duplicates and self-loops included. */
const arbitraryGraph = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(
      fc.tuple(
        fc.nat(n - 1),
        fc.nat(n - 1),
        fc.constantFrom('depends_on', 'runs_on', 'connected_to') as fc.Arbitrary<CiRelation['type']>,
      ),
      {
        maxLength: 120,
      },
    ),
    fc.nat(n - 1),
    fc.option(fc.nat(6), { nil: undefined }),
  ),
);

/** Reference reachability: naive repeated relaxation, independent of the BFS under test. */
function reachable(n: number, edges: [number, number][], from: number, maxDepth: number): Map<number, number> {
  const dist = new Map<number, number>([[from, 0]]);
  for (let round = 0; round < n; round++) {
    for (const [a, b] of edges) {
      const d = dist.get(a);
      if (d === undefined || d >= maxDepth || a === b) continue;
      if (!dist.has(b) || (dist.get(b) as number) > d + 1) dist.set(b, d + 1);
    }
  }
  return dist;
}

describe('traversal properties', () => {
  it('downstream reaches exactly what a naive walk reaches, each CI once at its shortest depth, despite cycles and duplicates', () => {
    fc.assert(
      fc.property(arbitraryGraph, ([n, edges, from, maxDepth]) => {
        const cis = Array.from({ length: n }, (_, i) =>
          buildConfigItem({
            id: `c${i}`,
            relations: edges.filter(([s]) => s === i).map(([, t, type]) => on(`c${t}`, type)),
          }),
        );
        const result = downstreamImpact(buildCmdbGraph(cis), [`c${from}`], { maxDepth });
        // Downstream follows edges backwards: from a dependency to its dependents.
        const expected = reachable(
          n,
          edges.map(([s, t]) => [t, s]),
          from,
          maxDepth ?? Number.POSITIVE_INFINITY,
        );
        const got = new Map(result.nodes.map((node) => [Number(node.id.slice(1)), node.depth]));
        expect(result.nodes).toHaveLength(got.size);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a CI is upstream of another exactly when the other is downstream of it', () => {
    fc.assert(
      fc.property(arbitraryGraph, ([n, edges, from]) => {
        const cis = Array.from({ length: n }, (_, i) =>
          buildConfigItem({ id: `c${i}`, relations: edges.filter(([s]) => s === i).map(([, t, type]) => on(`c${t}`, type)) }),
        );
        const graph = buildCmdbGraph(cis);
        const up = new Set(upstreamCauses(graph, [`c${from}`]).nodes.map((node) => node.id));
        for (const ci of cis) {
          const down = downstreamImpact(graph, [ci.id]).nodes.some((node) => node.id === `c${from}`);
          expect(up.has(ci.id)).toBe(down);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Random CMDBs with sites, users of services, CIs standing in sites, retired and deleted CIs, duplicate relations. */
const arbitraryCmdb = fc.integer({ min: 1, max: 20 }).chain((n) =>
  fc.tuple(
    fc.array(
      fc.record({
        site: fc.boolean(),
        retired: fc.boolean(),
        deleted: fc.boolean(),
        location: fc.option(fc.nat(n - 1), { nil: undefined }),
        relations: fc.array(
          fc.oneof(
            fc.tuple(fc.constantFrom('depends_on', 'runs_on', 'hosted_at', 'connected_to'), fc.nat(n)),
            fc.tuple(fc.constant('used_by'), fc.nat(3)),
          ),
          { maxLength: 5 },
        ),
      }),
      { minLength: n, maxLength: n },
    ),
    fc.nat(n - 1),
    fc.option(fc.nat(4), { nil: undefined }),
    fc.boolean(),
  ),
);

describe('impact results besides the CIs', () => {
  it('hold exactly the edges between result CIs, the users of its services and the locations its CIs stand in', () => {
    fc.assert(
      fc.property(arbitraryCmdb, ([specs, from, maxDepth, includeRetired]) => {
        const cis = specs.map((s, i) =>
          buildConfigItem({
            id: `c${i}`,
            ciClass: s.site ? 'location_site' : 'application',
            status: s.retired ? 'retired' : 'in_service',
            deleted: s.deleted,
            locationId: s.location === undefined ? '' : `c${s.location}`,
            relations: s.relations.map(([type, t]): CiRelation =>
              type === 'used_by'
                ? { type, targetKind: t % 2 ? 'user' : 'group', targetId: `p${t}` }
                : { type, targetKind: 'ci', targetId: `c${t}` },
            ),
          }),
        );
        const cmdbGraph = buildCmdbGraph(cis);
        const result = downstreamImpact(cmdbGraph, [`c${from}`], { maxDepth, includeRetired });
        // Reference: read straight from the CIs' own fields, given the CIs reached.
        const live = new Map(cis.filter((ci) => !ci.deleted).map((ci) => [ci.id, ci]));
        const reached = new Set(result.nodes.map((node) => node.id));
        const outgoing = (ci: ConfigItem): [string, string][] => [
          ...ci.relations.filter((r) => r.type !== 'used_by').map((r): [string, string] => [r.targetId, r.type]),
          ...(ci.locationId ? [[ci.locationId, 'located_in'] as [string, string]] : []),
        ];
        const edges = new Set<string>();
        const locations = new Set<string>();
        const parties = new Map<string, Set<string>>();
        for (const id of reached) {
          const ci = live.get(id) as ConfigItem;
          if (ci.ciClass === 'location_site') locations.add(id);
          for (const [target, link] of outgoing(ci)) {
            if (target === id || !live.has(target)) continue;
            if (reached.has(target)) edges.add(`${id}>${target}>${link}`);
            if (live.get(target)?.ciClass === 'location_site') locations.add(target);
          }
          for (const r of ci.relations) {
            if (r.type !== 'used_by') continue;
            const key = `${r.targetKind}:${r.targetId}`;
            parties.set(key, (parties.get(key) ?? new Set()).add(id));
          }
        }
        const gotEdges = impactEdges(cmdbGraph, reached).map((e) => `${e.source}>${e.target}>${e.link}`);
        expect(gotEdges).toHaveLength(new Set(gotEdges).size);
        expect(new Set(gotEdges)).toEqual(edges);
        expect(result.locationIds).toHaveLength(locations.size);
        expect(new Set(result.locationIds)).toEqual(locations);
        const gotParties = new Map(result.parties.map((p) => [`${p.kind}:${p.id}`, p.serviceIds]));
        expect(gotParties.size).toBe(result.parties.length);
        expect(new Map([...gotParties].map(([k, v]) => [k, new Set(v)]))).toEqual(parties);
        for (const serviceIds of gotParties.values()) expect(serviceIds).toHaveLength(new Set(serviceIds).size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reachedFrom', () => {
  it('reaches the CIs of the impact walks in the same order, each with the starting CI its via chain leads back to', () => {
    fc.assert(
      fc.property(arbitraryCmdb, fc.array(fc.nat(25), { maxLength: 4 }), ([specs], starts) => {
        const cis = specs.map((s, i) =>
          buildConfigItem({
            id: `c${i}`,
            status: s.retired ? 'retired' : 'in_service',
            deleted: s.deleted,
            relations: s.relations.flatMap(([type, t]): CiRelation[] => (type === 'used_by' ? [] : [on(`c${t}`, type)])),
          }),
        );
        const graph = buildCmdbGraph(cis);
        // Some starting ids repeat or name no CI (c20 and above, deleted CIs).
        const startIds = starts.map((k) => `c${k}`);
        for (const direction of ['downstream', 'upstream'] as const) {
          const walked = (direction === 'downstream' ? downstreamImpact : upstreamCauses)(graph, startIds);
          const reach = reachedFrom(graph, startIds, direction);
          expect(reach.order.map((i) => graph.ids[i])).toEqual(walked.nodes.map((n) => n.id));
          const via = new Map(walked.nodes.map((n) => [n.id, n.via]));
          graph.ids.forEach((id, i) => {
            let origin = via.has(id) ? id : null;
            for (let next = origin && via.get(origin); next; next = via.get(next)) origin = next;
            expect(reach.origin[i]).toBe(origin === null ? -1 : graph.indexOf.get(origin));
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
