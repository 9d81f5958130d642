import { describe, expect, it } from 'vitest';
import type { HeldMail } from '@shared';
import { listQueuedMail } from '../../db/queries/mail-outbox.js';
import { queueMail } from './mail-queue.js';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

/** A small allowance so the test reaches it; production uses DEFAULT_MAIL_PER_USER_PER_HOUR. */
const PER_HOUR = 3;

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('outgoing mail per user per hour', backend), () => {
    // No SMTP: what the desk will send is read from the outbox, which holds the final word once a push returned.
    const env = useTestServers(backend, { server: { mailPerUserPerHour: PER_HOUR } });
    const token = async (who: keyof typeof DEMO_USERS): Promise<string> =>
      (await env().api.login(DEMO_USERS[who].email)).accessToken;

    it("holds the mail a user's writes cause beyond the hourly allowance, with its reason; others' mail still goes", async () => {
      const agent = await token('agent');
      // Five new tickets for five outside callers: five "received" notices asked for within the hour.
      const tickets = Array.from({ length: 5 }, (_, i) =>
        makeTicket({
          groupId: 'grp-service-desk',
          callerId: '',
          callerName: `Caller ${i}`,
          callerEmail: `rate-${i}-${backend.name}@example.org`,
        }),
      );
      for (const ticket of tickets) {
        const pushed = await env().api.push(agent, 'tickets', [{ newDocumentState: ticket }]);
        expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      }
      const queued = await Promise.all(tickets.map((t) => listQueuedMail(env().server.db, { ticketId: t.id })));
      const held = queued.flat().filter((m) => m.heldReason);
      expect(queued.flat()).toHaveLength(5);
      expect(held.map((m) => m.to)).toEqual(tickets.slice(PER_HOUR).map((t) => t.callerEmail));
      expect(held[0].heldReason).toBe(
        `Held: ${DEMO_USERS.agent.id} has had ${PER_HOUR} messages sent within the last hour; the limit is ${PER_HOUR} per hour.`,
      );
      // The writes themselves were kept: the tickets are on the server.
      const { docs } = await env().api.pullAll(agent, 'tickets');
      for (const ticket of tickets) expect(docs.has(ticket.id)).toBe(true);

      // A stakeholder update from the same agent is held too; another user's is not counted against the agent.
      const major = makeTicket({
        groupId: 'grp-service-desk',
        major: true,
        majorManagerId: DEMO_USERS.agent.id,
        callerId: '',
        callerName: 'Stakeholder',
        callerEmail: `stake-${backend.name}@example.org`,
      });
      const supervisor = await token('supervisor');
      expect((await env().api.push(supervisor, 'tickets', [{ newDocumentState: major }])).status).toBe(200);
      const update = (who: 'agent' | 'supervisor', body: string) =>
        makeEvent(major.id, DEMO_USERS[who].id, { kind: 'communication', toValue: 'stakeholders', body });
      expect(
        (await env().api.push(agent, 'ticket_events', [{ newDocumentState: update('agent', 'From the agent') }])).status,
      ).toBe(200);
      expect(
        (await env().api.push(supervisor, 'ticket_events', [{ newDocumentState: update('supervisor', 'From the supervisor') }]))
          .status,
      ).toBe(200);
      const updates = (await listQueuedMail(env().server.db, { ticketId: major.id })).filter(
        (m) => m.kind === 'major-incident-update',
      );
      expect(updates.map((m) => [m.text.split('\n')[0], m.heldReason === undefined])).toEqual([
        ['From the agent', false],
        ['From the supervisor', true],
      ]);
    });

    it('shows held mail to supervisors and lets only an administrator release what the allowance held', async () => {
      const agent = await token('agent');
      const over = Array.from({ length: PER_HOUR + 1 }, (_, i) =>
        makeTicket({
          groupId: 'grp-service-desk',
          callerId: '',
          callerName: `Held ${i}`,
          callerEmail: `held-${i}-${backend.name}@example.org`,
        }),
      );
      for (const ticket of over)
        expect((await env().api.push(agent, 'tickets', [{ newDocumentState: ticket }])).status).toBe(200);
      // A message the outbox refuses (a list of addresses), as data stored before the rules could cause.
      await queueMail(env().server.db, {
        kind: 'test',
        to: `a-${backend.name}@example.org, b@example.org`,
        subject: 'Hi',
        text: 'x',
      });

      const supervisor = await token('supervisor');
      const admin = await token('admin');
      const list = await env().api.request<HeldMail[]>('GET', '/api/mail/held', { token: supervisor });
      expect(list.status).toBe(200);
      const mine = list.body.find((m) => m.to === `held-${PER_HOUR}-${backend.name}@example.org`);
      expect(mine).toMatchObject({
        requestedBy: DEMO_USERS.agent.id,
        heldReason: expect.stringContaining('the limit is') as unknown,
      });
      const listed = list.body.find((m) => m.to.startsWith(`a-${backend.name}@`));
      expect(listed?.heldReason).toContain('not exactly one valid e-mail address');
      expect((await env().api.request('GET', '/api/mail/held', { token: agent })).status).toBe(403);

      const release = (id: number | string, who: string) =>
        env().api.request<{ message: string }>('POST', `/api/mail/held/${id}/release`, { token: who });
      expect((await release(mine!.id, supervisor)).status).toBe(403);
      expect((await release('1;DROP', admin)).status).toBe(400);
      const refused = await release(listed!.id, admin);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain('cannot be released');
      expect((await release(mine!.id, admin)).status).toBe(200);
      expect((await release(mine!.id, admin)).status).toBe(404);
      const [after] = (await listQueuedMail(env().server.db, { ticketId: over[PER_HOUR].id })).filter((m) => m.to === mine!.to);
      expect(after.heldReason).toBeUndefined();
      const still = (await env().api.request<HeldMail[]>('GET', '/api/mail/held', { token: admin })).body;
      expect(still.some((m) => m.id === mine!.id)).toBe(false);
      expect(still.some((m) => m.id === listed!.id)).toBe(true);
    });

    it('refuses a directory entry whose e-mail address is a list or carries a header (422), storing nothing', async () => {
      const admin = await token('admin');
      for (const email of ['a@example.org; b@example.org', 'c@example.org\r\nBcc: d@evil.test']) {
        const entry = {
          id: `usr-list-${backend.name}-${email.length}`,
          kind: 'user',
          name: 'List',
          nameFr: '',
          email,
          role: 'agent',
          groupIds: [],
          parentId: '',
          groupId: '',
          locale: 'en',
          active: true,
          updatedAt: Date.now(),
          _deleted: false,
        };
        const refused = await env().api.push(admin, 'directory', [{ newDocumentState: entry }]);
        expect(refused.status, email).toBe(422);
        expect(JSON.stringify(refused.body)).toContain('contact_email_invalid');
        expect((await env().api.pullAll(admin, 'directory')).docs.has(entry.id)).toBe(false);
      }
    });
  });
});
