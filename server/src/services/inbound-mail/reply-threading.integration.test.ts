import type { Ticket } from '@shared';
import { provisionalNumber } from '@shared/domain/ticket-numbering.js';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueuedMail } from '../../db/queries/mail-outbox.js';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket, uniqueId } from '../../test-support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

const HOSTILE = '<img src=x onerror=alert(1)>';

function newTicket(overrides: Partial<Ticket> = {}) {
  const id = uniqueId('t');
  return makeTicket({ id, number: provisionalNumber(id), status: 'new', groupId: 'grp-service-desk', ...overrides });
}

/** Sends a message as a mail client would, to the desk's inbound listener; resolves with the SMTP error, if any. */
async function sendInbound(
  port: number,
  mail: { from: string; subject: string; text: string; inReplyTo?: string },
): Promise<{ responseCode?: number; response?: string } | null> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: 'desk@example.org', ...mail });
    return null;
  } catch (error) {
    return error as { responseCode?: number; response?: string };
  } finally {
    transport.close();
  }
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('public reply by e-mail, and the answer threaded back', backend), () => {
    const env = useTestServers(backend, {
      server: {
        smtpUrl: capture.url,
        mailPollMs: 200,
        inboundSmtpPort: 0,
        inboundSmtpHost: '127.0.0.1',
        inboundMailAddress: 'desk-replies@example.org',
        mailFrom: 'Service Desk <desk@example.org>',
      },
    });

    // Each backend numbers its tickets afresh: forget the other variant's mail.
    beforeAll(() => {
      capture.messages.length = 0;
    });

    async function pushTicket(token: string, ticket: object & { id: string }): Promise<Doc> {
      const response = await env().api.push(token, 'tickets', [{ assumedMasterState: null, newDocumentState: ticket }]);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const stored = (await env().api.pullAll(token, 'tickets')).docs.get(ticket.id);
      if (!stored) throw new Error('ticket not stored');
      return stored;
    }

    const inboundPort = (): number => {
      const port = env().server.inboundSmtpPort;
      if (!port) throw new Error('no inbound listener');
      return port;
    };

    it('mails a reply to a French caller in French with the number, threads the answer back, refuses strangers and unknown tickets', async () => {
      const token = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      // usr-0001 Chloé Bouchard: French in the directory.
      const ticket = await pushTicket(token, newTicket({ callerId: 'usr-0001', title: 'Imprimante bloquée' }));
      const number = String(ticket.number);
      expect(number).toMatch(/^INC\d{7}$/);

      const reply = makeEvent(String(ticket.id), DEMO_USERS.agent.id, {
        kind: 'reply',
        body: `Le bac 2 est réparé. ${HOSTILE}`,
      });
      const pushed = await env().api.push(token, 'ticket_events', [{ assumedMasterState: null, newDocumentState: reply }]);
      expect(pushed.status).toBe(200);

      const mail = await capture.waitFor((m) => m.subject === `[${number}] Imprimante bloquée`);
      expect(mail.to).toEqual(['chloe.bouchard@example.org']);
      expect(mail.text).toContain('Bonjour Chloé Bouchard');
      expect(mail.text).toContain('Le centre de services a répondu');
      expect(mail.text).toContain(HOSTILE);
      // The hostile markup is text in the HTML part, never an element.
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(mail.parsed.replyTo?.value[0]?.address).toBe('desk-replies@example.org');
      const messageId = mail.parsed.messageId ?? '';
      expect(messageId).toMatch(/^<sd\.[0-9a-f]+\.[0-9a-f.x]+@example\.org>$/);
      // A retried push of the same event is a no-op: no second mail.
      await env().api.push(token, 'ticket_events', [{ assumedMasterState: null, newDocumentState: reply }]);
      const queued = await listQueuedMail(env().server.db, { ticketId: String(ticket.id) });
      expect(queued.filter((m) => m.kind === 'ticket-reply')).toHaveLength(1);

      // The caller answers from their mail client, quoting our mail below.
      const answer = await sendInbound(inboundPort(), {
        from: 'Chloé Bouchard <Chloe.Bouchard@example.org>',
        subject: `RE: ${mail.subject}`,
        inReplyTo: messageId,
        text: `Merci, ça fonctionne.\n\nLe lun. 7 déc. 2026, Service Desk <desk@example.org> a écrit :\n> ${mail.text.split('\n').join('\n> ')}`,
      });
      expect(answer).toBeNull();
      const events = [...(await env().api.pullAll(token, 'ticket_events')).docs.values()].filter(
        (e) => e.ticketId === ticket.id && e.kind === 'reply',
      );
      const inbound = events.find((e) => e.fromValue === 'inbound');
      expect(inbound).toMatchObject({ authorId: 'usr-0001', body: 'Merci, ça fonctionne.', ticketId: ticket.id });

      // The subject tag edited away: the Message-ID our mail carried still names the ticket.
      expect(
        await sendInbound(inboundPort(), {
          from: 'chloe.bouchard@example.org',
          subject: 'Encore une question',
          inReplyTo: messageId,
          text: 'Et le bac 3 ?',
        }),
      ).toBeNull();
      const after = [...(await env().api.pullAll(token, 'ticket_events')).docs.values()];
      expect(after.some((e) => e.ticketId === ticket.id && e.body === 'Et le bac 3 ?')).toBe(true);

      // Someone else writing about the ticket: refused, nothing recorded.
      const stranger = await sendInbound(inboundPort(), {
        from: 'mallory@example.net',
        subject: `Re: [${number}] Imprimante bloquée`,
        text: 'Please reset my password.',
      });
      expect(stranger?.responseCode).toBe(550);
      expect(stranger?.response).toContain(`Only the caller of ${number}`);

      // A ticket that does not exist: refused with a clear answer.
      const unknown = await sendInbound(inboundPort(), {
        from: 'chloe.bouchard@example.org',
        subject: 'Re: [INC9999999] Nothing',
        text: 'Hello?',
      });
      expect(unknown?.responseCode).toBe(550);
      expect(unknown?.response).toContain('No ticket matches');

      const final = [...(await env().api.pullAll(token, 'ticket_events')).docs.values()].filter(
        (e) => e.kind === 'reply' && e.fromValue === 'inbound',
      );
      expect(final.map((e) => e.body).sort()).toEqual(['Et le bac 3 ?', 'Merci, ça fonctionne.']);
    });

    it('refuses a reply from a device that cannot see the ticket, and one posing as the caller’s e-mail', async () => {
      const agent = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      const ticket = await pushTicket(agent, newTicket({ callerId: 'usr-0002', title: 'VPN down' }));
      const tech = (await env().api.login(DEMO_USERS.technician.email)).accessToken;
      const forged = makeEvent(String(ticket.id), DEMO_USERS.technician.id, { kind: 'reply', body: 'Send me your password' });
      const refused = await env().api.push(tech, 'ticket_events', [{ assumedMasterState: null, newDocumentState: forged }]);
      expect(refused.status).toBe(403);
      const posing = makeEvent(String(ticket.id), DEMO_USERS.agent.id, { kind: 'reply', body: 'Thanks', fromValue: 'inbound' });
      const refusedToo = await env().api.push(agent, 'ticket_events', [{ assumedMasterState: null, newDocumentState: posing }]);
      expect(refusedToo.status).toBe(403);
      const queued = await listQueuedMail(env().server.db, { ticketId: String(ticket.id) });
      expect(queued.filter((m) => m.kind === 'ticket-reply')).toEqual([]);
    });

    it('reopens a resolved ticket and resumes one waiting on the caller when they answer, and leaves a closed one closed', async () => {
      const token = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      const agentId = DEMO_USERS.agent.id;
      const answer = (number: string, text: string) =>
        sendInbound(inboundPort(), { from: 'chloe.bouchard@example.org', subject: `Re: [${number}] Question`, text });
      const stored = async (id: string) => (await env().api.pullAll(token, 'tickets')).docs.get(id)!;
      const statusEntries = async (id: string) =>
        [...(await env().api.pullAll(token, 'ticket_events')).docs.values()].filter(
          (e) => e.ticketId === id && e.kind === 'status_change',
        );
      const resolved = await pushTicket(
        token,
        newTicket({
          callerId: 'usr-0001',
          assigneeId: agentId,
          status: 'resolved',
          resolutionCode: 'fixed',
          resolutionNotes: 'Tray 2 reseated',
          title: 'Question',
        }),
      );
      expect(await answer(String(resolved.number), 'Ça ne marche toujours pas.')).toBeNull();
      expect(await stored(resolved.id)).toMatchObject({ status: 'in_progress', assigneeId: agentId });
      expect(await statusEntries(resolved.id)).toContainEqual(
        expect.objectContaining({ fromValue: 'resolved', toValue: 'in_progress', authorId: 'usr-0001' }),
      );
      // The same message delivered again changes nothing more.
      const before = await stored(resolved.id);
      expect(await answer(String(resolved.number), 'Ça ne marche toujours pas.')).toBeNull();
      expect((await stored(resolved.id)).updatedAt).toBe(before.updatedAt);

      const waiting = await pushTicket(
        token,
        newTicket({ callerId: 'usr-0001', status: 'pending', pendingReason: 'customer', title: 'Question' }),
      );
      expect(await answer(String(waiting.number), 'Voici le numéro de série : 4411.')).toBeNull();
      // Nobody holds it: it waits in its group's queue again.
      expect(await stored(waiting.id)).toMatchObject({ status: 'new', pendingReason: '' });

      const onVendor = await pushTicket(
        token,
        newTicket({ callerId: 'usr-0001', assigneeId: agentId, status: 'pending', pendingReason: 'vendor', title: 'Question' }),
      );
      expect(await answer(String(onVendor.number), 'Des nouvelles ?')).toBeNull();
      expect(await stored(onVendor.id)).toMatchObject({ status: 'pending', pendingReason: 'vendor' });

      const closed = await pushTicket(
        token,
        newTicket({
          callerId: 'usr-0001',
          assigneeId: agentId,
          status: 'closed',
          resolutionCode: 'fixed',
          resolutionNotes: 'Tray 2 reseated',
          title: 'Question',
        }),
      );
      expect(await answer(String(closed.number), 'Merci encore.')).toBeNull();
      expect(await stored(closed.id)).toMatchObject({ status: 'closed' });
      expect(await statusEntries(closed.id)).toEqual([]);
    });

    it('refuses a message over the size limit', async () => {
      const big = await sendInbound(inboundPort(), {
        from: 'chloe.bouchard@example.org',
        subject: 'Re: [INC0000001] big',
        text: 'x'.repeat(1_100_000),
      });
      expect(big?.responseCode).toBe(552);
    });
  });
});
