import { describe, expect, it } from 'vitest';
import { buildConfigItem } from '../cmdb/build-config-item.js';
import { buildCmdbGraph } from '../cmdb/impact.js';
import { buildChangeWindow } from '../testing/build-change.js';
import { buildChangeCalendar, changeCollisions, type CalendarChange } from './change-collisions.js';
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
