import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCalendar, buildSlaPolicy } from '@shared/testing/build-sla.js';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { canReadSlaSettings, canWriteSlaSettings, saveSlaSetting } from './sla-settings.js';

const admin = { id: 'usr-admin', role: 'admin' as const, groupIds: [] };
const supervisor = { id: 'usr-supervisor', role: 'supervisor' as const, groupIds: [] };
const agent = { id: 'usr-agent', role: 'agent' as const, groupIds: [] };

const asData = (x: object) => x as unknown as Record<string, unknown>;

describe('saveSlaSetting', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.settings.insert({
      id: 'cal-test',
      kind: 'sla_calendar',
      data: asData(buildCalendar()),
      updatedAt: 1,
      updatedBy: 'seed',
    });
  });
  afterEach(async () => {
    await db.close();
  });

  it('writes a valid policy for an administrator, stamped with who and when, ready to replicate', async () => {
    const policy = buildSlaPolicy({ id: 'sla-new', resolutionMinutes: 600 });
    expect(await saveSlaSetting(db, { id: policy.id, kind: 'sla_policy', data: asData(policy) }, admin)).toEqual([]);
    const stored = (await db.settings.findOne('sla-new').exec())!.toJSON();
    expect(stored).toMatchObject({ kind: 'sla_policy', updatedBy: 'usr-admin', data: { resolutionMinutes: 600 } });
    expect(stored.updatedAt).toBeGreaterThan(1);
  });

  it('writes nothing and returns the shared codes for a negative target or a missing calendar', async () => {
    const policy = buildSlaPolicy({ id: 'sla-bad', resolutionMinutes: -5, calendarId: 'cal-gone' });
    const found = await saveSlaSetting(db, { id: policy.id, kind: 'sla_policy', data: asData(policy) }, admin);
    expect(found.map((v) => [v.code, v.field])).toEqual([
      ['sla.policy.negative_target', 'data.resolutionMinutes'],
      ['sla.policy.unknown_calendar', 'data.calendarId'],
    ]);
    expect(await db.settings.findOne('sla-bad').exec()).toBeNull();
  });

  it('refuses a supervisor (who only reads) and writes nothing', async () => {
    const policy = buildSlaPolicy({ id: 'sla-sup' });
    const found = await saveSlaSetting(db, { id: policy.id, kind: 'sla_policy', data: asData(policy) }, supervisor);
    expect(found.map((v) => v.code)).toEqual(['not_permitted']);
    expect(await db.settings.findOne('sla-sup').exec()).toBeNull();
  });

  it('checks a calendar with the shared calendar rules (an unknown time zone is refused)', async () => {
    const calendar = buildCalendar({ timeZone: 'Mars/Olympus' }, 'cal-mars');
    const found = await saveSlaSetting(db, { id: calendar.id, kind: 'sla_calendar', data: asData(calendar) }, admin);
    expect(found.map((v) => v.code)).toEqual(['sla.calendar.unknown_time_zone']);
    expect(await db.settings.findOne('cal-mars').exec()).toBeNull();
  });
});

describe('who sees and changes service levels', () => {
  it('admins write, supervisors read only, agents neither', () => {
    expect([canReadSlaSettings(admin), canWriteSlaSettings(admin)]).toEqual([true, true]);
    expect([canReadSlaSettings(supervisor), canWriteSlaSettings(supervisor)]).toEqual([true, false]);
    expect([canReadSlaSettings(agent), canWriteSlaSettings(agent)]).toEqual([false, false]);
  });
});
