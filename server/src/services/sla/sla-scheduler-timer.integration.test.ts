import { describe, expect, it } from 'vitest';
import { listQueuedMail } from '../../db/queries/mail-outbox.js';
import { slaDueOfTickets, upsertSlaDue } from '../../db/queries/sla-due.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

/** Polls `check` until it returns a value (not a fixed sleep): fails with `what` after `timeoutMs`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('SLA scheduler timer', backend), () => {
    // Every instance runs its own timer, as in production; on PostgreSQL two of them share the database.
    const env = useTestServers(backend, { instances: backend.name === 'postgres' ? 2 : 1, server: { slaSchedulerMs: 100 } });

    it('each server fires due actions on its own timer, and instances together send each one once', async () => {
      const { server } = env();
      const ticketIds = Array.from({ length: 12 }, (_, i) => `timer-${backend.name}-${Date.now()}-${i}`);
      await server.db.transaction((tx) =>
        upsertSlaDue(
          tx,
          ticketIds.map((ticketId) => ({
            ticketId,
            clock: 'resolution',
            percent: 100,
            dueAt: Date.now() - 1000,
            recipient: 'tech@example.org',
            subject: `SLA breached: ${ticketId}`,
          })),
        ),
      );
      // Nobody runs a pass by hand: the timers must.
      const fired = await waitFor('the timers to fire every action', async () => {
        const rows = await slaDueOfTickets(server.db, ticketIds);
        return rows.every((r) => r.firedAt !== null) ? rows : undefined;
      });
      expect(fired).toHaveLength(12);
      for (const ticketId of ticketIds) expect(await listQueuedMail(server.db, { ticketId }), ticketId).toHaveLength(1);
      const by = await server.db.query<{ fired_by: string }>(
        `SELECT DISTINCT fired_by FROM sla_due WHERE ticket_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(ticketIds)],
      );
      expect(by.every((r) => r.fired_by.includes(':'))).toBe(true);
    });
  });
});
