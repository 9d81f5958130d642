import type { Ticket } from '@shared';
import { buildRiskAnswers } from '@shared/testing/build-change.js';
import { afterAll, describe, expect, it } from 'vitest';
import { listQueuedMail } from '../../db/queries/mail-outbox.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket } from '../../test-support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

// Seeded: usr-0012 manages changes; the CAB is usr-supervisor (the requester here), usr-0015 (English) and usr-0016 (French).
const MANAGER = 'camille.gauthier@example.org';
const GRACE = 'grace.thompson@example.org';
const JEROME = 'jerome.belanger@example.org';
const REQUESTER = 'supervisor@example.org';
const HOUR = 3_600_000;

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('change approval requests by e-mail', backend), () => {
    const env = useTestServers(backend, { server: { smtpUrl: capture.url } });
    const approvalMail = async (ticketId: string) =>
      (await listQueuedMail(env().server.db, { ticketId })).filter((m) => m.kind === 'change-approval');

    it('mails each CAB member but the requester in their language when a change awaits approval, and again when it is replanned', async () => {
      const token = (await env().api.login(MANAGER)).accessToken;
      const unique = `${backend.name} ${Date.now()}`;
      const title = `Upgrade <script>alert("cab")</script> ${unique}`;
      const start = Date.now() + 72 * HOUR;
      const [draft] = await env().api.create(token, 'tickets', [
        makeTicket({
          type: 'change',
          title,
          status: 'assigned',
          assigneeId: 'usr-0012',
          groupId: 'grp-apps',
          callerId: 'usr-supervisor',
          changeType: 'normal',
          changePhase: 'draft',
          updatedBy: 'usr-0012',
        }),
      ]);
      const asked: Ticket = {
        ...(draft as unknown as Ticket),
        changePhase: 'awaiting_approval',
        status: 'in_progress',
        changePlan: { reason: 'Vendor support ends.', implementation: 'Run the script.', test: 'Pay slip.', backout: 'Restore.' },
        riskAnswers: buildRiskAnswers(),
        plannedStart: start,
        plannedEnd: start + HOUR,
      };
      const push = (next: Ticket, master: unknown) =>
        env().api.push(token, 'tickets', [
          { assumedMasterState: master as never, newDocumentState: { ...next, _deleted: false } },
        ]);
      expect((await push(asked, draft)).status).toBe(200);

      // Both backends' first change is CHG0000001: the mail is told apart by the title.
      const english = await capture.waitFor((m) => m.to.includes(GRACE) && m.subject.includes(unique));
      const french = await capture.waitFor((m) => m.to.includes(JEROME) && m.subject.includes(unique));
      expect(english.subject).toContain('Your approval is requested');
      expect(french.subject).toContain('Votre approbation est demandée');
      expect(english.text).toContain(`#/tickets/${asked.id}`);
      // Hostile text in the title stays text in the HTML part.
      expect(english.html).not.toContain('<script>');
      expect(english.html).toContain('&lt;script&gt;');
      const first = await approvalMail(asked.id);
      expect(first.map((m) => m.to).sort()).toEqual([GRACE, JEROME]);
      expect(first.some((m) => m.to === REQUESTER)).toBe(false);

      // A title edit asks nobody again; a new window does, saying why.
      const renamed = { ...asked, title: `${title} (renamed)` };
      expect((await push(renamed, { ...asked, _deleted: false })).status).toBe(200);
      expect(await approvalMail(asked.id)).toHaveLength(2);
      const moved = { ...renamed, plannedStart: start + HOUR, plannedEnd: start + 2 * HOUR };
      expect((await push(moved, { ...renamed, _deleted: false })).status).toBe(200);
      const again = (await approvalMail(asked.id)).slice(2);
      expect(again.map((m) => m.to).sort()).toEqual([GRACE, JEROME]);
      expect(again.find((m) => m.to === GRACE)?.text).toContain('your decision is asked again');
    });
  });
});
