import { queueKeyFor, type Ticket } from '@shared';
import { provisionalNumber } from '@shared/domain/ticket-numbering.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueuedMail } from '../../db/queries/mail-outbox.js';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket, uniqueId } from '../../test-support/fixtures.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

/** A new ticket as a device creates it, for a caller. */
function newTicket(overrides: Partial<Ticket> = {}) {
  const id = uniqueId('t');
  return makeTicket({ id, number: provisionalNumber(id), status: 'new', groupId: 'grp-service-desk', ...overrides });
}

/** The next state of a ticket after an edit at a later time. */
function edit(ticket: Doc, changes: Partial<Ticket>): Doc {
  const updatedAt = Number(ticket.updatedAt) + 1000;
  return { ...ticket, ...changes, updatedAt, queueKey: queueKeyFor(updatedAt) };
}

const mailsFor = (ticketNumber: string): CapturedMail[] =>
  capture.messages.filter((m) => m.subject.includes(`[${ticketNumber}]`));

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('e-mail to the caller', backend), () => {
    const env = useTestServers(backend, { server: { smtpUrl: capture.url, mailPollMs: 200 } });
    // Each backend starts numbering afresh: forget the other variant's mail.
    beforeAll(() => {
      capture.messages.length = 0;
    });

    /** Pushes a change as the agent and returns the ticket as stored (with its confirmed number). */
    async function push(token: string, next: object & { id: string }, assumed?: Doc): Promise<Doc> {
      const response = await env().api.push(token, 'tickets', [{ assumedMasterState: assumed ?? null, newDocumentState: next }]);
      expect(response.status).toBe(200);
      // Only a new ticket's confirmed number comes back; no change here is a conflict.
      for (const doc of response.body) {
        expect(doc.id).toBe(next.id);
        expect(doc.number).toMatch(/^INC\d{7}$/);
      }
      const stored = (await env().api.pullAll(token, 'tickets')).docs.get(next.id);
      if (!stored) throw new Error('ticket not stored');
      return stored;
    }

    it('writes to a French directory caller in French on creation, progress and resolution, quoting the confirmed number', async () => {
      const token = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      // usr-0001 Chloé Bouchard: French in the directory.
      let ticket = await push(token, newTicket({ callerId: 'usr-0001', title: 'Imprimante <bloquée> & "rouge"' }));
      const number = String(ticket.number);
      expect(number).toMatch(/^INC\d{7}$/);
      const created = await capture.waitFor((m) => m.subject.includes(`[${number}]`));
      expect(created.to).toEqual(['chloe.bouchard@example.org']);
      expect(created.subject).toBe(`[${number}] Nous avons bien reçu votre demande : Imprimante <bloquée> & "rouge"`);
      expect(created.text).toContain('Bonjour Chloé Bouchard');
      expect(created.text).not.toContain('NEW-');
      // The HTML part quotes nothing unescaped.
      expect(created.html).toContain(`<p>Bonjour Chloé Bouchard,</p>`);

      ticket = await push(token, edit(ticket, { status: 'assigned', assigneeId: DEMO_USERS.agent.id }), ticket);
      ticket = await push(token, edit(ticket, { status: 'in_progress' }), ticket);
      const progress = await capture.waitFor((m) => m.subject === `[${number}] Suivi de votre demande : ${String(ticket.title)}`);
      expect(progress.text).toContain('en cours de traitement');

      ticket = await push(
        token,
        edit(ticket, { status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Bourrage <retiré> du bac 2.' }),
        ticket,
      );
      const resolved = await capture.waitFor((m) => m.subject.startsWith(`[${number}] Votre demande est résolue`));
      expect(resolved.text).toContain('Bourrage <retiré> du bac 2.');
      expect(resolved.html).toContain('Bourrage &lt;retiré&gt; du bac 2.');
      expect(resolved.html).not.toContain('<retiré>');

      // Assignment and closing are not news for the caller: the outbox (written in each push's own transaction) holds
      // the three messages and no more, so nothing else can go out.
      await push(token, edit(ticket, { status: 'closed' }), ticket);
      const queued = await listQueuedMail(env().server.db, { ticketId: String(ticket.id) });
      // (The resolution also queues a satisfaction survey, which is not a caller notification.)
      expect(queued.filter((m) => m.kind !== 'survey-invitation').map((m) => m.kind)).toEqual([
        'ticket-created',
        'ticket-progress',
        'ticket-resolved',
      ]);
      expect(mailsFor(number).map((m) => m.subject.split(']')[1].trim().split(' :')[0])).toEqual([
        'Nous avons bien reçu votre demande',
        'Suivi de votre demande',
        'Votre demande est résolue',
      ]);
    });

    it('tells the caller of a ticket recorded, resolved and closed offline, first pushed closed, that it was resolved', async () => {
      const token = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      const to = `walk-${backend.name}-${Date.now()}@example.org`;
      const closed = newTicket({
        callerId: '',
        callerName: 'Field Caller',
        callerEmail: to,
        title: 'Toner swapped on site',
        status: 'closed',
        assigneeId: DEMO_USERS.agent.id,
        resolutionCode: 'fixed',
        resolutionNotes: 'Toner cartridge replaced.',
      });
      const ticket = await push(token, closed);
      expect(ticket.status).toBe('closed');
      const queued = await listQueuedMail(env().server.db, { ticketId: String(ticket.id) });
      expect(queued.filter((m) => m.kind !== 'survey-invitation').map((m) => m.kind)).toEqual([
        'ticket-created',
        'ticket-resolved',
      ]);
      const resolved = await capture.waitFor((m) => m.to.includes(to) && m.subject.includes('resolved'));
      expect(resolved.text).toContain('Toner cartridge replaced.');
    });

    it('writes to a caller given by name and e-mail in English, and tells them when the ticket waits for them', async () => {
      const token = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      const to = `visitor-${backend.name}-${Date.now()}@example.org`;
      const ticket = await push(
        token,
        newTicket({ callerId: '', callerName: 'Site Visitor', callerEmail: to, title: 'Badge refused' }),
      );
      const number = String(ticket.number);
      const created = await capture.waitFor((m) => m.to.includes(to));
      expect(created.subject).toBe(`[${number}] We have received your request: Badge refused`);
      expect(created.text).toContain('Hello Site Visitor,');
      await push(token, edit(ticket, { status: 'pending', pendingReason: 'customer', assigneeId: DEMO_USERS.agent.id }), ticket);
      const waiting = await capture.waitFor((m) => m.to.includes(to) && m.subject.includes('Update on your request'));
      expect(waiting.text).toContain('Its status is now: waiting.');
      expect(waiting.text).toContain('We are waiting for information from you.');
    });

    it('sends every mail, the survey too, to the address written on the ticket, in the caller’s directory language', async () => {
      const token = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      const home = `chloe-home-${backend.name}-${Date.now()}@example.org`;
      // usr-0001 Chloé Bouchard, French in the directory, asked to be reached at another address.
      let ticket = await push(token, newTicket({ callerId: 'usr-0001', callerEmail: home, title: 'Clavier' }));
      const number = String(ticket.number);
      const created = await capture.waitFor((m) => m.subject.includes(`[${number}]`));
      expect(created.to).toEqual([home]);
      expect(created.text).toContain('Bonjour Chloé Bouchard');
      ticket = await push(token, edit(ticket, { status: 'in_progress', assigneeId: DEMO_USERS.agent.id }), ticket);
      await push(token, edit(ticket, { status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Remplacé' }), ticket);
      const survey = await capture.waitFor((m) => m.subject.endsWith(`(${number})`));
      expect(survey.to).toEqual([home]);
      expect(survey.text).toContain(`Votre billet ${number}`);
      expect(capture.messages.filter((m) => m.to.includes('chloe.bouchard@example.org') && m.text.includes(number))).toEqual([]);
    });

    it('names only the number of a security incident: no title, no resolution notes', async () => {
      const token = (await env().api.login(DEMO_USERS.supervisor.email)).accessToken;
      const ticket = await push(
        token,
        newTicket({ callerId: 'usr-0002', security: true, groupId: 'grp-security', title: 'Phishing mail opened by the CFO' }),
      );
      const number = String(ticket.number);
      const created = await capture.waitFor((m) => m.subject.includes(`[${number}]`));
      expect(created.to).toEqual(['liam.wilson@example.org']);
      expect(created.subject).toBe(`[${number}] We have received your report`);
      await push(
        token,
        edit(ticket, { status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Reset the CFO credentials, wiped laptop' }),
        ticket,
      );
      const resolved = await capture.waitFor((m) => m.subject === `[${number}] Your report has been resolved`);
      for (const mail of [created, resolved]) {
        expect(mail.text + mail.html + mail.subject).not.toMatch(/Phishing|CFO|wiped/);
      }
    });

    it('resolving a problem with its incident writes to the incident’s caller, not to whoever recorded the problem', async () => {
      const token = (await env().api.login(DEMO_USERS.supervisor.email)).accessToken;
      const problemId = uniqueId('t');
      const created = await env().api.push(token, 'tickets', [
        {
          assumedMasterState: null,
          newDocumentState: newTicket({
            id: problemId,
            number: provisionalNumber(problemId),
            type: 'problem',
            problemPhase: 'new',
            // As a problem made from a candidate: the problem manager is its caller.
            callerId: DEMO_USERS.supervisor.id,
            title: 'Kiosks freeze',
          }),
        },
      ]);
      expect(created.status).toBe(200);
      const incident = await push(token, newTicket({ callerId: 'usr-0002', title: 'Kiosk frozen', problemId }));
      const problem = (await env().api.pullAll(token, 'tickets')).docs.get(problemId);
      if (!problem) throw new Error('problem not stored');
      const resolution = { status: 'resolved' as const, resolutionCode: 'fixed' as const, assigneeId: DEMO_USERS.supervisor.id };
      const resolved = await env().api.push(token, 'tickets', [
        {
          assumedMasterState: problem,
          newDocumentState: edit(problem, {
            ...resolution,
            problemPhase: 'resolved',
            rootCause: { timeline: [], whys: [], contributingFactors: [], statement: 'A driver leaks memory', fixChangeId: '' },
            resolutionNotes: 'Driver rolled back',
          }),
        },
        {
          assumedMasterState: incident,
          newDocumentState: edit(incident, { ...resolution, resolutionNotes: `Fixed by problem ${String(problem.number)}` }),
        },
      ]);
      expect(resolved.status).toBe(200);
      expect(resolved.body).toEqual([]);
      // Mail is queued in the push's own transaction: the outbox is the final word on what goes out.
      expect(await listQueuedMail(env().server.db, { ticketId: problemId })).toEqual([]);
      // (The survey may be throttled for this caller by the tests above.)
      const incidentMail = await listQueuedMail(env().server.db, { ticketId: String(incident.id) });
      expect(incidentMail.filter((m) => m.kind !== 'survey-invitation').map((m) => [m.kind, m.to])).toEqual([
        ['ticket-created', 'liam.wilson@example.org'],
        ['ticket-resolved', 'liam.wilson@example.org'],
      ]);
    });

    it('queues nothing when the push is refused', async () => {
      const token = (await env().api.login(DEMO_USERS.technician.email)).accessToken;
      const to = `refused-${backend.name}-${Date.now()}@example.org`;
      // A technician may not create a ticket for a group they cannot see: the whole push is refused.
      const refused = await env().api.push(token, 'tickets', [
        { newDocumentState: newTicket({ callerId: '', callerName: 'X', callerEmail: to, groupId: 'grp-network' }) },
      ]);
      expect(refused.status).toBe(403);
      const queued = await env().server.db.query('SELECT 1 FROM mail_outbox WHERE to_address = $1', [to]);
      expect(queued).toEqual([]);
    });
  });
});
