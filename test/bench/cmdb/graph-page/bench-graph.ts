// The CIs of the graph benchmark (a pure module: the page draws them, Node can lay them out).
import type { CiClass, ConfigItem } from '../../../../shared/src/cmdb/ci-model.js';
import { buildConfigItem } from '../../../../shared/src/cmdb/build-config-item.js';

/** What the page reports to the driver. */
export interface GraphRenderResult {
  nodes: number;
  edges: number;
  /** Of those, the ones in the DOM once the graph is drawn: the graph renders only what is in view. */
  nodesDrawn: number;
  edgesDrawn: number;
  firstPaintMs: number;
  layoutMs: number;
}

// A fixed sequence, so every run draws the same graph.
let seed = 18;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/**
 * A root server; a third of the CIs below it (what it stands on: hosts, switches, sites), the rest above it (VMs,
 * databases, applications, services), each linked to one or two CIs of its side already made.
 */
export function benchCis(count: number): ConfigItem[] {
  const classes: CiClass[] = ['server_virtual', 'database', 'application', 'technical_service', 'business_service'];
  const below: CiClass[] = ['server_physical', 'network_device', 'location_site'];
  const cis = [buildConfigItem({ id: 'root', name: 'GAT-SRV-00001', ciClass: 'server_physical', criticality: 'high' })];
  const up = ['root'];
  const down = ['root'];
  for (let i = 1; i < count; i++) {
    const isBelow = i % 3 === 0;
    const side = isBelow ? down : up;
    const ciClass = isBelow ? below[i % below.length] : classes[i % classes.length];
    const targets = new Set([side[Math.floor(rnd() * side.length)], side[Math.floor(rnd() * side.length)]]);
    const id = `ci-${i}`;
    const relations = [...targets].map((t) => ({ type: 'depends_on' as const, targetKind: 'ci' as const, targetId: t }));
    // A CI below the root is what the earlier ones depend on: the edge points the other way.
    const ci = buildConfigItem({ id, name: `CI ${ciClass} ${i}`, ciClass, relations: isBelow ? [] : relations });
    if (isBelow)
      for (const t of targets) cis.find((c) => c.id === t)?.relations.push({ type: 'runs_on', targetKind: 'ci', targetId: id });
    cis.push(ci);
    side.push(id);
  }
  return cis;
}
