import { applyTicketPatch, type Ticket } from '@shared';
import { afterAll, describe, expect, it } from 'vitest';
import { listQueuedMail } from '../../db/queries/mail-outbox.js';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';
import type { SyncDocument } from '../sync/document-validation.js';
import { writeServerDocuments } from '../sync/server-writes.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

type Who = keyof typeof DEMO_USERS;

/** A stakeholder update on a ticket, as `author`'s device writes it. */
const stakeholderUpdate = (ticketId: string, author: Who, body: string) =>
  makeEvent(ticketId, DEMO_USERS[author].id, { kind: 'communication', toValue: 'stakeholders', body });

/** The refusal codes a push answer names. */
const codesOf = (body: unknown): string[] => ((body as { details?: { code?: string }[] }).details ?? []).map((d) => d.code ?? '');

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('major-incident stakeholder updates by e-mail', backend), () => {
    const env = useTestServers(backend, { server: { smtpUrl: capture.url } });
    const token = async (who: Who): Promise<string> => (await env().api.login(DEMO_USERS[who].email)).accessToken;
    /** The ticket as stored: the server numbers it, and the mail quotes that number. */
    const pushTicket = async (who: Who, draft: Ticket): Promise<Ticket> =>
      (await env().api.create(await token(who), 'tickets', [draft]))[0];
    const pushEvents = async (who: Who, events: object[]) =>
      env().api.push(
        await token(who),
        'ticket_events',
        events.map((e) => ({ newDocumentState: e as Doc })),
      );
    /** What the desk will send about a ticket besides the caller's own "received" notice. */
    const updatesQueued = async (ticketId: string) =>
      (await listQueuedMail(env().server.db, { ticketId })).filter((m) => m.kind === 'major-incident-update');
    const storedEvent = async (id: string) =>
      (await env().server.db.query(`SELECT 1 FROM sync_documents WHERE collection = 'ticket_events' AND id = $1`, [id])).length;

    it('mails each update of the major-incident manager to the watchers and the caller, and nothing for other events', async () => {
      const title = `Mail outage ${backend.name} ${Date.now()}`;
      const draft = makeTicket({
        groupId: 'grp-service-desk',
        title,
        major: true,
        majorManagerId: DEMO_USERS.agent.id,
        callerId: '',
        callerName: 'Visitor',
        callerEmail: `visitor-${backend.name}@example.org`,
        watcherIds: [DEMO_USERS.supervisor.id],
      });
      const ticket = await pushTicket('agent', draft);
      const comment = makeEvent(ticket.id, DEMO_USERS.agent.id, { body: 'internal note' });
      const update = stakeholderUpdate(ticket.id, 'agent', 'Mail is degraded; next update at 10:30.');
      expect((await pushEvents('agent', [comment, update])).status).toBe(200);

      const toVisitor = await capture.waitFor(
        (m) => m.subject.includes(`Update / Mise à jour: ${title}`) && m.to.includes(ticket.callerEmail!),
      );
      const toWatcher = await capture.waitFor(
        (m) => m.subject.includes(`Update / Mise à jour: ${title}`) && m.to.includes(DEMO_USERS.supervisor.email),
      );
      for (const mail of [toVisitor, toWatcher]) {
        expect(mail.subject).toBe(`[${ticket.number}] Update / Mise à jour: ${title}`);
        expect(mail.text).toContain('Mail is degraded; next update at 10:30.');
        expect(mail.text).toContain(`#/tickets/${ticket.id}`);
      }
      // The caller's own "received" e-mail for the new ticket is another kind; the comment sends nothing.
      expect((await updatesQueued(ticket.id)).map((m) => m.to).sort()).toEqual(
        [ticket.callerEmail!, DEMO_USERS.supervisor.email].sort(),
      );
    });

    it('refuses a stakeholder update on a ticket that is not a major incident (403), storing and mailing nothing', async () => {
      const ticket = await pushTicket(
        'agent',
        makeTicket({
          groupId: 'grp-service-desk',
          callerId: '',
          callerName: 'Target',
          callerEmail: 'target@example.org',
        }),
      );
      const update = stakeholderUpdate(ticket.id, 'agent', 'Your mailbox is full: sign in at http://evil.test to keep it.');
      const refused = await pushEvents('agent', [update]);
      expect(refused.status).toBe(403);
      expect(codesOf(refused.body)).toEqual(['stakeholder_update_not_major']);
      expect(JSON.stringify(refused.body)).toMatch(/major incidents only/);
      expect(await storedEvent(update.id)).toBe(0);
      expect(await updatesQueued(ticket.id)).toEqual([]);
    });

    it('lets only the manager or a supervisor send updates of a major incident; anyone else is refused (403)', async () => {
      const ticket = await pushTicket(
        'supervisor',
        makeTicket({
          groupId: 'grp-service-desk',
          major: true,
          majorManagerId: DEMO_USERS.supervisor.id,
          watcherIds: [DEMO_USERS.admin.id],
        }),
      );
      const byAgent = stakeholderUpdate(ticket.id, 'agent', 'Agent writing as the desk');
      const refused = await pushEvents('agent', [byAgent]);
      expect(refused.status).toBe(403);
      expect(codesOf(refused.body)).toEqual(['stakeholder_update_forbidden']);
      expect(JSON.stringify(refused.body)).toMatch(/Only the major-incident manager of .* or a supervisor/);
      expect(await storedEvent(byAgent.id)).toBe(0);
      expect(await updatesQueued(ticket.id)).toEqual([]);
      // An ordinary comment by the same agent on the same ticket still passes: only the mail is restricted.
      expect((await pushEvents('agent', [makeEvent(ticket.id, DEMO_USERS.agent.id, { body: 'noted' })])).status).toBe(200);
      // The manager (a supervisor) sends; so may another overseer (the admin).
      expect((await pushEvents('supervisor', [stakeholderUpdate(ticket.id, 'supervisor', 'From the manager')])).status).toBe(200);
      expect((await pushEvents('admin', [stakeholderUpdate(ticket.id, 'admin', 'From the admin')])).status).toBe(200);
      // Each update to both stakeholders: the watching admin and the caller.
      expect((await updatesQueued(ticket.id)).map((m) => m.text.split('\n')[0])).toEqual([
        'From the manager',
        'From the manager',
        'From the admin',
        'From the admin',
      ]);
    });

    it('mails a security incident update with the restricted template: number and link only, no title, no text', async () => {
      const title = `Ransomware on the payroll share ${backend.name}`;
      const body = 'Encrypted files on \\\\payroll; attacker IP 203.0.113.9; do not pay.';
      const ticket = await pushTicket(
        'supervisor',
        makeTicket({
          groupId: 'grp-security',
          security: true,
          title,
          major: true,
          majorManagerId: DEMO_USERS.supervisor.id,
          callerId: '',
          callerName: 'Payroll clerk',
          callerEmail: `clerk-${backend.name}@example.org`,
        }),
      );
      expect((await pushEvents('supervisor', [stakeholderUpdate(ticket.id, 'supervisor', body)])).status).toBe(200);
      const [mail] = await updatesQueued(ticket.id);
      expect(mail.subject).toBe(`[${ticket.number}] Update / Mise à jour`);
      for (const part of [mail.subject, mail.text, mail.html ?? '']) {
        expect(part).not.toContain('Ransomware');
        expect(part).not.toContain('203.0.113.9');
      }
      expect(mail.text).toContain(ticket.number);
      expect(mail.text).toContain(`#/tickets/${ticket.id}`);
    });

    it('quotes hostile update text as text in the HTML part and keeps a hostile title out of the headers', async () => {
      const hostile = [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '&lt;script&gt;alert(1)&lt;/script&gt;',
        '[x](&#106;avascript:alert(1))',
      ].join('\n');
      const ticket = await pushTicket(
        'agent',
        makeTicket({
          groupId: 'grp-service-desk',
          title: 'Outage\r\nBcc: everyone@evil.test',
          major: true,
          majorManagerId: DEMO_USERS.agent.id,
          watcherIds: [DEMO_USERS.supervisor.id],
        }),
      );
      expect((await pushEvents('agent', [stakeholderUpdate(ticket.id, 'agent', hostile)])).status).toBe(200);
      const [queued] = await updatesQueued(ticket.id);
      expect(queued.subject).toBe(`[${ticket.number}] Update / Mise à jour: Outage Bcc: everyone@evil.test`);
      expect(queued.html).not.toMatch(/<script|<img|javascript:alert/i);
      expect(queued.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(queued.html).toContain('&amp;lt;script&amp;gt;');
      const sent = await capture.waitFor((m) => m.subject === queued.subject);
      expect(sent.to).toEqual([DEMO_USERS.supervisor.email]);
      expect(sent.text).toContain('<script>alert(1)</script>');
    });

    it('refuses a contact address that is a list or carries a header (422), and never mails a list stored before', async () => {
      for (const callerEmail of [
        'a@example.org, b@example.org; c@example.org',
        'victim@example.org\r\nBcc: everyone@evil.test',
        'Boss <boss@example.org>',
      ]) {
        const ticket = makeTicket({ groupId: 'grp-service-desk', callerId: '', callerName: 'X', callerEmail });
        const refused = await env().api.push(await token('agent'), 'tickets', [{ newDocumentState: ticket }]);
        expect(refused.status, callerEmail).toBe(422);
        expect(codesOf(refused.body)).toEqual(['caller_email_invalid']);
        expect(await listQueuedMail(env().server.db, { ticketId: ticket.id })).toEqual([]);
      }
      // A major incident stored before the rule with a list as its caller's address: the list gets no update.
      const list = `old-a-${backend.name}@example.org, old-b-${backend.name}@example.org`;
      const legacy = makeTicket({
        groupId: 'grp-service-desk',
        major: true,
        majorManagerId: DEMO_USERS.agent.id,
        callerId: '',
        callerName: 'Old',
        callerEmail: list,
        watcherIds: [DEMO_USERS.supervisor.id],
      });
      await env().server.db.transaction((tx) => writeServerDocuments(tx, 'tickets', [legacy as unknown as SyncDocument]));
      expect((await pushEvents('agent', [stakeholderUpdate(legacy.id, 'agent', 'Legacy update')])).status).toBe(200);
      expect((await updatesQueued(legacy.id)).map((m) => m.to)).toEqual([DEMO_USERS.supervisor.email]);
      // Its caller notice (the ticket moves on) is held with its reason at the outbox, never sent.
      const moved = applyTicketPatch(legacy, { status: 'in_progress' }, DEMO_USERS.agent.id);
      const progress = await env().api.push(await token('agent'), 'tickets', [
        { assumedMasterState: legacy, newDocumentState: { ...moved, _deleted: false } },
      ]);
      expect(progress.status, JSON.stringify(progress.body)).toBe(200);
      const progressMail = async () =>
        (await listQueuedMail(env().server.db, { ticketId: legacy.id })).filter((m) => m.kind === 'ticket-progress');
      expect(await progressMail()).toHaveLength(1);
      expect((await progressMail())[0].heldReason).toMatch(/not exactly one valid e-mail address/);
      // Mail queued after it is delivered while the held one is not: the sender never claims it.
      expect((await pushEvents('agent', [stakeholderUpdate(legacy.id, 'agent', 'Legacy update 2')])).status).toBe(200);
      await capture.waitFor((m) => m.text.startsWith('Legacy update 2'));
      const unsent = await env().server.db.query<{ sent_at: unknown }>(
        `SELECT sent_at FROM mail_outbox WHERE ticket_id = $1 AND kind = 'ticket-progress'`,
        [legacy.id],
      );
      expect(unsent).toEqual([{ sent_at: null }]);
      expect(capture.messages.some((m) => m.to.some((to) => to.includes('old-a-')))).toBe(false);
    });
  });
});
