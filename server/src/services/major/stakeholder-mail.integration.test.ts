import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('major-incident stakeholder updates by e-mail', backend), () => {
    const env = useTestServers(backend, { server: { smtpUrl: capture.url } });

    it('mails each stakeholder update to the watchers and the caller, and nothing for other events', async () => {
      const { api } = env();
      const token = (await api.login(DEMO_USERS.agent.email)).accessToken;
      const title = `Mail outage ${backend.name} ${Date.now()}`;
      const draft = makeTicket({
        groupId: 'grp-service-desk',
        title,
        major: true,
        majorManagerId: DEMO_USERS.supervisor.id,
        callerId: '',
        callerName: 'Visitor',
        callerEmail: `visitor-${backend.name}@example.org`,
        watcherIds: [DEMO_USERS.supervisor.id],
      });
      // As stored: the server numbers it, and the mail quotes that number.
      const [ticket] = await api.create(token, 'tickets', [draft]);
      const comment = makeEvent(ticket.id, DEMO_USERS.agent.id, { body: 'internal note' });
      const update = makeEvent(ticket.id, DEMO_USERS.agent.id, {
        kind: 'communication',
        toValue: 'stakeholders',
        body: 'Mail is degraded; next update at 10:30.',
      });
      const rows = [comment, update].map((newDocumentState) => ({ newDocumentState }));
      expect((await api.push(token, 'ticket_events', rows)).status).toBe(200);

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
      const queued = await env().server.db.query<{ n: number }>(
        // The caller's own "received" e-mail for the new ticket is another kind; the comment sends nothing.
        `SELECT count(*)::int AS n FROM mail_outbox WHERE ticket_id = $1 AND kind <> 'ticket-created'`,
        [ticket.id],
      );
      expect(queued[0].n).toBe(2);
    });
  });
});
