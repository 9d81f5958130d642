import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import {
  assignToMe,
  escalateTicket,
  flagToSupervisor,
  linkArticle,
  resolveWithArticle,
  setMajor,
  setWatcher,
} from './ticket-actions.js';

const me = { id: 'u-me', role: 'agent' as const };

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
