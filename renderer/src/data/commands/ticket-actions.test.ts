import type { DirectoryEntry } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import {
  assignToMe,
  escalateTicket,
  flagToSupervisor,
  linkArticle,
  unlinkArticle,
  recategoriseTicket,
  resolveWithArticle,
  setMajor,
  setWatcher,
} from './ticket-actions.js';
import { updateTicket } from './tickets.js';

const me = { id: 'u-me', role: 'agent' as const };

const category = (id: string, groupId: string): DirectoryEntry => ({
  id,
  kind: 'category',
  name: id,
  nameFr: id,
  email: '',
  role: '',
  groupIds: [],
  parentId: '',
  groupId,
  locale: 'en',
  active: true,
  updatedAt: 1,
});

describe('ticket actions', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.insert(makeTicket({ status: 'new', assigneeId: '' }));
  });
  afterEach(async () => {
    await db.close();
  });
  const stored = async () => (await db.tickets.findOne('t-1').exec())!.toJSON();
  const kinds = async () => (await db.ticket_events.find().exec()).map((e) => e.kind).sort();

  it('assigns to me and moves a new ticket to assigned', async () => {
    expect(await assignToMe(db, 't-1', me)).toEqual([]);
    expect(await stored()).toMatchObject({ assigneeId: 'u-me', status: 'assigned' });
    expect(await kinds()).toEqual(['assignment', 'status_change']);
  });

  it('escalates to a group with a reason, recorded as an escalation event', async () => {
    expect((await escalateTicket(db, 't-1', { groupId: 'grp-network', tier: 2, reason: ' ' }, me)).map((v) => v.field)).toEqual([
      'reason',
    ]);
    expect(await escalateTicket(db, 't-1', { groupId: 'grp-network', tier: 2, reason: 'Needs network' }, me)).toEqual([]);
    expect(await stored()).toMatchObject({ groupId: 'grp-network', escalationTier: 2, assigneeId: '' });
    const ev = (await db.ticket_events.find({ selector: { kind: 'escalation' } }).exec())[0];
    expect(ev.toJSON()).toMatchObject({ body: 'Needs network', fromValue: 'grp-service-desk', toValue: 'grp-network' });
  });

  it('escalating an assigned or in-progress ticket clears the assignee and takes it back to New, never "Assigned" alone', async () => {
    await assignToMe(db, 't-1', me);
    expect(await updateTicket(db, 't-1', { status: 'in_progress' }, me)).toEqual([]);
    expect(await escalateTicket(db, 't-1', { groupId: 'grp-network', tier: 2, reason: 'Needs network' }, me)).toEqual([]);
    expect(await stored()).toMatchObject({ groupId: 'grp-network', assigneeId: '', status: 'new', escalationTier: 2 });
  });

  it('unassigning through the editor patch takes an Assigned ticket back to New', async () => {
    await assignToMe(db, 't-1', me);
    expect(await updateTicket(db, 't-1', { assigneeId: '' }, me)).toEqual([]);
    expect(await stored()).toMatchObject({ assigneeId: '', status: 'new' });
  });

  it('re-categorises and routes the ticket when the category names a group', async () => {
    await db.directory.bulkInsert([category('cat-net', 'grp-network'), category('cat-misc', '')]);
    await assignToMe(db, 't-1', me);
    expect(await recategoriseTicket(db, 't-1', 'cat-misc', me)).toEqual([]);
    expect(await stored()).toMatchObject({ categoryId: 'cat-misc', groupId: 'grp-service-desk', assigneeId: 'u-me' });
    expect(await recategoriseTicket(db, 't-1', 'cat-net', me)).toEqual([]);
    expect(await stored()).toMatchObject({ categoryId: 'cat-net', groupId: 'grp-network', assigneeId: '', status: 'new' });
    expect((await stored()).fieldRevs?.categoryId).toBe(2);
  });

  it('flags to a supervisor, declares a major incident and manages watchers', async () => {
    expect(await flagToSupervisor(db, 't-1', true, 'VIP', me)).toEqual([]);
    expect(await setMajor(db, 't-1', true, '', me)).toHaveLength(1);
    expect(await setMajor(db, 't-1', true, 'u-boss', me)).toEqual([]);
    expect(await setWatcher(db, 't-1', 'u-w', true, me)).toEqual([]);
    expect(await stored()).toMatchObject({
      escalatedToSupervisor: true,
      major: true,
      majorManagerId: 'u-boss',
      watcherIds: ['u-w'],
    });
    expect(await setWatcher(db, 't-1', 'u-w', false, me)).toEqual([]);
    expect((await stored()).watcherIds).toEqual([]);
  });

  it('declares a major incident with its reason in the history, raising it to priority 1 when asked', async () => {
    expect(await setMajor(db, 't-1', true, 'u-me', me, { reason: '  ', raisePriority: true })).toMatchObject([
      { field: 'reason' },
    ]);
    expect((await stored()).major).toBeFalsy();
    expect(await setMajor(db, 't-1', true, 'u-me', me, { reason: 'Mail down for everyone', raisePriority: true })).toEqual([]);
    expect(await stored()).toMatchObject({ major: true, impact: 1, urgency: 1, priority: 1 });
    const events = await db.ticket_events.find({ selector: { ticketId: 't-1', kind: 'escalation' } }).exec();
    expect(events.map((e) => [e.toValue, e.body])).toEqual([['major', 'Mail down for everyone']]);
  });

  it('leaves the priority alone when the declaration does not raise it', async () => {
    const before = await stored();
    expect(await setMajor(db, 't-1', true, 'u-me', me, { reason: 'Printer fleet', raisePriority: false })).toEqual([]);
    expect(await stored()).toMatchObject({
      major: true,
      impact: before.impact,
      urgency: before.urgency,
      priority: before.priority,
    });
  });
});

describe('article actions', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.insert(makeTicket());
  });
  afterEach(async () => {
    await db.close();
  });

  it('unlinks an article: the link goes, and the history says which article left', async () => {
    await linkArticle(db, 't-1', 'kb-1', me);
    await linkArticle(db, 't-1', 'kb-2', me);
    expect(await unlinkArticle(db, 't-1', 'kb-1', me)).toEqual([]);
    // Unlinking what is not linked changes nothing and records nothing.
    expect(await unlinkArticle(db, 't-1', 'kb-9', me)).toEqual([]);
    expect((await db.tickets.findOne('t-1').exec())!.toJSON().linkedArticleIds).toEqual(['kb-2']);
    const events = (await db.ticket_events.find({ selector: { ticketId: 't-1', kind: 'article_link' } }).exec()).map((d) =>
      d.toJSON(),
    );
    expect(events.filter((e) => e.toValue === '')).toEqual([expect.objectContaining({ fromValue: 'kb-1', toValue: '' })]);
  });

  it('links an article once and resolving with it prefills the resolution', async () => {
    expect(await linkArticle(db, 't-1', 'kb-1', me)).toEqual([]);
    expect(await linkArticle(db, 't-1', 'kb-1', me)).toEqual([]);
    expect(await resolveWithArticle(db, 't-1', { id: 'kb-2', number: 'KB2', title: 'Reset it' }, me)).toEqual([]);
    const t = (await db.tickets.findOne('t-1').exec())!.toJSON();
    expect(t).toMatchObject({
      linkedArticleIds: ['kb-1', 'kb-2'],
      resolvedWithArticleId: 'kb-2',
      resolutionCode: 'fixed',
      resolutionNotes: 'KB2: Reset it',
    });
    expect(await db.ticket_events.find({ selector: { kind: 'article_link' } }).exec()).toHaveLength(2);
  });
});
