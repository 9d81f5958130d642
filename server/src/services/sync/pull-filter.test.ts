import { ACCESS_POLICY, CONFIG_MANAGER_GROUP_ID, canSeeTicket, isAssignedTicket, ROLES, type Actor, type Ticket } from '@shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PullFilter } from '../../db/queries/pull.js';
import { pullFilterFor } from './pull-filter.js';

/** What the SQL of `db/queries/pull.ts` does with a filter, written in JS. */
function matches(filter: PullFilter, ticket: Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'cis') return false;
  if (!filter.seeSecurity && ticket.security) return false;
  if (filter.assignedTo !== undefined && ticket.assigneeId !== filter.assignedTo) return false;
  if (filter.restrictTo)
    return ticket.assigneeId === filter.restrictTo.userId || filter.restrictTo.groupIds.includes(ticket.groupId);
  return true;
}

const groups = ['grp-field', 'grp-network', 'grp-security', 'grp-apps'];
const actor = fc.record({ id: fc.constantFrom('u1', 'u2'), role: fc.constantFrom(...ROLES), groupIds: fc.subarray(groups) });
const ticket = fc.record({
  groupId: fc.constantFrom('', ...groups),
  assigneeId: fc.constantFrom('', 'u1', 'u2'),
  security: fc.boolean(),
});

describe('pullFilterFor', () => {
  it('selects exactly the tickets canSeeTicket allows', () => {
    fc.assert(
      fc.property(actor, ticket, (a: Actor, t) => {
        const filter = pullFilterFor(a, 'tickets');
        expect(filter).not.toBeNull();
        expect(matches(filter!, t)).toBe(canSeeTicket(a, t));
      }),
    );
  });

  it('selects exactly the survey responses of tickets isAssignedTicket allows (agents), none for technicians', () => {
    fc.assert(
      fc.property(actor, ticket, (a: Actor, t) => {
        const filter = pullFilterFor(a, 'survey_responses');
        // The grant is read from the shared policy, never from role names written here.
        const scope = ACCESS_POLICY.survey_responses[a.role].pull;
        if (scope === 'none') expect(filter).toBeNull();
        else if (scope === 'assigned_tickets') expect(matches(filter!, t)).toBe(isAssignedTicket(a, t));
        else expect(filter).toEqual({ kind: 'all' });
      }),
    );
  });

  it('follows the policy scopes of other collections', () => {
    expect(pullFilterFor({ id: 'u', role: 'technician', groupIds: [] }, 'survey_responses')).toBeNull();
    expect(pullFilterFor({ id: 'u', role: 'supervisor', groupIds: [] }, 'survey_responses')).toEqual({ kind: 'all' });
    expect(pullFilterFor({ id: 'u', role: 'agent', groupIds: [] }, 'kb_articles')).toEqual({ kind: 'all' });
    expect(pullFilterFor({ id: 'u', role: 'agent', groupIds: [] }, 'ticket_events')).toMatchObject({
      kind: 'tickets',
      seeSecurity: false,
      restrictTo: null,
    });
  });

  it('sends every CI and CI history to all but technicians; a technician in the configuration-manager group too', () => {
    for (const collection of ['config_items', 'ci_history'] as const) {
      for (const role of ['agent', 'supervisor', 'admin'] as const)
        expect(pullFilterFor({ id: 'u', role, groupIds: [] }, collection)).toEqual({ kind: 'all' });
      expect(pullFilterFor({ id: 'u', role: 'technician', groupIds: ['grp-field'] }, collection)).toEqual({
        kind: 'cis',
        groupIds: ['grp-field'],
      });
      const manager = { id: 'u', role: 'technician' as const, groupIds: ['grp-field', CONFIG_MANAGER_GROUP_ID] };
      expect(pullFilterFor(manager, collection)).toEqual({ kind: 'all' });
    }
  });
});
