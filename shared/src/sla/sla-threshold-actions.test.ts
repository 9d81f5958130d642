import { describe, expect, it } from 'vitest';
import { parseFieldChange, SYSTEM_AUTHOR_ID } from '../domain/ticket-history.js';
import { buildDirectoryEntry, buildTicket } from '../testing/build-records.js';
import { buildSlaPolicy } from '../testing/build-sla.js';
import { matchTicketSlaPolicy, validateSlaPolicy, vipCallerIdsOf, type SlaThreshold } from './sla-policy.js';
import { applySlaThresholdActions, raisedPriority, thresholdsChangeTicket } from './sla-threshold-actions.js';

const NOW = 1_790_000_000_000;
const firing = { clock: 'resolution', percent: 75, now: NOW, eventIdPrefix: 'sla-action-7', isActiveGroup: () => true };

describe('applySlaThresholdActions', () => {
  it('raises the priority one step with a reason, recorded as a field change by the system', () => {
    const ticket = buildTicket({ impact: 2, urgency: 2 });
    expect(ticket.priority).toBe(3);
    const change = applySlaThresholdActions(ticket, [{ percent: 75, actions: ['raise_priority'] }], firing);
    expect(change?.raisedTo).toBe(2);
    expect(change?.ticket).toMatchObject({ priority: 2, updatedBy: SYSTEM_AUTHOR_ID, impact: 2, urgency: 2 });
    expect(change?.ticket.priorityOverrideReason).toContain('resolution clock reached 75 %');
    expect(change?.events.map((e) => [e.id, e.kind, e.authorId])).toEqual([
      ['sla-action-7-priority', 'field_change', SYSTEM_AUTHOR_ID],
    ]);
    expect(parseFieldChange(change!.events[0])).toEqual({ field: 'priority', from: '3', to: '2' });
  });

  it('never raises above priority 1', () => {
    expect(raisedPriority(1)).toBe(1);
    expect(raisedPriority(5)).toBe(4);
    const top = buildTicket({ impact: 1, urgency: 1 });
    expect(top.priority).toBe(1);
    expect(applySlaThresholdActions(top, [{ percent: 75, actions: ['raise_priority'] }], firing)).toBeNull();
  });

  it('reassigns to the named group, unassigned and back to New there, with the hand-over in the history', () => {
    const ticket = buildTicket({ groupId: 'grp-field', assigneeId: 'usr-tech', status: 'in_progress' });
    const thresholds: SlaThreshold[] = [{ percent: 75, actions: ['reassign', 'notify_assignee'], groupId: 'grp-network' }];
    const change = applySlaThresholdActions(ticket, thresholds, firing);
    expect(change?.reassignedTo).toBe('grp-network');
    expect(change?.ticket).toMatchObject({ groupId: 'grp-network', assigneeId: '', status: 'new' });
    expect(change?.events.map((e) => [e.kind, e.fromValue, e.toValue])).toEqual([
      ['escalation', 'grp-field', 'grp-network'],
      ['assignment', 'usr-tech', ''],
      ['status_change', 'in_progress', 'new'],
    ]);
    // Ids derive from the fired action: written twice, they are one entry.
    expect(new Set(change?.events.map((e) => e.id)).size).toBe(3);
    expect(change?.events.every((e) => e.id.startsWith('sla-action-7-'))).toBe(true);
  });

  it('does nothing for the group the ticket is already in, or a group that no longer exists', () => {
    const ticket = buildTicket({ groupId: 'grp-network' });
    const thresholds: SlaThreshold[] = [{ percent: 75, actions: ['reassign'], groupId: 'grp-network' }];
    expect(applySlaThresholdActions(ticket, thresholds, firing)).toBeNull();
    const gone = [{ percent: 75, actions: ['reassign'], groupId: 'grp-gone' }] satisfies SlaThreshold[];
    expect(applySlaThresholdActions(buildTicket(), gone, { ...firing, isActiveGroup: (id) => id !== 'grp-gone' })).toBeNull();
  });

  it('does both at once, and nothing for notify-only thresholds', () => {
    const ticket = buildTicket({ impact: 3, urgency: 3 });
    const both: SlaThreshold[] = [{ percent: 100, actions: ['reassign', 'raise_priority'], groupId: 'grp-apps' }];
    const change = applySlaThresholdActions(ticket, both, { ...firing, percent: 100 });
    expect(change?.ticket.groupId).toBe('grp-apps');
    expect(change?.ticket.priority).toBe(ticket.priority - 1);
    expect(thresholdsChangeTicket(both)).toBe(true);
    const notify: SlaThreshold[] = [{ percent: 50, actions: ['notify_assignee', 'notify_supervisor'] }];
    expect(thresholdsChangeTicket(notify)).toBe(false);
    expect(applySlaThresholdActions(ticket, notify, firing)).toBeNull();
  });

  it('a policy whose threshold reassigns must name the group', () => {
    const policy = buildSlaPolicy({ calendarId: 'cal-test', thresholds: [{ percent: 75, actions: ['reassign'] }] });
    expect(validateSlaPolicy(policy, ['cal-test'])).toEqual([
      { code: 'sla.policy.reassign_group_required', field: 'thresholds.0.groupId' },
    ]);
    const named = { ...policy, thresholds: [{ percent: 75, actions: ['reassign' as const], groupId: 'grp-network' }] };
    expect(validateSlaPolicy(named, ['cal-test'])).toEqual([]);
  });
});

describe('VIP callers', () => {
  const vipPolicy = buildSlaPolicy({ id: 'sla-vip', order: 1, condition: { vip: true }, firstResponseMinutes: 15 });
  const others = buildSlaPolicy({ id: 'sla-others', order: 2, condition: {} });

  it('come from the directory: people an administrator marked VIP, never groups or the ticket itself', () => {
    const ids = vipCallerIdsOf([
      buildDirectoryEntry({ id: 'usr-vip', kind: 'user', vip: true }),
      buildDirectoryEntry({ id: 'usr-plain', kind: 'user' }),
      buildDirectoryEntry({ id: 'grp-vip', kind: 'group', vip: true }),
    ]);
    expect([...ids]).toEqual(['usr-vip']);
    expect(matchTicketSlaPolicy([vipPolicy, others], buildTicket({ callerId: 'usr-vip' }), ids)).toMatchObject({
      policy: { id: 'sla-vip' },
      matchedOn: ['vip'],
    });
    // A ticket claiming its caller is a VIP (a forged field) is matched on the directory, not on the claim.
    const forged = { ...buildTicket({ callerId: 'usr-plain' }), callerVip: true };
    expect(matchTicketSlaPolicy([vipPolicy, others], forged, ids)?.policy.id).toBe('sla-others');
    // Without the directory (not yet synced) nobody is a VIP.
    expect(matchTicketSlaPolicy([vipPolicy, others], buildTicket({ callerId: 'usr-vip' }), undefined)?.policy.id).toBe(
      'sla-others',
    );
  });

  it('a not-VIP condition matches everyone else', () => {
    const notVip = buildSlaPolicy({ id: 'sla-not-vip', condition: { vip: false } });
    const ids = new Set(['usr-vip']);
    expect(matchTicketSlaPolicy([notVip], buildTicket({ callerId: 'usr-vip' }), ids)).toBeUndefined();
    expect(matchTicketSlaPolicy([notVip], buildTicket({ callerId: 'usr-0002' }), ids)?.policy.id).toBe('sla-not-vip');
  });
});
