import { z } from 'zod';
import { TICKET_TYPES } from '../schemas/ticket.js';
import type { SettingDocument } from '../schemas/settings.js';
import { validateCalendar } from './business-calendar.js';

/** Longest name of an SLA policy or calendar (the settings schema and the admin forms). */
export const SLA_NAME_MAX = 200;
/** Longest reason of a calendar's exception day, and most exception days per version (the settings schema and the form). */
export const SLA_EXCEPTION_REASON_MAX = 200;
export const SLA_EXCEPTIONS_MAX = 500;
/** Longest IANA time-zone name a calendar version accepts. */
export const SLA_TIME_ZONE_MAX = 64;
import { validateSlaPolicy } from './sla-policy.js';

const interval = z.object({ start: z.number().int(), end: z.number().int() }).strict();
const calendarShape = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(SLA_NAME_MAX),
    versions: z
      .array(
        z
          .object({
            effectiveFrom: z.number().int().min(0),
            timeZone: z.string().min(1).max(SLA_TIME_ZONE_MAX),
            weekHours: z.array(z.array(interval).max(8)).length(7),
            holidaySource: z
              .object({
                country: z.string().min(2).max(3),
                state: z.string().min(1).max(8).optional(),
                types: z.array(z.string().max(20)).max(5),
              })
              .strict()
              .optional(),
            exceptions: z
              .array(
                z
                  .object({
                    date: z.string().max(10),
                    hours: z.array(interval).max(8),
                    reason: z.string().max(SLA_EXCEPTION_REASON_MAX),
                  })
                  .strict(),
              )
              .max(SLA_EXCEPTIONS_MAX),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

const policyShape = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().max(SLA_NAME_MAX),
    order: z.number().int().min(0).max(100_000),
    enabled: z.boolean(),
    condition: z
      .object({
        types: z.array(z.enum(TICKET_TYPES)).max(10).optional(),
        priorities: z
          .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]))
          .max(5)
          .optional(),
        categoryIds: z.array(z.string().max(40)).max(200).optional(),
        groupIds: z.array(z.string().max(40)).max(200).optional(),
        affectedItems: z.array(z.string().max(200)).max(200).optional(),
        callerOrgIds: z.array(z.string().max(40)).max(200).optional(),
        vip: z.boolean().optional(),
      })
      .strict(),
    calendarId: z.string().min(1).max(40),
    firstResponseMinutes: z.number(),
    resolutionMinutes: z.number(),
    updateIntervalMinutes: z.number().optional(),
    onReopen: z.enum(['resume', 'restart']),
    thresholds: z
      .array(
        z
          .object({
            percent: z.number(),
            actions: z
              .array(z.enum(['notify_assignee', 'notify_group_leads', 'notify_supervisor', 'reassign', 'raise_priority']))
              .max(5),
            groupId: z.string().max(40).optional(),
          })
          .strict(),
      )
      .max(10),
    actionsInBusinessHoursOnly: z.boolean(),
  })
  .strict();

/** A problem with a setting, with a stable code the UI translates and a message for the API. */
export interface SettingViolation {
  code: string;
  field: string;
  message: string;
}

const MESSAGES: Record<string, string> = {
  'sla.calendar.unknown_time_zone': 'Unknown time zone: use an IANA name such as America/Toronto.',
  'sla.calendar.bad_hours': 'Working hours must be whole minutes from 0 to 1440, each starting before it ends, for seven days.',
  'sla.calendar.overlapping_hours': 'Working hours of one day overlap: merge or separate them.',
  'sla.calendar.no_versions': 'A calendar needs at least one version.',
  'sla.calendar.bad_date': 'Dates are written YYYY-MM-DD.',
  'sla.calendar.unknown_holiday_source': 'Unknown holiday country or province for the holiday library.',
  'sla.calendar.duplicate_exception': 'A day has one exception at most: edit or remove the other one.',
  'sla.calendar.exception_before_version': 'An exception day must fall on or after the date the version takes effect.',
  'sla.calendar.exception_too_far': 'An exception day may be at most 5 years ahead.',
  'sla.policy.negative_target': 'Targets are whole minutes greater than zero (at most one year).',
  'sla.policy.bad_threshold': 'Warning thresholds are percentages above 0 and at most 100.',
  'sla.policy.name_required': 'A policy needs a name.',
  'sla.policy.unknown_calendar': 'The policy names a calendar that does not exist.',
  'sla.policy.reassign_group_required': 'A threshold that reassigns the ticket must name the group to reassign it to.',
  'sla.setting.id_mismatch': 'The setting’s id and its content’s id must be the same.',
  'sla.setting.shape': 'The setting is not well formed.',
};

/** The English message of an SLA setting's violation code (the API's text; the console translates the code). */
export const slaSettingMessage = (code: string): string => MESSAGES[code] ?? code;

const violation = (code: string, field: string, detail?: string): SettingViolation => ({
  code,
  field,
  message: detail ? `${MESSAGES[code] ?? code} (${detail})` : (MESSAGES[code] ?? code),
});

/**
 * Everything wrong with an SLA setting document (policy or calendar), empty when valid. `calendarIds` are the
 * calendars that exist, so a policy cannot name a missing one.
 */
export function checkSlaSetting(
  doc: Pick<SettingDocument, 'id' | 'kind' | 'data'>,
  calendarIds: readonly string[],
): SettingViolation[] {
  if (doc.kind === 'sla_calendar') {
    const parsed = calendarShape.safeParse(doc.data);
    if (!parsed.success)
      return parsed.error.issues.map((i) => violation('sla.setting.shape', `data.${i.path.join('.')}`, i.message));
    const calendar = parsed.data;
    const out = validateCalendar(calendar).map((v) => violation(v.code, `data.${v.field}`));
    if (calendar.id !== doc.id) out.push(violation('sla.setting.id_mismatch', 'data.id'));
    return out;
  }
  const parsed = policyShape.safeParse(doc.data);
  if (!parsed.success)
    return parsed.error.issues.map((i) => violation('sla.setting.shape', `data.${i.path.join('.')}`, i.message));
  const policy = parsed.data;
  const out = validateSlaPolicy(policy, calendarIds).map((v) => violation(v.code, `data.${v.field}`));
  if (policy.id !== doc.id) out.push(violation('sla.setting.id_mismatch', 'data.id'));
  return out;
}
