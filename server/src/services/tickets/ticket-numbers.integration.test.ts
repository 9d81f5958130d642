import { queueKeyFor } from '@shared';
import { provisionalNumber } from '@shared/domain/ticket-numbering.js';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket, uniqueId } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

/** A ticket as a device creates it: a stable id and a provisional number derived from it. */
function deviceTicket(overrides: Parameters<typeof makeTicket>[0] = {}) {
  const id = uniqueId('t');
  return makeTicket({ id, number: provisionalNumber(id), status: 'new', groupId: 'grp-service-desk', ...overrides });
}

describe.each(backends)('$name', (backend) => {
  const instances = backend.name === 'postgres' ? 2 : 1;
  describe.skipIf(!backend.available)(variantTitle(`confirmed ticket numbers on ${instances} instance(s)`, backend), () => {
    // 40 seeded tickets: the counter must start above the highest seeded INC/REQ number.
    const env = useTestServers(backend, { instances, tickets: 40 });

    const stored = async (token: string, id: string): Promise<Doc | undefined> =>
      (await env().api.pullAll(token, 'tickets')).docs.get(id);

    it('gives a ticket pushed with a provisional number a confirmed one, answered to its creator with the push', async () => {
      const { api } = env();
      const token = (await api.login(DEMO_USERS.agent.email)).accessToken;
      const seeded = [...(await api.pullAll(token, 'tickets')).docs.values()].map((t) => String(t.number));
      const incident = deviceTicket();
      const request = deviceTicket({ type: 'request' });
      const pushed = await api.push(token, 'tickets', [{ newDocumentState: incident }, { newDocumentState: request }]);
      expect(pushed.status).toBe(200);

      const inc = await stored(token, incident.id);
      const req = await stored(token, request.id);
      // The push answers the server's version of both, so the device has it even if it pulled before the answer.
      expect(pushed.body).toEqual([inc, req]);
      expect(inc?.number).toMatch(/^INC\d{7}$/);
      expect(req?.number).toMatch(/^REQ\d{7}$/);
      expect(seeded).not.toContain(inc?.number);
      expect(seeded).not.toContain(req?.number);
      const highest = (prefix: string) =>
        Math.max(0, ...seeded.filter((n) => n.startsWith(prefix)).map((n) => Number(n.slice(prefix.length))));
      expect(Number(String(inc?.number).slice(3))).toBe(highest('INC') + 1);
      // Everything else is as the device sent it.
      expect({ ...inc, number: incident.number }).toEqual(incident);
    });

    it('answers an edit based on the provisional state with the confirmed master, and refuses a changed confirmed number', async () => {
      const { api } = env();
      const token = (await api.login(DEMO_USERS.agent.email)).accessToken;
      const ticket = deviceTicket();
      const [confirmed] = (await api.push(token, 'tickets', [{ newDocumentState: ticket }])).body;
      expect(confirmed).toEqual({ ...ticket, number: confirmed.number });
      const updatedAt = ticket.updatedAt + 1;
      const edited = {
        ...ticket,
        title: 'Edited before the confirmed number arrived',
        updatedAt,
        queueKey: queueKeyFor(updatedAt),
      };
      const stale = await api.push(token, 'tickets', [{ assumedMasterState: ticket, newDocumentState: edited }]);
      expect(stale.status).toBe(200);
      const master = stale.body[0];
      expect(master.number).toMatch(/^INC\d{7}$/);

      // The client merges (number from the server) and pushes again: accepted.
      const merged = { ...edited, number: master.number };
      expect((await api.push(token, 'tickets', [{ assumedMasterState: master, newDocumentState: merged }])).body).toEqual([]);

      const renumbered = await api.push(token, 'tickets', [
        { assumedMasterState: merged, newDocumentState: { ...merged, number: 'INC0000001' } },
      ]);
      expect(renumbered.status).toBe(422);
      expect(JSON.stringify(renumbered.body)).toContain('number');
      expect((await stored(token, ticket.id))?.number).toBe(master.number);
    });

    it('keeps confirmed numbers unique when many devices push at once through every instance', async () => {
      const { apis } = env();
      const tokens = await Promise.all(apis.map(async (api) => (await api.login(DEMO_USERS.agent.email)).accessToken));
      const tickets = Array.from({ length: 24 }, () => deviceTicket());
      const results = await Promise.all(
        tickets.map((ticket, i) =>
          apis[i % apis.length].push(tokens[i % apis.length], 'tickets', [{ newDocumentState: ticket }]),
        ),
      );
      for (const [i, result] of results.entries()) expect(result).toMatchObject({ status: 200, body: [{ id: tickets[i].id }] });
      const docs = (await apis[0].pullAll(tokens[0], 'tickets')).docs;
      const numbers = tickets.map((t) => String(docs.get(t.id)?.number));
      for (const number of numbers) expect(number).toMatch(/^INC\d{7}$/);
      expect(new Set(numbers).size).toBe(tickets.length);
      // A counter hands them out consecutively: no gaps, no reuse.
      const values = numbers.map((n) => Number(n.slice(3))).sort((a, b) => a - b);
      expect(values[values.length - 1] - values[0]).toBe(tickets.length - 1);
    });
  });
});
