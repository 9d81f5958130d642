import { SYSTEM_AUTHOR_ID, parseSlaAction, type TicketEvent } from '@shared';
import { afterAll, describe, expect, it } from 'vitest';
import { upsertSlaDue, type SlaDueRow } from '../../db/queries/sla-due.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';
import { runSlaSchedulerPass } from './sla-scheduler.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('SLA scheduler', backend), () => {
    // Two instances share one PostgreSQL database; PGlite is single-process, so one instance there.
    const env = useTestServers(backend, {
      instances: backend.name === 'postgres' ? 2 : 1,
      server: { smtpUrl: capture.url, slaSchedulerMs: 0 },
    });
    const tag = `${backend.name}-${Date.now()}`;
    const due = (i: number, dueAt: number): SlaDueRow => ({
      ticketId: `t-${tag}-${i}`,
      clock: 'resolution',
      percent: 75,
      dueAt,
      recipient: `tech-${tag}@example.org`,
      subject: `SLA warning ${i} ${tag}`,
    });

    it('fires each due action exactly once across instances, and not those not yet due', async () => {
      const past = Date.now() - 60_000;
      const rows = Array.from({ length: 40 }, (_, i) => due(i, past));
      const future = { ...due(999, Date.now() + 3_600_000), subject: `Not yet ${tag}` };
      await env().server.db.transaction((tx) => upsertSlaDue(tx, [...rows, future]));
      // Every instance runs passes at once, several times over, as their timers would.
      const dbs = env().servers.map((s) => s.db);
      const passes = await Promise.all(
        dbs.flatMap((db, n) => [1, 2, 3].map((k) => runSlaSchedulerPass(db, `instance-${n}-${k}`, 7))),
      );
      expect(passes.reduce((a, b) => a + b, 0)).toBe(40);
      const fired = await env().server.db.query<{ ticket_id: string; n: string | number }>(
        `SELECT ticket_id, count(*) AS n FROM mail_outbox WHERE kind = 'sla-warning' AND subject LIKE $1 GROUP BY ticket_id`,
        [`%${tag}`],
      );
      expect(fired).toHaveLength(40);
      expect(fired.every((r) => Number(r.n) === 1)).toBe(true);
      // Each action is also an entry in its ticket's history, written once, replicated like any change (a seq).
      const entries = await env().server.db.query<{ data: TicketEvent; seq: string | number }>(
        `SELECT data, seq FROM sync_documents WHERE collection = 'ticket_events' AND ticket_id LIKE $1`,
        [`t-${tag}-%`],
      );
      expect(entries).toHaveLength(40);
      expect(new Set(entries.map((e) => e.data.ticketId)).size).toBe(40);
      expect(entries.every((e) => Number(e.seq) > 0)).toBe(true);
      expect(parseSlaAction(entries[0].data)).toEqual({
        clock: 'resolution',
        percent: 75,
        notified: 1,
        to: [`tech-${tag}@example.org`],
      });
      expect(entries[0].data).toMatchObject({ kind: 'sla_action', authorId: SYSTEM_AUTHOR_ID });
      const waiting = await env().server.db.query<{ fired_at: unknown }>(`SELECT fired_at FROM sla_due WHERE ticket_id = $1`, [
        future.ticketId,
      ]);
      expect(waiting).toEqual([{ fired_at: null }]);
      // The e-mail leaves through the real outbox to a real SMTP server.
      await capture.waitFor((m) => m.subject === `SLA warning 0 ${tag}`);
    });

    it('a fired action is never re-armed when its clock is recomputed', async () => {
      const row = due(5, Date.now() + 3_600_000);
      await env().server.db.transaction((tx) => upsertSlaDue(tx, [row]));
      const [stored] = await env().server.db.query<{ fired_at: unknown }>(`SELECT fired_at FROM sla_due WHERE ticket_id = $1`, [
        row.ticketId,
      ]);
      expect(stored?.fired_at).not.toBeNull();
      expect(await runSlaSchedulerPass(env().server.db, 'again')).toBe(0);
    });
  });
});
