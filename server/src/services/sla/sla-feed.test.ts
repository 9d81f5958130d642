import { CALENDAR_TEMPLATES } from '@shared';
import { buildEvent, buildTicket } from '@shared/testing/build-records.js';
import { buildSlaPolicy } from '@shared/testing/build-sla.js';
import { describe, expect, it } from 'vitest';
import type { SlaConfig } from './sla-config.js';
import { planTicketSla } from './sla-feed.js';
import type { SlaPeople } from './sla-recipients.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 5, 10, 15);
const policy = buildSlaPolicy({
  id: 'p',
  name: 'P',
  calendarId: 'cal-24x7',
  firstResponseMinutes: 120,
  resolutionMinutes: 600,
  actionsInBusinessHoursOnly: false,
});
const config: SlaConfig = { policies: [policy], calendars: new Map([['cal-24x7', CALENDAR_TEMPLATES[0]]]) };
const people: SlaPeople = {
  users: new Map([['usr-tech', { id: 'usr-tech', email: 'tech@example.org', active: true }]]),
  supervisors: [{ id: 'usr-sup', email: 'sup@example.org', active: true, groupIds: ['grp-field'] }],
};
// Created 70 minutes ago: the first-response warning (50 % of 2 h) was passed 10 minutes ago.
const ticket = buildTicket({ assigneeId: 'usr-tech', createdAt: NOW - 70 * MIN, updatedAt: NOW - 70 * MIN });

describe('planTicketSla', () => {
  it('schedules the thresholds still ahead, each to whom its actions name', () => {
    const plan = planTicketSla(ticket, [], config, people, NOW);
    expect(plan.scheduled.map((r) => [r.clock, r.percent, r.dueAt - ticket.createdAt, r.recipient])).toEqual([
      ['first_response', 100, 120 * MIN, 'sup@example.org'],
      ['resolution', 50, 300 * MIN, 'tech@example.org'],
      ['resolution', 100, 600 * MIN, 'sup@example.org'],
    ]);
  });

  it('keeps a passed threshold due at its time only while its stored action has not fired, never announcing it late', () => {
    expect(planTicketSla(ticket, [], config, people, NOW).reached).toEqual([]);
    const unfired = new Set([`${ticket.id}|first_response|50`]);
    expect(planTicketSla(ticket, [], config, people, NOW, unfired).reached).toEqual([
      { ticketId: ticket.id, clock: 'first_response', percent: 50, dueAt: ticket.createdAt + 60 * MIN },
    ]);
  });

  it('tells the leads a group names, and the group’s supervisors while it names none who can be reached', () => {
    const warnLeads = {
      ...config,
      policies: [{ ...policy, thresholds: [{ percent: 75, actions: ['notify_group_leads' as const] }] }],
    };
    const lead = { id: 'usr-lead', email: 'lead@example.org', active: true };
    const recipients = (leads: SlaPeople['leads']) =>
      new Set(
        planTicketSla(ticket, [], warnLeads, { ...people, leads }, NOW)
          .scheduled.filter((r) => r.percent === 75)
          .map((r) => r.recipient),
      );
    expect(recipients(new Map([['grp-field', [lead]]]))).toEqual(new Set(['lead@example.org']));
    expect(recipients(new Map([['grp-field', [{ ...lead, active: false }]]]))).toEqual(new Set(['sup@example.org']));
    expect(recipients(undefined)).toEqual(new Set(['sup@example.org']));
  });

  it('plans nothing for a pending or resolved ticket, or when nobody can be told', () => {
    expect(planTicketSla({ ...ticket, status: 'pending' }, [], config, people, NOW)).toEqual({ scheduled: [], reached: [] });
    expect(planTicketSla({ ...ticket, status: 'resolved' }, [], config, people, NOW)).toEqual({ scheduled: [], reached: [] });
    const nobody = planTicketSla(ticket, [], config, { users: new Map(), supervisors: [] }, NOW);
    expect(nobody.scheduled).toEqual([]);
  });

  it('keys each update-interval cycle apart, so a fired warning of an earlier cycle does not silence the next', () => {
    const withUpdates = { ...config, policies: [{ ...policy, updateIntervalMinutes: 120 }] };
    const comment = {
      data: { ...buildEvent(ticket.id, 'usr-tech', { occurredAt: NOW - 20 * MIN }) },
      receivedAt: NOW - 19 * MIN,
    };
    const before = planTicketSla(ticket, [], withUpdates, people, NOW).scheduled.filter((r) => r.clock.startsWith('update'));
    const after = planTicketSla(ticket, [comment], withUpdates, people, NOW).scheduled.filter((r) =>
      r.clock.startsWith('update'),
    );
    expect(before.map((r) => r.clock)).toEqual([`update@${ticket.createdAt}`]);
    expect(after.map((r) => r.clock)).toEqual([`update@${NOW - 20 * MIN}`, `update@${NOW - 20 * MIN}`]);
  });
});
