import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfigItem } from '../cmdb/build-config-item.js';
import type { CiClass, ConfigItem } from '../cmdb/ci-model.js';
import { SERVICE_CLASSES } from '../cmdb/ci-model.js';
import type { CmdbGraph } from '../cmdb/impact.js';
import { buildCmdbGraph, downstreamImpact, upstreamCauses } from '../cmdb/impact.js';
import { buildChangeWindow } from '../testing/build-change.js';
import {
  buildChangeCalendar,
  changeCollisions,
  type CalendarChange,
  type ChangeCollision,
  type CollisionContext,
} from './change-collisions.js';
import { windowOccurrences, withinWindow } from './change-windows.js';
import { zonedInstant } from '../sla/business-calendar.js';

// A hand-built CMDB: the payroll service depends on the payroll app, which runs on a server at a site.
const site = buildConfigItem({ id: 'ci-site', ciClass: 'location_site', name: 'Head office' });
const server = buildConfigItem({ id: 'ci-srv', ciClass: 'server_virtual', locationId: 'ci-site' });
const app = buildConfigItem({ id: 'ci-app', relations: [{ type: 'runs_on', targetKind: 'ci', targetId: 'ci-srv' }] });
const svc = buildConfigItem({
  id: 'ci-svc',
  ciClass: 'business_service',
  relations: [{ type: 'depends_on', targetKind: 'ci', targetId: 'ci-app' }],
});
const other = buildConfigItem({ id: 'ci-other', ciClass: 'server_virtual' });
const graph = buildCmdbGraph([site, server, app, svc, other]);

const toronto = (date: string, hh: number, mm = 0) => zonedInstant(date, hh * 60 + mm, 'America/Toronto');
const change = (id: string, ciIds: string[], start: number, hours: number): CalendarChange => ({
  id,
  ciIds,
  start,
  end: start + hours * 3_600_000,
});

describe('change collisions', () => {
  const mine = change('chg-mine', ['ci-app'], toronto('2027-03-06', 3), 2);
  const check = (others: CalendarChange[], windows = [] as ReturnType<typeof buildChangeWindow>[]) =>
    changeCollisions(mine, { calendar: buildChangeCalendar([mine, ...others]), graph, windows });

  it('flags another change on the same CI in an overlapping window, not one before or after', () => {
    const same = change('chg-same', ['ci-app', 'ci-other'], mine.start + 3_600_000, 4);
    const before = change('chg-before', ['ci-app'], mine.start - 2 * 3_600_000, 2);
    const after = change('chg-after', ['ci-app'], mine.end, 1);
    expect(check([same, before, after])).toEqual([
      { kind: 'same_ci', otherChangeId: 'chg-same', ciIds: ['ci-app'], start: same.start, end: same.end },
    ]);
  });

  it('flags changes on CIs it depends on and on CIs that depend on it, saying which', () => {
    const onServer = change('chg-srv', ['ci-srv'], mine.start - 3_600_000, 2);
    const onSite = change('chg-site', ['ci-site'], mine.start, 10);
    const onService = change('chg-svc', ['ci-svc'], mine.start + 60_000, 1);
    const unrelated = change('chg-other', ['ci-other'], mine.start, 2);
    const flags = check([onServer, onSite, onService, unrelated]);
    expect(flags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'dependent_ci',
          otherChangeId: 'chg-srv',
          ciId: 'ci-app',
          otherCiId: 'ci-srv',
          relation: 'depends_on',
        }),
        expect.objectContaining({
          kind: 'dependent_ci',
          otherChangeId: 'chg-site',
          otherCiId: 'ci-site',
          relation: 'depends_on',
        }),
        expect.objectContaining({
          kind: 'dependent_ci',
          otherChangeId: 'chg-svc',
          otherCiId: 'ci-svc',
          relation: 'depended_on_by',
        }),
      ]),
    );
    expect(flags).toHaveLength(3);
  });

  it('finds a long change that started well before (the calendar scans back by the longest change)', () => {
    const freezeLong = change('chg-long', ['ci-app'], mine.start - 20 * 24 * 3_600_000, 21 * 24);
    const short = change('chg-short', ['ci-other'], mine.start - 10 * 24 * 3_600_000, 1);
    expect(check([freezeLong, short]).map((c) => c.kind === 'same_ci' && c.otherChangeId)).toEqual(['chg-long']);
  });

  it('flags a blackout that covers the change or its impacted services, not one on other CIs', () => {
    const yearEnd = buildChangeWindow({
      id: 'win-freeze',
      kind: 'blackout',
      rrule: '',
      startDate: '2027-03-01',
      startMinutes: 0,
      durationMinutes: 10 * 1440,
      ciIds: [],
    });
    const serviceFreeze = buildChangeWindow({
      id: 'win-svc',
      kind: 'blackout',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      startMinutes: 0,
      durationMinutes: 1440,
      ciIds: ['ci-svc'],
    });
    const elsewhere = buildChangeWindow({
      id: 'win-other',
      kind: 'blackout',
      rrule: 'FREQ=DAILY',
      startMinutes: 0,
      durationMinutes: 1440,
      ciIds: ['ci-other'],
    });
    const flags = check([], [yearEnd, serviceFreeze, elsewhere]);
    expect(flags.map((f) => f.kind === 'blackout' && f.windowId)).toEqual(['win-freeze', 'win-svc']);
    expect(flags[1]).toMatchObject({ start: toronto('2027-03-06', 0), end: toronto('2027-03-07', 0) });
  });

  it("flags a change outside its impacted services' maintenance windows, and not one inside", () => {
    // Saturday 02:00–06:00 Toronto: 2027-03-06 is a Saturday; the change runs 03:00–05:00.
    const saturday = buildChangeWindow({ id: 'win-sat' });
    expect(check([], [saturday])).toEqual([]);
    const sunday = buildChangeWindow({ id: 'win-sun', rrule: 'FREQ=WEEKLY;BYDAY=SU' });
    expect(check([], [sunday])).toEqual([{ kind: 'outside_maintenance', serviceId: 'ci-svc', windowIds: ['win-sun'] }]);
    // One of several windows holding the whole change is enough; a change that runs past the window's end is not held.
    expect(check([], [sunday, saturday])).toEqual([]);
    const late = change('chg-late', ['ci-app'], toronto('2027-03-06', 5), 2);
    expect(changeCollisions(late, { calendar: buildChangeCalendar([]), graph, windows: [saturday] })).toEqual([
      { kind: 'outside_maintenance', serviceId: 'ci-svc', windowIds: ['win-sat'] },
    ]);
  });
});

/**
 * The rules read straight from the impact results (node objects, via chains), as the first version computed them:
 * the fast version (graph indexes, walks only when read, window answers reused) must find exactly the same.
 */
function referenceCollisions(change: CalendarChange, { calendar, graph, windows }: CollisionContext): ChangeCollision[] {
  const out: ChangeCollision[] = [];
  if (!(change.end > change.start)) return out;
  const own = new Set(change.ciIds);
  const downstream = downstreamImpact(graph, change.ciIds);
  const byId = (nodes: { id: string; via: string | null }[]) => new Map(nodes.map((n) => [n.id, n.via]));
  const up = byId(upstreamCauses(graph, change.ciIds).nodes);
  const down = byId(downstream.nodes);
  const originOf = (nodes: Map<string, string | null>, id: string): string => {
    let current = id;
    for (let via = nodes.get(current); via; via = nodes.get(current)) current = via;
    return current;
  };
  for (const other of calendar.byStart) {
    if (other.id === change.id || other.end <= change.start || other.start >= change.end) continue;
    const shared = other.ciIds.filter((id) => own.has(id));
    if (shared.length > 0) {
      out.push({ kind: 'same_ci', otherChangeId: other.id, ciIds: shared, start: other.start, end: other.end });
      continue;
    }
    const otherCi = other.ciIds.find((id) => up.has(id) || down.has(id));
    if (otherCi === undefined) continue;
    const relation = up.has(otherCi) ? 'depends_on' : 'depended_on_by';
    const ciId = originOf(relation === 'depends_on' ? up : down, otherCi);
    out.push({
      kind: 'dependent_ci',
      otherChangeId: other.id,
      ciId,
      otherCiId: otherCi,
      relation,
      start: other.start,
      end: other.end,
    });
  }
  const services = downstream.nodes
    .map((n) => n.id)
    .filter((id) => SERVICE_CLASSES.includes(graph.items[graph.indexOf.get(id) ?? -1].ciClass));
  const touched = new Set([...own, ...services]);
  for (const window of windows) {
    if (window.kind !== 'blackout' || (window.ciIds.length > 0 && !window.ciIds.some((id) => touched.has(id)))) continue;
    for (const o of windowOccurrences(window, change.start, change.end)) {
      out.push({ kind: 'blackout', windowId: window.id, start: o.start, end: o.end });
    }
  }
  for (const serviceId of services) {
    const held = windows.filter((w) => w.kind === 'maintenance' && w.ciIds.includes(serviceId));
    if (held.length === 0 || held.some((w) => withinWindow(w, change.start, change.end))) continue;
    out.push({ kind: 'outside_maintenance', serviceId, windowIds: held.map((w) => w.id) });
  }
  return out;
}

describe('change collisions on a random CMDB', () => {
  const CLASSES: CiClass[] = [
    'server_virtual',
    'database',
    'application',
    'technical_service',
    'business_service',
    'location_site',
  ];
  const monday = zonedInstant('2027-03-01', 0, 'America/Toronto');

  /** A CMDB with cycles, retired CIs and edges to CIs it does not hold; changes and windows on it, from one seed. */
  function scenario(seed: number): { context: CollisionContext; changes: CalendarChange[] } {
    let state = seed >>> 0;
    const rnd = (): number => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state / 4_294_967_296;
    };
    const below = (n: number): number => Math.floor(rnd() * n);
    const count = 20 + below(40);
    const ids = Array.from({ length: count + 3 }, (_, i) => `ci-r${i}`); // the last three are not in the CMDB
    const cis: ConfigItem[] = Array.from({ length: count }, (_, i) =>
      buildConfigItem({
        id: ids[i],
        ciClass: CLASSES[below(CLASSES.length)],
        status: rnd() < 0.1 ? 'retired' : 'in_service',
        relations: Array.from({ length: below(4) }, () => ({
          type: rnd() < 0.5 ? ('depends_on' as const) : ('runs_on' as const),
          targetKind: 'ci' as const,
          targetId: ids[below(ids.length)],
        })),
      }),
    );
    const graph: CmdbGraph = buildCmdbGraph(cis);
    const someCis = (): string[] => Array.from({ length: below(4) }, () => ids[below(ids.length)]);
    const changes = Array.from({ length: 30 }, (_, i) => {
      const start = monday + below(14 * 24) * 3_600_000;
      return { id: `chg-r${i}`, ciIds: someCis(), start, end: start + (1 + below(30)) * 3_600_000 };
    });
    const windows = [
      buildChangeWindow({
        id: 'win-freeze',
        kind: 'blackout',
        rrule: '',
        startDate: '2027-03-08',
        durationMinutes: 3 * 1440,
        ciIds: rnd() < 0.5 ? [] : someCis(),
      }),
      buildChangeWindow({
        id: 'win-fri',
        kind: 'blackout',
        rrule: 'FREQ=WEEKLY;BYDAY=FR',
        startDate: '2027-03-05',
        ciIds: someCis(),
      }),
      buildChangeWindow({ id: 'win-sat', startDate: '2027-03-06', durationMinutes: 24 * 60, ciIds: someCis() }),
      buildChangeWindow({
        id: 'win-daily',
        rrule: 'FREQ=DAILY',
        startDate: '2027-03-01',
        startMinutes: 0,
        durationMinutes: 12 * 60,
        ciIds: someCis(),
      }),
    ].filter(() => rnd() < 0.8);
    return { context: { calendar: buildChangeCalendar(changes.slice(0, 20)), graph, windows }, changes };
  }

  it('finds what the rules read straight from the impact results find, in the same order', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { context, changes } = scenario(seed);
        // In the calendar (skipped as itself) and not.
        for (const change of changes) expect(changeCollisions(change, context)).toEqual(referenceCollisions(change, context));
      }),
      { numRuns: 60 },
    );
  });

  it('the random scenarios reach every kind of collision', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const { context, changes } = scenario(seed);
      for (const change of changes) for (const c of changeCollisions(change, context)) kinds.add(c.kind);
    }
    expect([...kinds].sort()).toEqual(['blackout', 'dependent_ci', 'outside_maintenance', 'same_ci']);
  });
});
