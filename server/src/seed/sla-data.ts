import { CALENDAR_TEMPLATES, SLA_POLICY_TEMPLATES, type SettingDocument } from '@shared';
import { DEMO_USERS } from './directory-data.js';

/**
 * The shipped SLA templates as replicated settings: every business calendar and the Gold / Silver / Bronze
 * policies, so the demo shows clocks out of the box. Built from the shared templates (never a copy of them) and
 * stamped with the seed's clock, so the same seed gives the same documents.
 */
export function slaSettings(now: number): SettingDocument[] {
  const stamp = { updatedAt: now, updatedBy: DEMO_USERS.admin.id };
  return [
    ...CALENDAR_TEMPLATES.map((calendar) => ({
      id: calendar.id,
      kind: 'sla_calendar' as const,
      data: structuredClone(calendar) as unknown as Record<string, unknown>,
      ...stamp,
    })),
    ...SLA_POLICY_TEMPLATES.map((policy) => ({
      id: policy.id,
      kind: 'sla_policy' as const,
      data: structuredClone(policy) as unknown as Record<string, unknown>,
      ...stamp,
    })),
  ];
}
