import { buildCmdbGraph, downstreamImpact, upstreamCauses } from '@shared';
import { buildConfigItem } from '@shared/cmdb/build-config-item.js';
import type { ConfigItem } from '@shared';
import { describe, expect, it } from 'vitest';
import { impactGraphModel } from './impact-graph-model.js';
import { ELK_MAX_NODES, layeredLayout, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './impact-graph-layout.js';

/** A server with `apps` applications on it, each used by a service, and `hosts` hosts below it. */
function fan(apps: number, hosts: number): ConfigItem[] {
  const cis = [buildConfigItem({ id: 'srv', name: 'SRV', ciClass: 'server_virtual', relations: [] })];
  for (let i = 0; i < hosts; i++) {
    cis.push(buildConfigItem({ id: `host-${i}`, name: `Host ${i}`, ciClass: 'server_physical' }));
    cis[0].relations.push({ type: 'runs_on', targetKind: 'ci', targetId: `host-${i}` });
  }
  for (let i = 0; i < apps; i++) {
    cis.push(
      buildConfigItem({ id: `app-${i}`, name: `App ${i}`, relations: [{ type: 'runs_on', targetKind: 'ci', targetId: 'srv' }] }),
      buildConfigItem({
        id: `svc-${i}`,
        name: `Service ${i}`,
        ciClass: 'business_service',
        relations: [{ type: 'depends_on', targetKind: 'ci', targetId: `app-${i}` }],
      }),
    );
  }
  return cis;
}

function modelOf(cis: ConfigItem[], maxNodes?: number) {
  const graph = buildCmdbGraph(cis);
  const byId = new Map(cis.map((ci) => [ci.id, ci]));
  return impactGraphModel(
    graph,
    'srv',
    { down: downstreamImpact(graph, ['srv']), up: upstreamCauses(graph, ['srv']) },
    byId,
    maxNodes,
  );
}

describe('impact graph model', () => {
  it('draws the nearest CIs first and says how many it left out', () => {
    const model = modelOf(fan(10, 2), 15);
    expect(model.nodes).toHaveLength(15);
    expect(model.hidden).toBe(23 - 15);
    // The CI, its 2 hosts and 10 applications (depth 1) come before any service (depth 2).
    expect(model.nodes.filter((n) => n.id.startsWith('svc-'))).toHaveLength(2);
    expect(model.nodes.find((n) => n.root)).toMatchObject({ id: 'srv', layer: 0 });
    expect(model.nodes.find((n) => n.id === 'app-0')?.layer).toBe(-1);
    expect(model.nodes.find((n) => n.id === 'host-0')?.layer).toBe(1);
    // Only edges between drawn CIs.
    const drawn = new Set(model.nodes.map((n) => n.id));
    expect(model.edges.every((e) => drawn.has(e.source) && drawn.has(e.target))).toBe(true);
    expect(model.edges).toHaveLength(10 + 2 + 2);
  });
});

describe('layered layout', () => {
  it('puts dependents above the CI and causes below, no two boxes on top of each other', () => {
    const model = modelOf(fan(200, 3));
    expect(model.nodes.length).toBeGreaterThan(ELK_MAX_NODES);
    const positions = layeredLayout(model);
    expect(positions.size).toBe(model.nodes.length);
    const y = (id: string) => positions.get(id)?.y ?? Number.NaN;
    expect(y('app-0')).toBeLessThan(y('srv'));
    expect(y('svc-0')).toBeLessThan(Math.min(...Array.from({ length: 200 }, (_, i) => y(`app-${i}`))));
    expect(y('host-0')).toBeGreaterThan(y('srv'));
    const boxes = [...positions.values()];
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const apart = Math.abs(boxes[a].x - boxes[b].x) >= NODE_WIDTH || Math.abs(boxes[a].y - boxes[b].y) >= NODE_HEIGHT;
        expect(apart).toBe(true);
      }
    // A wide band wraps: the drawing is not one row 200 boxes long.
    const xs = boxes.map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(40 * (NODE_WIDTH + 30));
  });

  it('places each service near the application it depends on', () => {
    const positions = layeredLayout(modelOf(fan(200, 3)));
    const x = (id: string) => positions.get(id)?.x ?? Number.NaN;
    const offsets = Array.from({ length: 200 }, (_, i) => Math.abs(x(`svc-${i}`) - x(`app-${i}`)));
    // Ordered by their application's position, each service sits straight above it.
    expect(Math.max(...offsets)).toBe(0);
  });

  it('lays a big graph out without ELK and a small one with it', async () => {
    const big = modelOf(fan(200, 3));
    expect(await layoutGraph(big)).toEqual(layeredLayout(big));
    const small = modelOf(fan(3, 1));
    const positions = await layoutGraph(small);
    expect(positions.size).toBe(small.nodes.length);
    expect(positions.get('svc-0')?.y).toBeLessThan(positions.get('srv')?.y ?? 0);
  });
});
