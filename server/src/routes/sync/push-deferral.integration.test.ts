import type { ApiErrorBody } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

type Row = { assumedMasterState: object | null; newDocumentState: object };
const idOf = (row: Row): string => String((row.newDocumentState as { id: unknown }).id);

/** Every ordering of a list (the collections a device pushes, in whatever order its queues run). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * Issue 16, item 1: a push queue never blocks for good. A device that, offline, reviewed a major incident, closed it,
 * opened a ticket and logged work on it pushes two batches that each wait for the other. The server stores what
 * passes and defers the rest, so resending only the deferred rows converges in any order.
 */
describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('deferred push rows', backend), () => {
    const env = useTestServers(backend);
    let agent = '';
    let supervisor = '';

    beforeAll(async () => {
      agent = (await env().api.login(DEMO_USERS.agent.email)).accessToken;
      supervisor = (await env().api.login(DEMO_USERS.supervisor.email)).accessToken;
    });

    const stored = async (collection: string, id: string) => (await env().api.pullAll(supervisor, collection)).docs.get(id);

    /** Pushes a batch; answers the ids the server deferred (and fails on any refusal for good). */
    async function pushBatch(collection: string, rows: Row[]): Promise<Row[]> {
      const res = await env().api.push(agent, collection, rows);
      if (res.status === 200) return [];
      const body = res.body as unknown as ApiErrorBody;
      const deferred = new Set((body.details ?? []).filter((d) => d.retryable).map((d) => d.documentId));
      expect(body.details?.every((d) => d.retryable)).toBe(true);
      return rows.filter((r) => deferred.has(idOf(r)));
    }

    it.each(permutations(['tickets', 'ticket_events']))(
      'stores a review-then-close and a create-then-log made offline, pushing %s first',
      async (...order) => {
        const resolved = makeTicket({
          groupId: 'grp-service-desk',
          status: 'resolved',
          resolutionCode: 'fixed',
          resolutionNotes: 'Restored',
          major: true,
          majorManagerId: DEMO_USERS.supervisor.id,
        });
        // Created, then resolved along the lifecycle (a ticket is never created resolved).
        Object.assign(resolved, await env().api.createTicketIn(agent, resolved));
        const created = makeTicket({ groupId: 'grp-service-desk' });
        const batches: Record<string, Row[]> = {
          tickets: [
            { assumedMasterState: resolved, newDocumentState: { ...resolved, status: 'closed' } },
            { assumedMasterState: null, newDocumentState: created },
          ],
          ticket_events: [
            {
              assumedMasterState: null,
              newDocumentState: makeEvent(created.id, DEMO_USERS.agent.id, { kind: 'worklog', minutes: 30 }),
            },
            {
              assumedMasterState: null,
              newDocumentState: makeEvent(resolved.id, DEMO_USERS.agent.id, { kind: 'review', body: '{"summary":"Outage"}' }),
            },
            { assumedMasterState: null, newDocumentState: makeEvent(resolved.id, DEMO_USERS.agent.id) },
          ],
        };
        // Pushing an event before its ticket is created defers it: put the work log first when events go first.
        let queues = { ...batches };
        for (let round = 0; round < 3 && Object.values(queues).some((rows) => rows.length > 0); round++) {
          const next: Record<string, Row[]> = {};
          for (const collection of order) next[collection] = await pushBatch(collection, queues[collection] ?? []);
          queues = next;
        }
        expect(Object.values(queues).flat()).toEqual([]);
        expect((await stored('tickets', resolved.id))?.status).toBe('closed');
        expect(await stored('tickets', created.id)).toBeDefined();
        for (const row of batches.ticket_events) expect(await stored('ticket_events', idOf(row))).toBeDefined();
      },
    );

    it('stores the rows that pass when another row of the batch is refused for good', async () => {
      const ok = makeTicket({ groupId: 'grp-service-desk' });
      const forged = makeTicket({ groupId: 'grp-service-desk', status: 'closed' });
      const res = await env().api.push(agent, 'tickets', [
        { assumedMasterState: null, newDocumentState: forged },
        { assumedMasterState: null, newDocumentState: ok },
      ]);
      expect([403, 422]).toContain(res.status);
      const body = res.body as unknown as ApiErrorBody;
      expect(new Set(body.details?.map((d) => d.documentId))).toEqual(new Set([forged.id]));
      expect(body.message).toMatch(/^1 row was saved/);
      // The stored row comes back with the number the server gave it.
      const okStored = await stored('tickets', ok.id);
      expect(okStored?.number).toMatch(/^INC\d{7}$/);
      expect(body.conflicts).toEqual([okStored]);
      expect(await stored('tickets', forged.id)).toBeUndefined();
    });
  });
});
