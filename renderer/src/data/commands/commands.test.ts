import { parseFieldChange, queueKeyFor } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflictId } from '../replication/conflict-handler.js';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { resolveConflict } from './conflicts.js';
import { addPublicReply, addTicketEvent } from './events.js';
import { updateTicket } from './tickets.js';

const actor = { id: 'u-agent', role: 'agent' as const };

describe('ticket commands', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.insert(makeTicket());
  });
  afterEach(async () => {
    await db.close();
  });

  it('refuses an illegal transition without writing', async () => {
    await (await db.tickets.findOne('t-1').exec())!.incrementalPatch({ status: 'new' }); // set the scene directly
    const before = (await db.tickets.findOne('t-1').exec())!.toJSON();
    const violations = await updateTicket(db, 't-1', { status: 'closed' }, actor);
    expect(violations.map((v) => v.field)).toContain('status');
    const after = (await db.tickets.findOne('t-1').exec())!.toJSON();
    expect(after).toEqual(before);
    expect(await db.ticket_events.count().exec()).toBe(0);
  });

  it('requires a pending reason and resolution fields', async () => {
    expect((await updateTicket(db, 't-1', { status: 'pending' }, actor)).map((v) => v.field)).toEqual(['pendingReason']);
    const res = await updateTicket(db, 't-1', { status: 'resolved' }, actor);
    expect(res.map((v) => v.field).sort()).toEqual(['resolutionCode', 'resolutionNotes']);
  });

  it('writes a legal edit, recomputes priority and queue key, and records the status change and each field change', async () => {
    const violations = await updateTicket(db, 't-1', { status: 'in_progress', impact: 1, urgency: 1 }, actor);
    expect(violations).toEqual([]);
    const t = (await db.tickets.findOne('t-1').exec())!.toJSON();
    expect(t.status).toBe('in_progress');
    expect(t.priority).toBe(1);
    expect(t.updatedBy).toBe('u-agent');
    expect(t.queueKey).toBe(queueKeyFor(t.updatedAt));
    const events = await db.ticket_events.find().exec();
    const recorded = events.map((e) =>
      e.kind === 'field_change' ? ['field_change', parseFieldChange(e)] : [e.kind, e.fromValue, e.toValue],
    );
    expect(recorded).toHaveLength(4);
    expect(recorded).toEqual(
      expect.arrayContaining([
        ['status_change', 'assigned', 'in_progress'],
        ['field_change', { field: 'impact', from: String(makeTicket().impact), to: '1' }],
        ['field_change', { field: 'urgency', from: String(makeTicket().urgency), to: '1' }],
        ['field_change', { field: 'priority', from: String(makeTicket().priority), to: '1' }],
      ]),
    );
  });

  it('records the pending reason on the status change, so the SLA pause can say why it paused', async () => {
    expect(await updateTicket(db, 't-1', { status: 'pending', pendingReason: 'customer' }, actor)).toEqual([]);
    const events = await db.ticket_events.find().exec();
    expect(events.map((e) => [e.kind, e.toValue, e.body])).toEqual([['status_change', 'pending', 'customer']]);
  });

  it('counts each edit of each changed field, so a change undone later still reads as a change', async () => {
    await updateTicket(db, 't-1', { title: 'Toner empty', impact: 1 }, actor);
    await updateTicket(db, 't-1', { title: 'Printer on fire' }, actor);
    await updateTicket(db, 't-1', { title: 'Printer on fire', urgency: 2 }, actor); // no change: nothing counted
    const t = (await db.tickets.findOne('t-1').exec())!.toJSON();
    expect(t.title).toBe(makeTicket().title);
    expect(t.fieldRevs).toEqual({ title: 2, impact: 1 });
  });

  it('two edits made at once both keep their fields and their edit counters', async () => {
    // Both read the ticket before either writes: "resolved with this article", then "assign to me" at once.
    await Promise.all([
      updateTicket(db, 't-1', { resolutionNotes: 'KB0001: Reset the password', resolutionCode: 'workaround' }, actor),
      updateTicket(db, 't-1', { assigneeId: 'u-other' }, actor),
    ]);
    const t = (await db.tickets.findOne('t-1').exec())!.toJSON();
    expect(t).toMatchObject({
      resolutionNotes: 'KB0001: Reset the password',
      resolutionCode: 'workaround',
      assigneeId: 'u-other',
    });
    expect(t.fieldRevs).toEqual({ resolutionNotes: 1, resolutionCode: 1, assigneeId: 1 });
  });

  it('refuses, on the device, a change after which a technician could no longer see the ticket', async () => {
    // t-1 is assigned to u-tech, who is in no group of its own here: handing it to a colleague hides it from them.
    const tech = { id: 'u-tech', role: 'technician' as const, groupIds: ['grp-field'] };
    const before = (await db.tickets.findOne('t-1').exec())!.toJSON();
    const violations = await updateTicket(db, 't-1', { assigneeId: 'u-other' }, tech);
    expect(violations).toEqual([expect.objectContaining({ code: 'hidden_after_change', field: 'groupId' })]);
    expect((await db.tickets.findOne('t-1').exec())!.toJSON()).toEqual(before);
    expect(await db.ticket_events.count().exec()).toBe(0);
    // Within their group the same hand-over passes.
    const member = { ...tech, groupIds: ['grp-service-desk'] };
    expect(await updateTicket(db, 't-1', { assigneeId: 'u-other' }, member)).toEqual([]);
  });

  it('adds worklog entries and comments with a new id and the current time', async () => {
    const t0 = Date.now();
    const { event } = await addTicketEvent(db, { ticketId: 't-1', kind: 'worklog', body: 'Cleaned rollers', minutes: 20 }, actor);
    expect(event?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event?.occurredAt).toBeGreaterThanOrEqual(t0);
    const bad = await addTicketEvent(db, { ticketId: 't-1', kind: 'worklog', body: 'x', minutes: 0 }, actor);
    expect(bad.violations.map((v) => v.field)).toEqual(['minutes']);
    await addTicketEvent(db, { ticketId: 't-1', kind: 'comment', body: 'Called the user' }, actor);
    expect(await db.ticket_events.count().exec()).toBe(2);
  });

  it('records a public reply as its own kind, distinct from the internal comment', async () => {
    const agent = { ...actor, groupIds: ['grp-service-desk'] };
    const empty = await addPublicReply(db, { ticketId: 't-1', body: '  ' }, agent);
    expect(empty.violations.map((v) => v.code)).toEqual(['body_required']);
    const { event } = await addPublicReply(db, { ticketId: 't-1', body: ' Your printer is fixed. ' }, agent);
    expect(event).toMatchObject({ kind: 'reply', body: 'Your printer is fixed.', authorId: 'u-agent', fromValue: '' });
    const stranger = { id: 'u-elsewhere', role: 'technician' as const, groupIds: ['grp-other'] };
    const refused = await addPublicReply(db, { ticketId: 't-1', body: 'Hello' }, stranger);
    expect(refused.violations.map((v) => v.code)).toEqual(['not_permitted']);
    expect(await db.ticket_events.count().exec()).toBe(1);
  });
});

describe('resolveConflict', () => {
  let db: DeskDatabase;
  const id = conflictId('tickets', 't-1', 'title');
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.insert(makeTicket({ title: 'Theirs' }));
    await db.conflicts.insert({
      id,
      kind: 'conflict',
      collectionName: 'tickets',
      docId: 't-1',
      field: 'title',
      localValue: JSON.stringify('Mine'),
      remoteValue: JSON.stringify('Theirs'),
      detectedAt: 1,
      resolved: false,
    });
  });
  afterEach(async () => {
    await db.close();
  });

  it('keeps the server value: the document is untouched and the conflict is closed', async () => {
    expect(await resolveConflict(db, id, 'server')).toEqual([]);
    expect((await db.tickets.findOne('t-1').exec())!.title).toBe('Theirs');
    expect((await db.conflicts.findOne(id).exec())!.resolved).toBe(true);
  });

  it('keeps the local value: it is written back and the conflict is closed', async () => {
    expect(await resolveConflict(db, id, 'local', actor)).toEqual([]);
    const t = (await db.tickets.findOne('t-1').exec())!;
    expect(t.title).toBe('Mine');
    expect(t.updatedBy).toBe('u-agent');
    // Taking the local value back is a new edit of the field, counted past the server's edits.
    expect(t.fieldRevs).toEqual({ title: 1 });
    expect((await db.conflicts.findOne(id).exec())!.resolved).toBe(true);
  });
});
