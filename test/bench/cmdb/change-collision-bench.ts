// collision_check_* of bench:cmdb (issue 20): one change checked against a year of scheduled changes over the bench's
// CMDB (see cmdb-bench.ts), blackout and maintenance windows included, as the change panel runs it in the client.
import type { CiClass, ConfigItem } from '../../../shared/src/cmdb/ci-model.js';
import { SERVICE_CLASSES } from '../../../shared/src/cmdb/ci-model.js';
import type { CmdbGraph } from '../../../shared/src/cmdb/impact.js';
import type { CalendarChange, ChangeCalendar } from '../../../shared/src/change/change-collisions.js';
import {
  buildChangeCalendar,
  calendarEntryOf,
  changeCollisions,
  firstStartingFrom,
} from '../../../shared/src/change/change-collisions.js';
import type { ChangeWindow } from '../../../shared/src/change/change-windows.js';
import { buildChange, buildChangeWindow } from '../../../shared/src/testing/build-change.js';

const HOUR = 3_600_000;
const YEAR_START = Date.parse('2027-01-01T00:00:00Z');
const YEAR_MS = 365 * 24 * HOUR;
const SERVER_CLASSES: readonly CiClass[] = ['server_physical', 'server_virtual'];
// CIs that changes come back to (a busy application, a cluster being patched): calendar changes share CIs.
const REVISITED = 300;
// The servers with the most dependents: a change on one impacts a large part of the CMDB.
const HOT_SERVERS = 50;

export interface CollisionTimings {
  check: number[];
  baseline: number[];
  collisions: number[];
  calendarSize: number;
  windows: number;
}

/** Draws changes (1–8 h in one year, 1–3 CIs) and windows over the CMDB; each call of `draw` is one change. */
function changeDrawer(cis: readonly ConfigItem[], graph: CmdbGraph, rnd: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const dependents = (i: number): number => graph.downStart[i + 1] - graph.downStart[i];
  const servers = cis.filter((ci) => SERVER_CLASSES.includes(ci.ciClass)).map((ci) => graph.indexOf.get(ci.id) ?? -1);
  const hotServers = servers
    .filter((i) => i >= 0)
    .sort((a, b) => dependents(b) - dependents(a))
    .slice(0, HOT_SERVERS)
    .map((i) => graph.ids[i]);
  const revisited = Array.from({ length: REVISITED }, () => pick(cis).id);
  const ciOf = (): string => {
    const r = rnd();
    if (r < 0.15) return pick(hotServers);
    if (r < 0.45) return pick(revisited);
    return pick(cis).id;
  };
  let next = 0;
  return (): CalendarChange => {
    const start = YEAR_START + Math.floor(rnd() * (YEAR_MS / (15 * 60_000))) * 15 * 60_000;
    const hours = 1 + Math.floor(rnd() * 8);
    const ciIds = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, ciOf))];
    const ticket = buildChange({
      id: `chg-${next++}`,
      changePhase: rnd() < 0.7 ? 'scheduled' : 'awaiting_approval',
      plannedStart: start,
      plannedEnd: start + hours * HOUR,
      ciIds,
    });
    const entry = calendarEntryOf(ticket);
    if (!entry) throw new Error('a generated change has no calendar entry');
    return entry;
  };
}

/** A year-end freeze of every change, a weekly Friday-evening freeze on some services, Saturday/Sunday maintenance on others. */
function changeWindows(cis: readonly ConfigItem[], rnd: () => number): ChangeWindow[] {
  const services = cis.filter((ci) => SERVICE_CLASSES.includes(ci.ciClass) && ci.ciClass !== 'application');
  const some = (count: number): string[] => Array.from({ length: count }, () => services[Math.floor(rnd() * services.length)].id);
  const windows: ChangeWindow[] = [
    buildChangeWindow({
      id: 'win-year-end',
      kind: 'blackout',
      rrule: '',
      startDate: '2027-12-18',
      startMinutes: 0,
      durationMinutes: 14 * 1440,
      ciIds: [],
    }),
    buildChangeWindow({
      id: 'win-friday',
      kind: 'blackout',
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      startDate: '2027-01-01',
      startMinutes: 16 * 60,
      durationMinutes: 8 * 60,
      ciIds: some(20),
    }),
  ];
  for (let k = 0; k < 10; k++) {
    windows.push(
      buildChangeWindow({
        id: `win-maint-${k}`,
        rrule: k % 2 === 0 ? 'FREQ=WEEKLY;BYDAY=SA' : 'FREQ=WEEKLY;BYDAY=SU',
        startDate: k % 2 === 0 ? '2027-01-02' : '2027-01-03',
        ciIds: some(5),
      }),
    );
  }
  return windows;
}

/** The floor: the calendar's overlap scan and same-CI test alone, no CMDB traversal and no windows. */
function rawOverlaps(change: CalendarChange, calendar: ChangeCalendar): number {
  const { byStart } = calendar;
  const own = new Set(change.ciIds);
  let found = 0;
  for (
    let i = firstStartingFrom(byStart, change.start - calendar.longest), to = firstStartingFrom(byStart, change.end);
    i < to;
    i++
  ) {
    const other = byStart[i];
    if (other.id === change.id || other.end <= change.start) continue;
    if (other.ciIds.some((id) => own.has(id))) found++;
  }
  return found;
}

/** Builds a calendar of `calendarSize` changes and times `runs` checks (after `warmUps`) of changes drawn alike. */
export function timeCollisions(
  cis: readonly ConfigItem[],
  graph: CmdbGraph,
  rnd: () => number,
  calendarSize: number,
  warmUps: number,
  runs: number,
): CollisionTimings {
  const draw = changeDrawer(cis, graph, rnd);
  const calendar = buildChangeCalendar(Array.from({ length: calendarSize }, draw));
  const windows = changeWindows(cis, rnd);
  const check: number[] = [];
  const baseline: number[] = [];
  const collisions: number[] = [];
  for (let k = 0; k < warmUps + runs; k++) {
    const change = draw();
    let t = performance.now();
    const found = changeCollisions(change, { calendar, graph, windows }).length;
    const checkMs = performance.now() - t;
    t = performance.now();
    rawOverlaps(change, calendar);
    const baselineMs = performance.now() - t;
    if (k < warmUps) continue;
    check.push(checkMs);
    baseline.push(baselineMs);
    collisions.push(found);
  }
  return { check, baseline, collisions, calendarSize: calendar.byStart.length, windows: windows.length };
}
