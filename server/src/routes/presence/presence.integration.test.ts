import { queueKeyFor } from '@shared';
import type { PresenceSnapshot } from '@shared/sync/presence.js';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket } from '../../test-support/fixtures.js';
import { openSse, type SseReader } from '../../test-support/sse-reader.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
const TTL_MS = 1500;

/** Resolves with the first snapshot on the stream that satisfies `predicate`. */
async function snapshotWhere(stream: SseReader, predicate: (s: PresenceSnapshot) => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = stream.messages.map((m) => JSON.parse(m) as PresenceSnapshot).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching presence snapshot; got ${JSON.stringify(stream.messages)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const names = (s: PresenceSnapshot): string[] => s.people.map((p) => `${p.name}:${p.state}`);

describe.each(backends)('$name', (backend) => {
  // PostgreSQL: the two people reach different instances, so presence has to cross through LISTEN/NOTIFY.
  const instances = backend.name === 'postgres' ? 2 : 1;
  describe.skipIf(!backend.available)(variantTitle(`ticket presence on ${instances} instance(s)`, backend), () => {
    const env = useTestServers(backend, { instances, server: { presenceTtlMs: TTL_MS } });
    const ticket = makeTicket({ groupId: 'grp-service-desk', assigneeId: '' });
    const streams: SseReader[] = [];
    const open = async (instance: number, token?: string, ticketId = ticket.id) => {
      const { servers } = env();
      const stream = await openSse(`${servers[instance % servers.length].url}/api/presence/${ticketId}/stream`, token);
      streams.push(stream);
      return stream;
    };
    const beat = (instance: number, token: string | undefined, body: unknown) =>
      env().apis[instance % env().apis.length].request('POST', '/api/presence', { token, body });

    it('shows each agent who else has the ticket open, across instances, and forgets a silent one', async () => {
      const { api } = env();
      const supervisor = (await api.login(DEMO_USERS.supervisor.email)).accessToken;
      await api.create(supervisor, 'tickets', [ticket]);
      const avery = (await api.login(DEMO_USERS.agent.email)).accessToken;
      const sophie = supervisor;

      const averyStream = await open(0, avery);
      expect(averyStream.status).toBe(200);
      await snapshotWhere(averyStream, (s) => s.ticketId === ticket.id && s.people.length === 0);
      expect((await beat(0, avery, { ticketId: ticket.id, state: 'viewing' })).status).toBe(204);
      expect((await beat(1, sophie, { ticketId: ticket.id, state: 'editing' })).status).toBe(204);
      const both = await snapshotWhere(averyStream, (s) => s.people.length === 2);
      expect(names(both)).toEqual(['Avery Martin:viewing', 'Sophie Gagnon:editing']);

      // Sophie's stream (other instance) starts with both once her instance has heard Avery's next heartbeat.
      const sophieStream = await open(1, sophie);
      await beat(0, avery, { ticketId: ticket.id, state: 'editing' });
      await snapshotWhere(sophieStream, (s) => names(s).includes('Avery Martin:editing'));

      // Sophie leaves explicitly; Avery goes silent and expires after the TTL.
      await beat(1, sophie, { ticketId: ticket.id, state: 'left' });
      await snapshotWhere(averyStream, (s) => names(s).join() === 'Avery Martin:editing');
      await snapshotWhere(sophieStream, (s) => s.people.length === 0, TTL_MS * 4);
      for (const stream of streams) stream.close();
    });

    it('ends the presence stream of someone who may no longer see the ticket, before it shows who has it open', async () => {
      const { api } = env();
      const supervisor = (await api.login(DEMO_USERS.supervisor.email)).accessToken;
      const agent = (await api.login(DEMO_USERS.agent.email)).accessToken;
      const tech = (await api.login(DEMO_USERS.technician.email)).accessToken;
      // The service desk's ticket is the technician's while it is assigned to them.
      const [assigned] = await api.create(supervisor, 'tickets', [
        makeTicket({ groupId: 'grp-service-desk', assigneeId: DEMO_USERS.technician.id, status: 'assigned' }),
      ]);
      const techStream = await open(0, tech, assigned.id);
      expect(techStream.status).toBe(200);
      await snapshotWhere(techStream, (s) => s.ticketId === assigned.id && s.people.length === 0);

      const updatedAt = assigned.updatedAt + 1;
      const away = { ...assigned, assigneeId: DEMO_USERS.agent.id, updatedAt, queueKey: queueKeyFor(updatedAt) };
      const moved = await api.push(supervisor, 'tickets', [{ assumedMasterState: assigned, newDocumentState: away }]);
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect((await beat(0, agent, { ticketId: assigned.id, state: 'editing' })).status).toBe(204);
      await techStream.ended;
      const seen = techStream.messages.map((m) => JSON.parse(m) as PresenceSnapshot);
      expect(seen.some((s) => s.people.length > 0)).toBe(false);
    });

    it('refuses the anonymous (401), those who may not see the ticket (403), unknown tickets (404) and bad heartbeats (400)', async () => {
      const { api } = env();
      const tech = (await api.login(DEMO_USERS.technician.email)).accessToken;
      const agent = (await api.login(DEMO_USERS.agent.email)).accessToken;
      // The ticket belongs to the service desk: the field technician does not see it.
      expect((await beat(0, undefined, { ticketId: ticket.id, state: 'viewing' })).status).toBe(401);
      expect((await open(0, undefined)).status).toBe(401);
      const forbidden = await beat(0, tech, { ticketId: ticket.id, state: 'viewing' });
      expect(forbidden.status).toBe(403);
      expect((await open(0, tech)).status).toBe(403);
      const unknown = await beat(0, agent, { ticketId: 'no-such-ticket', state: 'viewing' });
      expect(unknown.status).toBe(404);
      expect(JSON.stringify(unknown.body)).toContain('no-such-ticket');
      expect((await open(0, agent, 'no-such-ticket')).status).toBe(404);
      const bad = await beat(0, agent, { ticketId: ticket.id, state: 'dancing' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('state');
      // Nothing about presence is stored in the database.
      const tables = await env().server.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%presence%'`,
      );
      expect(tables).toEqual([]);
    });
  });
});
