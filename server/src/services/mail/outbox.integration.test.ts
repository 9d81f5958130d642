import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail, type OutgoingMail } from '../../db/queries/mail-outbox.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';
import { retryDelaySeconds } from './outbox-sender.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture({ reject: (to) => to.startsWith('bounce') });
afterAll(() => capture.close());

const mail = (to: string, subject: string): OutgoingMail => ({ kind: 'test', to, subject, text: `Body of ${subject}` });

interface OutboxRow {
  attempts: number;
  last_error: string | null;
  sent_at: Date | string | null;
  retry_in_s: number;
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('e-mail outbox', backend), () => {
    const env = useTestServers(backend, { instances: backend.name === 'postgres' ? 2 : 1, server: { smtpUrl: capture.url } });
    const tag = `${backend.name}-${Date.now()}`;
    const outboxRow = async (to: string): Promise<OutboxRow> =>
      (
        await env().server.db.query<OutboxRow>(
          `SELECT attempts, last_error, sent_at, extract(epoch FROM send_after - now())::int AS retry_in_s
           FROM mail_outbox WHERE to_address = $1`,
          [to],
        )
      )[0];

    beforeAll(() => {
      capture.messages.length = 0;
    });

    it('sends a message queued by a committed transaction through SMTP, once', async () => {
      await env().server.db.transaction((tx) => enqueueMail(tx, mail(`caller-${tag}@example.org`, `Committed ${tag}`)));
      const received = await capture.waitFor((m) => m.subject === `Committed ${tag}`);
      expect(received.to).toEqual([`caller-${tag}@example.org`]);
      expect(received.text.trim()).toBe(`Body of Committed ${tag}`);
      expect(received.from).toContain('servicedesk@localhost');
      await expect.poll(async () => (await outboxRow(`caller-${tag}@example.org`)).sent_at).not.toBeNull();
    });

    it('never sends mail queued by a transaction that rolled back', async () => {
      await expect(
        env().server.db.transaction(async (tx) => {
          await enqueueMail(tx, mail(`rolled-${tag}@example.org`, `Rolled back ${tag}`));
          throw new Error('push refused');
        }),
      ).rejects.toThrow('push refused');
      await env().server.db.transaction((tx) => enqueueMail(tx, mail(`after-${tag}@example.org`, `After ${tag}`)));
      await capture.waitFor((m) => m.subject === `After ${tag}`);
      expect(capture.messages.some((m) => m.subject === `Rolled back ${tag}`)).toBe(false);
      expect(await outboxRow(`rolled-${tag}@example.org`)).toBeUndefined();
    });

    it('keeps a refused message with its error and retries it later with backoff', async () => {
      const to = `bounce-${tag}@example.org`;
      await env().server.db.transaction((tx) => enqueueMail(tx, mail(to, `Bounce ${tag}`)));
      await expect.poll(async () => (await outboxRow(to)).last_error, { timeout: 10_000 }).toMatch(/550|unavailable/i);
      const row = await outboxRow(to);
      expect(row.sent_at).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.retry_in_s).toBeGreaterThan(retryDelaySeconds(1) - 3);
      expect(retryDelaySeconds(2)).toBe(2 * retryDelaySeconds(1));
      expect(retryDelaySeconds(30)).toBe(3600);
    });

    it('sends each message once even with several server instances sharing the outbox', async () => {
      const subjects = Array.from({ length: 12 }, (_, i) => `Fan-out ${i} ${tag}`);
      await env().server.db.transaction(async (tx) => {
        for (const subject of subjects) await enqueueMail(tx, mail(`many-${tag}@example.org`, subject));
      });
      for (const subject of subjects) await capture.waitFor((m) => m.subject === subject);
      // Once every row is marked sent no instance can claim it again: then the count is final.
      await expect
        .poll(async () => {
          const rows = await env().server.db.query<{ unsent: number }>(
            'SELECT count(*)::int AS unsent FROM mail_outbox WHERE to_address = $1 AND sent_at IS NULL',
            [`many-${tag}@example.org`],
          );
          return rows[0].unsent;
        })
        .toBe(0);
      const counts = subjects.map((subject) => capture.messages.filter((m) => m.subject === subject).length);
      expect(counts).toEqual(subjects.map(() => 1));
      expect(env().servers.length).toBe(backend.name === 'postgres' ? 2 : 1);
    });
  });
});
