import type { SettingDocument, SettingKind } from '../schemas/settings.js';
import type { BusinessCalendar, CalendarVersion } from '../sla/business-calendar.js';
import type { SlaPolicy } from '../sla/sla-policy.js';

/** An SLA policy for tests: priority-free, 60 min first response, 8 h resolution, on the given calendar. */
export function buildSlaPolicy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id: 'sla-test',
    name: 'Test',
    order: 1,
    enabled: true,
    condition: {},
    calendarId: 'cal-test',
    firstResponseMinutes: 60,
    resolutionMinutes: 8 * 60,
    onReopen: 'resume',
    thresholds: [
      { percent: 50, actions: ['notify_assignee'] },
      { percent: 100, actions: ['notify_supervisor'] },
    ],
    actionsInBusinessHoursOnly: true,
    ...overrides,
  };
}

/** A one-version business calendar for tests: 08:00–16:00 weekdays, America/Toronto, Ontario holidays. */
export function buildCalendar(version: Partial<CalendarVersion> = {}, id = 'cal-test'): BusinessCalendar {
  const office = [{ start: 480, end: 960 }];
  return {
    id,
    name: 'Test calendar',
    versions: [
      {
        effectiveFrom: 0,
        timeZone: 'America/Toronto',
        weekHours: [[], office, office, office, office, office, []],
        holidaySource: { country: 'CA', state: 'ON', types: ['public', 'optional'] },
        exceptions: [],
        ...version,
      },
    ],
  };
}

/** A replicated `settings` row holding `data` (an SLA policy, a calendar, …), as a device pushes it. */
export function buildSettingDoc(
  kind: SettingKind,
  data: object & { id: string },
  updatedBy: string,
): SettingDocument & { _deleted: boolean } & Record<string, unknown> {
  return { id: data.id, kind, data: { ...data }, updatedAt: Date.now(), updatedBy, _deleted: false };
}
