import type { CmdbGraph, Reach } from '../cmdb/impact.js';
import { reachedFrom } from '../cmdb/impact.js';
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

/** The index of the first change of the calendar starting at or after `at` (a binary search over `byStart`). */
export function firstStartingFrom(byStart: readonly CalendarChange[], at: number): number {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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
  // The walks run only when something reads them (most changes overlap no other change on a dependent CI), and
  // answer by graph index: a walk from a server many CIs stand on reaches most of the CMDB.
  let upstream: Reach | null = null;
  let downstream: Reach | null = null;
  const up = (): Reach => (upstream ??= reachedFrom(graph, change.ciIds, 'upstream'));
  const down = (): Reach => (downstream ??= reachedFrom(graph, change.ciIds, 'downstream'));
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
      const index = graph.indexOf.get(otherCi);
      if (index === undefined) continue;
      // The other change's CI is upstream of ours: ours depends on it. Downstream: it depends on ours.
      const upOrigin = up().origin[index];
      const origin = upOrigin !== -1 ? upOrigin : down().origin[index];
      if (origin === -1) continue;
      out.push({
        kind: 'dependent_ci',
        otherChangeId: other.id,
        ciId: graph.ids[origin],
        otherCiId: otherCi,
        relation: upOrigin !== -1 ? 'depends_on' : 'depended_on_by',
        start: other.start,
        end: other.end,
      });
      break;
    }
  }
  if (context.windows.length === 0) return out;
  const isService = (index: number): boolean => SERVICE_CLASSES.includes(graph.items[index].ciClass);
  const impactsService = (id: string): boolean => {
    const index = graph.indexOf.get(id);
    return index !== undefined && down().origin[index] !== -1 && isService(index);
  };
  for (const window of context.windows) {
    if (window.kind !== 'blackout') continue;
    if (window.ciIds.length > 0 && !window.ciIds.some((id) => own.has(id) || impactsService(id))) continue;
    for (const o of windowOccurrences(window, change.start, change.end)) {
      out.push({ kind: 'blackout', windowId: window.id, start: o.start, end: o.end });
    }
  }
  // Maintenance windows by the services they are for, marked by graph index, so the tens of thousands of CIs a
  // walk may reach are each tested with a byte; whether a window holds the change is asked once (an rrule expansion).
  const maintenance = new Map<number, ChangeWindow[]>();
  for (const w of context.windows) {
    if (w.kind !== 'maintenance') continue;
    for (const id of new Set(w.ciIds)) {
      const index = graph.indexOf.get(id);
      if (index === undefined || !isService(index)) continue;
      const list = maintenance.get(index);
      if (list) list.push(w);
      else maintenance.set(index, [w]);
    }
  }
  if (maintenance.size === 0) return out;
  const marked = new Uint8Array(graph.ids.length);
  for (const index of maintenance.keys()) marked[index] = 1;
  const holds = new Map<ChangeWindow, boolean>();
  const holdsChange = (w: ChangeWindow): boolean => {
    let within = holds.get(w);
    if (within === undefined) holds.set(w, (within = withinWindow(w, change.start, change.end)));
    return within;
  };
  for (const index of down().order) {
    const windows = marked[index] ? maintenance.get(index) : undefined;
    if (!windows || windows.some(holdsChange)) continue;
    out.push({ kind: 'outside_maintenance', serviceId: graph.ids[index], windowIds: windows.map((w) => w.id) });
  }
  return out;
}
