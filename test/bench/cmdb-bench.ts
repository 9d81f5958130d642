// npm run bench:cmdb — impact analysis over a CMDB of 50,000 CIs and 200,000 relationships (the size; the
// brief's 150,000 is BENCH_RELATIONS=150000), generated with a seeded PRNG as layers (sites → network → hosts →
// VMs → databases → applications → technical → business services, plus workstations) with 0.2 % of edges drawn at
// random across layers so the graph has cycles.
//   graph_build_ms        indexing the CIs for traversal (shared/src/cmdb/impact.ts buildCmdbGraph), once per load.
//   impact_p50/p95/p99_ms downstream impact (CIs, users, sites) of one CI drawn at random, as the client runs it.
//   upstream_p95_ms       likely causes of one CI.
//   baseline_bfs_*        a raw breadth-first walk over a Map<string, string[]> of dependents with a Set of visited
//                         ids — the floor the shared function is compared against (it also collects edges/parties).
// 300 timed queries after 30 warm-ups. Sizes: BENCH_CIS=20000 BENCH_RELATIONS=60000 npm run bench:cmdb
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildConfigItem } from '../../shared/src/cmdb/build-config-item.js';
import type { CiClass, CiRelation, ConfigItem } from '../../shared/src/cmdb/ci-model.js';
import { buildCmdbGraph, downstreamImpact, upstreamCauses } from '../../shared/src/cmdb/impact.js';
import { percentile, round, writeResults } from './lib/stats.js';
import { prng } from './reports/generate.js';

const ciCount = Number(process.env.BENCH_CIS ?? 50_000);
const relationCount = Number(process.env.BENCH_RELATIONS ?? 200_000);
const WARM_UPS = 30;
// Edges drawn at random across layers: they make cycles (a few hundred, as real CMDBs have, not one giant loop).
const CROSS_EDGE_SHARE = 0.002;
const RUNS = 300;
const rnd = prng(18);

// Share of the CIs in each layer, bottom (what everything stands on) to top.
const LAYERS: [CiClass, number][] = [
  ['location_site', 0.002],
  ['network_device', 0.02],
  ['server_physical', 0.06],
  ['server_virtual', 0.2],
  ['database', 0.06],
  ['application', 0.16],
  ['technical_service', 0.04],
  ['business_service', 0.01],
  ['workstation', 0.448],
];
const LINK_BELOW: CiRelation['type'][] = [
  'hosted_at',
  'connected_to',
  'runs_on',
  'runs_on',
  'depends_on',
  'depends_on',
  'depends_on',
  'depends_on',
  'connected_to',
];

const layerOf: number[] = [];
const layerMembers: number[][] = LAYERS.map(() => []);
const cis: ConfigItem[] = [];
for (let i = 0; i < ciCount; i++) {
  let r = rnd();
  let layer = 0;
  while (layer < LAYERS.length - 1 && r >= LAYERS[layer][1]) {
    r -= LAYERS[layer][1];
    layer++;
  }
  layerOf.push(layer);
  layerMembers[layer].push(i);
  cis.push(buildConfigItem({ id: `ci-${i}`, name: `CI ${i}`, ciClass: LAYERS[layer][0], relations: [] }));
}
const pick = (list: readonly number[]): number => list[Math.floor(rnd() * list.length)];
const seen = new Set<string>();
let made = 0;
while (made < relationCount) {
  const from = Math.floor(rnd() * ciCount);
  const layer = layerOf[from];
  let to: number;
  if (rnd() < CROSS_EDGE_SHARE || layer === 0) to = Math.floor(rnd() * ciCount);
  else {
    // Mostly the layer right below; workstations hang off the network and applications.
    const below =
      layer === LAYERS.length - 1 ? (rnd() < 0.5 ? 1 : 5) : Math.max(0, layer - 1 - Math.floor(rnd() * Math.min(layer, 2)));
    if (layerMembers[below].length === 0) continue;
    to = pick(layerMembers[below]);
  }
  if (to === from) continue;
  const type = LINK_BELOW[layerOf[to]] ?? 'depends_on';
  const key = `${from}:${to}:${type}`;
  if (seen.has(key)) continue;
  seen.add(key);
  cis[from].relations.push({ type, targetKind: 'ci', targetId: `ci-${to}` });
  made++;
}
// Business services and applications are used by groups.
for (const i of [...layerMembers[7], ...layerMembers[5]]) {
  cis[i].relations.push({ type: 'used_by', targetKind: 'group', targetId: `grp-${i % 40}` });
}
console.log(`${cis.length} CIs, ${made} relationships (+ used-by edges); load average ${loadavg()[0].toFixed(2)}`);

const buildStart = performance.now();
const graph = buildCmdbGraph(cis);
const graphBuildMs = performance.now() - buildStart;

// The raw baseline: dependents by string id, visited Set.
const dependents = new Map<string, string[]>();
for (const ci of cis) {
  for (const r of ci.relations) {
    if (r.type === 'used_by') continue;
    let list = dependents.get(r.targetId);
    if (!list) dependents.set(r.targetId, (list = []));
    list.push(ci.id);
  }
}
function rawBfs(start: string): number {
  const visited = new Set<string>([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const next of dependents.get(queue[head]) ?? []) {
      if (visited.has(next)) continue;
      visited.add(next);
      queue.push(next);
    }
  }
  return visited.size;
}

function time(run: (id: string) => number): { ms: number[]; sizes: number[] } {
  const ms: number[] = [];
  const sizes: number[] = [];
  for (let k = 0; k < WARM_UPS + RUNS; k++) {
    const id = `ci-${Math.floor(rnd() * ciCount)}`;
    const t = performance.now();
    const size = run(id);
    const elapsed = performance.now() - t;
    if (k >= WARM_UPS) {
      ms.push(elapsed);
      sizes.push(size);
    }
  }
  return { ms, sizes };
}

const impact = time((id) => downstreamImpact(graph, [id]).nodes.length);
const upstream = time((id) => upstreamCauses(graph, [id]).nodes.length);
const baseline = time(rawBfs);
const stats = (prefix: string, s: { ms: number[] }): Record<string, number> => ({
  [`${prefix}_p50_ms`]: round(percentile(s.ms, 0.5)),
  [`${prefix}_p95_ms`]: round(percentile(s.ms, 0.95)),
  [`${prefix}_p99_ms`]: round(percentile(s.ms, 0.99)),
});

writeResults('test/bench/results/cmdb.json', {
  cis: cis.length,
  relations: made,
  graph_build_ms: round(graphBuildMs),
  ...stats('impact', impact),
  impact_result_p50_cis: percentile(impact.sizes, 0.5),
  impact_result_max_cis: Math.max(...impact.sizes),
  ...stats('upstream', upstream),
  ...stats('baseline_bfs', baseline),
  runs: RUNS,
  load_average: round(loadavg()[0]),
  node: process.version,
});
