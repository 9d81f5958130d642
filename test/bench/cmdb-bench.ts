// npm run bench:cmdb — issue 18's figures, written to test/bench/results/cmdb.json: impact analysis and CI search
// over a CMDB of 50,000 CIs and 200,000 relationships (BENCH_CIS / BENCH_RELATIONS change the size), generated with
// a seeded PRNG as layers (sites → network → hosts → VMs → databases → applications → technical → business
// services, plus workstations) with 0.2 % of edges drawn at random across layers so the graph has cycles; then the
// first paint of an impact graph of 500 CIs in Chromium. The machine's load average is recorded with the figures:
// on a shared 2-core machine the wall times mostly say how busy the others were, so compare ratios to baselines.
//   graph_build_ms        indexing the CIs for traversal (shared/src/cmdb/impact.ts buildCmdbGraph), once per load.
//   impact_p50/p95/p99_ms downstream impact (CIs, users, sites; a drawn graph asks impactEdges for its few hundred
//                         CIs' edges) of one CI drawn at random, as the client runs it (target p95 < 50 ms). Half the CIs impact almost nothing, a few almost everything.
//   upstream_p95_ms       likely causes of one CI.
//   baseline_bfs_*        a raw breadth-first walk over a Map<string, string[]> of dependents with a Set of visited
//                         ids — the floor the shared function is compared against (it also builds the result's
//                         node objects, parties and locations); impact_vs_baseline_p95 is the ratio.
//   ci_search_*           the CI list's search (renderer/src/features/cmdb/ci-search.ts, index then listCis) for
//                         queries as people type them: name fragments of 2–8 characters, full serial numbers and
//                         attribute values, half without accents (target p95 < 20 ms); CIs get realistic names,
//                         serials and attributes (cmdb/ci-search-bench.ts). baseline_scan_* is a lowercase
//                         `includes` scan of every CI; ci_search_vs_scan_p95 the ratio.
//   graph_render_ms       Chromium: the CI page's impact graph (ImpactGraph, React Flow; ELK up to 80 CIs, the
//                         layered layout above) of 500 CIs, from asking for the analysis to the paint of the first
//                         frame showing the graph as it stays: every node and edge in view drawn, at the fitted pan
//                         and zoom, unchanged for a second after (cmdb/graph-page/drawn-graph.ts) (target < 500 ms);
//                         median of BENCH_GRAPH_RUNS (default 3, 0 skips it) fresh pages (cmdb/graph-render.ts).
//                         graph_render_drawn_nodes/edges: how many were in the DOM then (the graph mounts what is
//                         in view). graph_layout_ms: the layout alone.
//   collision_check_*     issue 20: changeCollisions (shared/src/change/change-collisions.ts) of one change against
//                         a calendar of BENCH_CHANGES (default 5,000) changes over a year on this CMDB, 1–8 h, 1–3
//                         CIs each, some on CIs changes come back to, some on the servers with the most dependents;
//                         a year-end freeze, a weekly blackout and weekly maintenance windows on some services
//                         (target p95 < 50 ms: the change panel runs it in the client). The checked changes are
//                         drawn like the calendar's (cmdb/change-collision-bench.ts). collision_baseline_* is the
//                         calendar's overlap scan and same-CI test alone (no traversal, no windows);
//                         collision_vs_baseline_p95 the ratio.
// 300 timed queries after 30 warm-ups for each of impact, upstream, baseline, search and collision checks.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildConfigItem } from '../../shared/src/cmdb/build-config-item.js';
import type { CiClass, CiRelation, ConfigItem } from '../../shared/src/cmdb/ci-model.js';
import { buildCmdbGraph, downstreamImpact, upstreamCauses } from '../../shared/src/cmdb/impact.js';
import { timeCollisions } from './cmdb/change-collision-bench.js';
import { benchGraphRender } from './cmdb/graph-render.js';
import { realisticCi, searchQueries, timeSearch } from './cmdb/ci-search-bench.js';
import { percentile, round, writeResults } from './lib/stats.js';
import { prng } from './reports/generate.js';

const ciCount = Number(process.env.BENCH_CIS ?? 50_000);
const relationCount = Number(process.env.BENCH_RELATIONS ?? 200_000);
const WARM_UPS = 30;
// Edges drawn at random across layers: they make cycles (a few hundred, as real CMDBs have, not one giant loop).
const CROSS_EDGE_SHARE = 0.002;
const RUNS = 300;
const GRAPH_NODES = 500;
const GRAPH_RUNS = Number(process.env.BENCH_GRAPH_RUNS ?? 3);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 5_000);
const rnd = prng(18);
// Names, serials and attributes from their own sequence, so the graph is the one earlier runs measured.
const textRnd = prng(1818);
// Changes and windows from their own sequence too, so the figures above stay those of earlier runs.
const changeRnd = prng(20);

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
  const ci = buildConfigItem({ id: `ci-${i}`, name: `CI ${i}`, ciClass: LAYERS[layer][0], relations: [] });
  cis.push(realisticCi(ci, i, textRnd));
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
const loadAtStart = loadavg()[0];
console.log(`${cis.length} CIs, ${made} relationships (+ used-by edges); load average ${loadAtStart.toFixed(2)}`);

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
const search = timeSearch(cis, searchQueries(cis, WARM_UPS + RUNS, textRnd), WARM_UPS);
const collisions = timeCollisions(cis, graph, changeRnd, CHANGES, WARM_UPS, RUNS);
// Last, alone: Chromium and the Node figures would otherwise share the two cores.
const graphRender = GRAPH_RUNS > 0 ? await benchGraphRender(GRAPH_NODES, GRAPH_RUNS) : null;
const stats = (prefix: string, s: { ms: number[] } | number[]): Record<string, number> => {
  const ms = Array.isArray(s) ? s : s.ms;
  return {
    [`${prefix}_p50_ms`]: round(percentile(ms, 0.5)),
    [`${prefix}_p95_ms`]: round(percentile(ms, 0.95)),
    [`${prefix}_p99_ms`]: round(percentile(ms, 0.99)),
  };
};

writeResults('test/bench/results/cmdb.json', {
  cis: cis.length,
  relations: made,
  graph_build_ms: round(graphBuildMs),
  ...stats('impact', impact),
  impact_result_p50_cis: percentile(impact.sizes, 0.5),
  impact_result_max_cis: Math.max(...impact.sizes),
  ...stats('upstream', upstream),
  ...stats('baseline_bfs', baseline),
  impact_vs_baseline_p95: round(percentile(impact.ms, 0.95) / percentile(baseline.ms, 0.95)),
  ci_index_build_ms: round(search.indexMs),
  ...stats('ci_search', search.search),
  ci_search_result_p50: percentile(search.results, 0.5),
  ...stats('baseline_scan', search.baseline),
  ci_search_vs_scan_p95: round(percentile(search.search, 0.95) / percentile(search.baseline, 0.95)),
  calendar_changes: collisions.calendarSize,
  change_windows: collisions.windows,
  ...stats('collision_check', collisions.check),
  collision_result_p50: percentile(collisions.collisions, 0.5),
  collision_result_max: Math.max(...collisions.collisions),
  ...stats('collision_baseline', collisions.baseline),
  collision_vs_baseline_p95: round(percentile(collisions.check, 0.95) / percentile(collisions.baseline, 0.95)),
  graph_render_ms: graphRender && round(graphRender.firstPaintMs),
  graph_layout_ms: graphRender && round(graphRender.layoutMs),
  graph_render_nodes: graphRender?.runs[0].nodes ?? null,
  graph_render_edges: graphRender?.runs[0].edges ?? null,
  graph_render_drawn_nodes: graphRender?.runs[0].nodesDrawn ?? null,
  graph_render_drawn_edges: graphRender?.runs[0].edgesDrawn ?? null,
  graph_render_runs: GRAPH_RUNS,
  runs: RUNS,
  // At the start (the Node figures) and at the end (after Chromium).
  load_average_start: round(loadAtStart),
  load_average: round(loadavg()[0]),
  node: process.version,
});
