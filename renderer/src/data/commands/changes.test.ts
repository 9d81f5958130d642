import type { Ticket, TicketEvent } from '@shared';
import { buildChange, buildApproval } from '@shared/testing/build-change.js';
import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import {
  addChangeTask,
  completeChangeTask,
  linkCausingChange,
  linkFixedTicket,
  moveChange,
  recordApproval,
  saveChangePlan,
  unlinkFixedTicket,
} from './changes.js';

// The seeded shape: a CAB of three (the requester among them), change managers, an implementer and a field technician.
const manager = { id: 'u-cm', role: 'technician' as const, groupIds: ['grp-apps', 'grp-change-managers'] };
const implementer = { id: 'usr-tech', role: 'technician' as const, groupIds: ['grp-apps'] };
const field = { id: 'u-field', role: 'technician' as const, groupIds: ['grp-field'] };
const agent = { id: 'u-agent', role: 'agent' as const, groupIds: ['grp-service-desk'] };
const cab = (id: string) => ({ id, role: 'supervisor' as const, groupIds: ['grp-cab'] });

describe('change commands', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.directory.bulkInsert([
      ...['u-a', 'u-b', 'usr-requester'].map((id) => buildDirectoryEntry({ id, role: 'supervisor', groupIds: ['grp-cab'] })),
      buildDirectoryEntry({ id: 'u-gone', role: 'supervisor', groupIds: ['grp-cab'], active: false }),
    ]);
    await db.tickets.insert(buildChange({ id: 'chg', groupId: 'grp-apps' }));
  });
  afterEach(async () => {
    await db.close();
  });
  const ticket = async (id: string) => (await db.tickets.findOne(id).exec())!.toJSON() as Ticket;
  const approvals = async () =>
    (await db.ticket_events.find({ selector: { ticketId: 'chg', kind: 'approval' } }).exec()).map(
      (d) => d.toJSON() as TicketEvent,
    );

  it('records a CAB decision on the change as it is, and refuses the requester, non-members and a silent rejection', async () => {
    expect((await recordApproval(db, 'chg', 'approved', '', agent)).map((v) => v.code)).toEqual(['change_approver_not_on_board']);
    expect((await recordApproval(db, 'chg', 'approved', '', cab('usr-requester'))).map((v) => v.code)).toEqual([
      'change_approver_is_requester',
    ]);
    expect((await recordApproval(db, 'chg', 'rejected', '  ', cab('u-a'))).map((v) => v.code)).toEqual(['body_required']);
    expect(await approvals()).toEqual([]);
    expect(await recordApproval(db, 'chg', 'approved', ' Fine. ', cab('u-a'))).toEqual([]);
    expect(await approvals()).toEqual([
      expect.objectContaining({
        authorId: 'u-a',
        toValue: 'approved',
        body: 'Fine.',
        fromValue: buildApproval(await ticket('chg'), 'x').fromValue,
      }),
    ]);
  });

  it('schedules only with the quorum held on the device, and only for change managers', async () => {
    expect((await moveChange(db, 'chg', 'scheduled', manager)).map((v) => v.code)).toEqual(['change_approval_required']);
    await recordApproval(db, 'chg', 'approved', '', cab('u-b'));
    expect((await moveChange(db, 'chg', 'scheduled', implementer)).map((v) => v.code)).toEqual(['change_move_forbidden']);
    expect(await moveChange(db, 'chg', 'scheduled', manager)).toEqual([]);
    expect(await ticket('chg')).toMatchObject({ changePhase: 'scheduled', status: 'in_progress' });
  });

  it('sends a scheduled change replanned back to its CAB, and only a change manager may', async () => {
    await recordApproval(db, 'chg', 'approved', '', cab('u-b'));
    await moveChange(db, 'chg', 'scheduled', manager);
    const later = (await ticket('chg')).plannedStart! + 3_600_000;
    expect(
      (await saveChangePlan(db, 'chg', { plannedStart: later, plannedEnd: later + 3_600_000 }, implementer)).map((v) => v.code),
    ).toEqual(['change_move_forbidden']);
    expect(await saveChangePlan(db, 'chg', { plannedStart: later, plannedEnd: later + 3_600_000 }, manager)).toEqual([]);
    expect((await ticket('chg')).changePhase).toBe('awaiting_approval');
    // A title edit keeps it scheduled: approvals are given on the plan, window and CIs.
    await recordApproval(db, 'chg', 'approved', '', cab('u-a'));
    await moveChange(db, 'chg', 'scheduled', manager);
    expect(await saveChangePlan(db, 'chg', { fixesTicketIds: ['inc-1'] }, manager)).toEqual([]);
    expect((await ticket('chg')).changePhase).toBe('scheduled');
  });

  it('lets the implementer end the implementation with its outcome, stamped, and closes a failed change only after its review', async () => {
    await recordApproval(db, 'chg', 'approved', '', cab('u-b'));
    await moveChange(db, 'chg', 'scheduled', manager);
    expect(await moveChange(db, 'chg', 'implementing', implementer)).toEqual([]);
    expect((await moveChange(db, 'chg', 'review', implementer)).map((v) => v.code)).toEqual(['change_outcome_required']);
    const before = Date.now();
    expect(await moveChange(db, 'chg', 'review', implementer, { changeOutcome: 'failed' })).toEqual([]);
    expect((await ticket('chg')).implementedAt).toBeGreaterThanOrEqual(before);
    expect((await moveChange(db, 'chg', 'closed', manager, { resolutionNotes: 'Rolled back.' })).map((v) => v.code)).toEqual([
      'change_review_required',
    ]);
    expect(
      await moveChange(db, 'chg', 'closed', manager, {
        resolutionNotes: 'Rolled back.',
        reviewNotes: 'Vendor patch broke logins.',
      }),
    ).toEqual([]);
    expect(await ticket('chg')).toMatchObject({ changePhase: 'closed', status: 'resolved', changeOutcome: 'failed' });
  });

  it("adds a task in the change's group for whoever does it, who completes it; a task its author could not see is refused", async () => {
    const { task, violations } = await addChangeTask(db, 'chg', { title: ' Check the UPS ', assigneeId: 'u-field' }, manager);
    expect(violations).toEqual([]);
    expect(task).toMatchObject({
      type: 'task',
      parentId: 'chg',
      groupId: 'grp-apps',
      assigneeId: 'u-field',
      status: 'assigned',
      title: 'Check the UPS',
    });
    // The field technician may not see the change: the task carries its plan to do the work offline.
    expect(task!.description).toContain('Stop the service, apply the patch, start it.');
    expect(task!.description).toContain('Restore the snapshot taken before.');
    expect(await completeChangeTask(db, task!.id, 'Done.', field)).toEqual([]);
    expect(await ticket(task!.id)).toMatchObject({ status: 'resolved', resolutionCode: 'fixed' });
    await db.tickets.insert(buildChange({ id: 'chg-field', groupId: 'grp-network' }));
    const hidden = await addChangeTask(db, 'chg-field', { title: 'Swap the switch', assigneeId: 'u-other' }, field);
    expect(hidden.task).toBeNull();
    expect(hidden.violations.map((v) => v.code)).toContain('hidden_after_change');
  });

  it('links an incident to the change that caused it', async () => {
    await db.tickets.insert(
      buildChange({
        id: 'inc',
        type: 'incident',
        changeType: undefined,
        changePhase: undefined,
        changePlan: undefined,
        riskAnswers: undefined,
      }),
    );
    expect(await linkCausingChange(db, 'inc', 'chg', agent)).toEqual([]);
    expect((await ticket('inc')).causedByChangeId).toBe('chg');
    expect((await linkCausingChange(db, 'chg', 'chg', manager)).map((v) => v.code)).toContain('change_field_type');
  });
});

describe('what a change fixes', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.bulkInsert([
      buildChange({ id: 'chg', number: 'CHG0000100' }),
      buildChange({
        id: 'inc',
        number: 'INC0000200',
        type: 'incident',
        changeType: undefined,
        changePhase: undefined,
        changePlan: undefined,
        riskAnswers: undefined,
      }),
      buildChange({
        id: 'req',
        number: 'REQ0000300',
        type: 'request',
        changeType: undefined,
        changePhase: undefined,
        changePlan: undefined,
        riskAnswers: undefined,
      }),
    ]);
  });
  afterEach(async () => {
    await db.close();
  });

  it('lists incidents and problems by number, each once, and nothing else', async () => {
    expect(await linkFixedTicket(db, 'chg', ' inc0000200 ', manager)).toEqual([]);
    expect((await linkFixedTicket(db, 'chg', 'INC0000200', manager)).map((v) => v.code)).toEqual(['change_fix_link']);
    expect((await linkFixedTicket(db, 'chg', 'REQ0000300', manager)).map((v) => v.code)).toEqual(['change_fix_link']);
    expect((await linkFixedTicket(db, 'chg', 'INC9999999', manager)).map((v) => v.code)).toEqual(['not_found']);
    expect((await db.tickets.findOne('chg').exec())!.toJSON().fixesTicketIds).toEqual(['inc']);
    expect(await unlinkFixedTicket(db, 'chg', 'inc', manager)).toEqual([]);
    expect((await db.tickets.findOne('chg').exec())!.toJSON().fixesTicketIds).toEqual([]);
  });
});
