import type { DirectoryEntry } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { createTicket } from './create-ticket.js';

const category = (id: string, parentId: string, groupId: string): DirectoryEntry => ({
  id,
  kind: 'category',
  name: id,
  nameFr: id,
  email: '',
  role: '',
  groupIds: [],
  parentId,
  groupId,
  locale: 'en',
  active: true,
  updatedAt: 1,
});

const input = {
  type: 'incident' as const,
  title: ' VPN drops ',
  description: 'Every hour',
  callerId: 'usr-1',
  channel: 'phone' as const,
  categoryId: 'cat-net-vpn',
  impact: 1 as const,
  urgency: 2 as const,
};

describe('createTicket', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.directory.bulkInsert([category('cat-net', '', 'grp-network'), category('cat-net-vpn', 'cat-net', '')]);
  });
  afterEach(async () => {
    await db.close();
  });

  it('writes a new ticket routed by category, with a provisional number and the matrix priority', async () => {
    const { ticket, violations } = await createTicket(db, input, { id: 'usr-agent' });
    expect(violations).toEqual([]);
    expect(ticket).toMatchObject({ status: 'new', groupId: 'grp-network', priority: 2, title: 'VPN drops' });
    expect(ticket!.number).toMatch(/^NEW-[A-Z2-7]{6}$/);
    expect((await db.tickets.findOne(ticket!.id).exec())?.number).toBe(ticket!.number);
  });

  it('needs a name and e-mail for a new contact, and a reason to override the priority', async () => {
    const res = await createTicket(
      db,
      { ...input, callerId: '', callerEmail: 'nope', priority: 5, priorityOverrideReason: ' ' },
      { id: 'a' },
    );
    expect(res.violations.map((v) => v.field).sort()).toEqual(['callerEmail', 'callerName', 'priorityOverrideReason']);
    expect(await db.tickets.count().exec()).toBe(0);
  });

  it('keeps a new contact and an override with its reason', async () => {
    const { ticket } = await createTicket(
      db,
      {
        ...input,
        callerId: '',
        callerName: 'Ana',
        callerEmail: 'ana@example.org',
        priority: 5,
        priorityOverrideReason: 'VIP later',
      },
      { id: 'a' },
    );
    expect(ticket).toMatchObject({
      callerName: 'Ana',
      callerEmail: 'ana@example.org',
      priority: 5,
      priorityOverrideReason: 'VIP later',
    });
  });

  it('assigns a technician the ticket they record when it routes to a group they are not in', async () => {
    const tech = { id: 'usr-tech', role: 'technician' as const, groupIds: ['grp-nobody'] };
    const { ticket, violations } = await createTicket(db, input, tech);
    expect(violations).toEqual([]);
    expect(ticket).toMatchObject({ assigneeId: 'usr-tech', status: 'assigned' });
    const agent = { id: 'usr-agent', role: 'agent' as const, groupIds: [] };
    expect((await createTicket(db, input, agent)).ticket).toMatchObject({ assigneeId: '', status: 'new' });
  });
});

describe('createTicket: security incidents', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.directory.bulkInsert([category('cat-sec', '', 'grp-security'), category('cat-sec-phish', 'cat-sec', '')]);
  });
  afterEach(async () => {
    await db.close();
  });
  const phishing = { ...input, categoryId: 'cat-sec-phish' };

  it('marks a ticket of a category routed to the security group as a security incident', async () => {
    const securityAgent = { id: 'usr-s', role: 'agent' as const, groupIds: ['grp-service-desk', 'grp-security'] };
    const { ticket } = await createTicket(db, phishing, securityAgent);
    expect(ticket).toMatchObject({ security: true, groupId: 'grp-security' });
  });

  it('refuses it to an agent outside the security group, who could not see it afterwards', async () => {
    const agent = { id: 'usr-a', role: 'agent' as const, groupIds: ['grp-service-desk'] };
    const { ticket, violations } = await createTicket(db, phishing, agent);
    expect(ticket).toBeNull();
    expect(violations.map((v) => v.field)).toEqual(['categoryId']);
    expect(await db.tickets.count().exec()).toBe(0);
  });
});
