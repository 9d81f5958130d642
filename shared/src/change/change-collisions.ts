import type { CmdbGraph, ImpactResult } from '../cmdb/impact.js';
import { downstreamImpact, upstreamCauses } from '../cmdb/impact.js';
import { SERVICE_CLASSES } from '../cmdb/ci-model.js';
import type { ChangePhase, Ticket } from '../schemas/ticket.js';
import type { ChangeWindow } from './change-windows.js';
import { windowOccurrences, withinWindow } from './change-windows.js';

/** A change as the calendar sees it: its planned window and the CIs it touches. */
export interface CalendarChange {
  id: string;
  start: number;
  end: number;
  ciIds: readonly string[];
}

/** The phases in which a change holds its slot on the calendar (asked for, approved, or under way). */
export const CALENDAR_PHASES: readonly ChangePhase[] = ['awaiting_approval', 'scheduled', 'implementing'];

/** A change's entry on the calendar, when it is in a calendar phase and has a planned window. */
export function calendarEntryOf(
  ticket: Pick<Ticket, 'id' | 'type' | 'changePhase' | 'plannedStart' | 'plannedEnd' | 'ciIds'>,
): CalendarChange | null {
  if (ticket.type !== 'change' || !ticket.changePhase || !CALENDAR_PHASES.includes(ticket.changePhase)) return null;
  if (!ticket.plannedStart || !ticket.plannedEnd || ticket.plannedEnd <= ticket.plannedStart) return null;
  return { id: ticket.id, start: ticket.plannedStart, end: ticket.plannedEnd, ciIds: ticket.ciIds ?? [] };
}

/** Scheduled changes sorted by start, with the longest duration, so the overlaps of a window are a bounded scan. */
export interface ChangeCalendar {
  readonly byStart: readonly CalendarChange[];
  readonly longest: number;
}

/** Indexes the changes that may collide (planned, not over) for collision checks; build once, check many. */
export function buildChangeCalendar(changes: readonly CalendarChange[]): ChangeCalendar {
  const byStart = changes.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start);
  const longest = byStart.reduce((max, c) => Math.max(max, c.end - c.start), 0);
  return { byStart, longest };
}

/** One thing a change collides with, saying what collides with what. */
export type ChangeCollision =
  | { kind: 'same_ci'; otherChangeId: string; ciIds: string[]; start: number; end: number }
  | {
      kind: 'dependent_ci';
      otherChangeId: string;
      /** The change's own CI and the other change's CI that one depends on (`relation` says which way). */
      ciId: string;
      otherCiId: string;
      relation: 'depends_on' | 'depended_on_by';
      start: number;
      end: number;
    }
  | { kind: 'blackout'; windowId: string; start: number; end: number }
  | { kind: 'outside_maintenance'; serviceId: string; windowIds: string[] };

/** What a collision check reads: the calendar, the CMDB graph and the blackout and maintenance windows. */
export interface CollisionContext {
  calendar: ChangeCalendar;
  graph: CmdbGraph;
  windows: readonly ChangeWindow[];
}

/** The index of the first change starting at or after `at`. */
function firstStartingFrom(byStart: readonly CalendarChange[], at: number): number {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The change's own CI a traversal node was reached from (follows `via` back to depth 0). */
function originOf(byId: ReadonlyMap<string, { via: string | null }>, id: string): string {
  let current = id;
  for (let guard = 0; guard < 10_000; guard++) {
    const via = byId.get(current)?.via ?? null;
    if (via === null) return current;
    current = via;
  }
  return current;
}

const nodesById = (result: ImpactResult): Map<string, { via: string | null }> => new Map(result.nodes.map((n) => [n.id, n]));

/**
 * Everything a change collides with in its planned window: other changes on the same CIs or on CIs that one of them
 * depends on (either way, any depth, through the CMDB's impact traversals), blackout windows that freeze the
 * change's CIs or impacted services (or every change), and impacted services that have maintenance windows none of
 * which holds the whole change. The change itself is skipped if it is in the calendar.
 */
export function changeCollisions(change: CalendarChange, context: CollisionContext): ChangeCollision[] {
  const out: ChangeCollision[] = [];
  if (!(change.end > change.start)) return out;
  const { graph, calendar } = context;
  const own = new Set(change.ciIds);
  const downstream = downstreamImpact(graph, change.ciIds);
  const upstream = upstreamCauses(graph, change.ciIds);
  const downNodes = nodesById(downstream);
  const upNodes = nodesById(upstream);
  // Changes overlapping [start, end): they start before its end and after (start - the longest change).
  const from = firstStartingFrom(calendar.byStart, change.start - calendar.longest);
  const to = firstStartingFrom(calendar.byStart, change.end);
  for (let i = from; i < to; i++) {
    const other = calendar.byStart[i];
    if (other.id === change.id || other.end <= change.start) continue;
    const shared = other.ciIds.filter((id) => own.has(id));
    if (shared.length > 0) {
      out.push({ kind: 'same_ci', otherChangeId: other.id, ciIds: shared, start: other.start, end: other.end });
      continue;
    }
    for (const otherCi of other.ciIds) {
      // The other change's CI is upstream of ours: ours depends on it. Downstream: it depends on ours.
      const relation = upNodes.has(otherCi) ? 'depends_on' : downNodes.has(otherCi) ? 'depended_on_by' : undefined;
      if (!relation) continue;
      const ciId = originOf(relation === 'depends_on' ? upNodes : downNodes, otherCi);
      out.push({
        kind: 'dependent_ci',
        otherChangeId: other.id,
        ciId,
        otherCiId: otherCi,
        relation,
        start: other.start,
        end: other.end,
      });
      break;
    }
  }
  const services = downstream.nodes
    .map((n) => n.id)
    .filter((id) => {
      const index = graph.indexOf.get(id);
      return index !== undefined && SERVICE_CLASSES.includes(graph.items[index].ciClass);
    });
  const touched = new Set([...own, ...services]);
  for (const window of context.windows) {
    if (window.kind !== 'blackout') continue;
    if (window.ciIds.length > 0 && !window.ciIds.some((id) => touched.has(id))) continue;
    for (const o of windowOccurrences(window, change.start, change.end)) {
      out.push({ kind: 'blackout', windowId: window.id, start: o.start, end: o.end });
    }
  }
  for (const serviceId of services) {
    const windows = context.windows.filter((w) => w.kind === 'maintenance' && w.ciIds.includes(serviceId));
    if (windows.length === 0 || windows.some((w) => withinWindow(w, change.start, change.end))) continue;
    out.push({ kind: 'outside_maintenance', serviceId, windowIds: windows.map((w) => w.id) });
  }
  return out;
}
