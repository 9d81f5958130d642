import { STREAM_RESYNC, type Ticket } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { openSse, type SseReader } from '../../test-support/sse-reader.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

type Who = 'tech' | 'agent' | 'securityAgent' | 'supervisor';
const PEOPLE: Record<Who, string> = {
  tech: DEMO_USERS.technician.email,
  agent: DEMO_USERS.agent.email,
  securityAgent: 'maya.singh@example.org',
  supervisor: DEMO_USERS.supervisor.email,
};

/** Long enough for the hub to judge a notification and for the streams to carry what it decided. */
const SETTLE_MS = 250;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('live stream filtered like the pull', backend), () => {
    const env = useTestServers(backend, { tickets: 20 });
    const tokens = {} as Record<Who | 'admin', string>;
    const streams = {} as Record<Who, SseReader>;
    const tickets = {
      field: makeTicket({ groupId: 'grp-field', title: 'Printer jam on floor 2' }),
      network: makeTicket({ groupId: 'grp-network', assigneeId: 'usr-0008', title: 'Switch port flapping' }),
      security: makeTicket({
        groupId: 'grp-security',
        assigneeId: 'usr-0013',
        security: true,
        categoryId: 'cat-security-phishing',
        title: 'Phishing campaign',
      }),
      moving: makeTicket({ groupId: 'grp-field', title: 'Badge reader offline' }),
    };
    type Name = keyof typeof tickets;
    const stored = {} as Record<Name, Ticket>;

    beforeAll(async () => {
      const { api, server } = env();
      tokens.admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      for (const [who, email] of Object.entries(PEOPLE)) tokens[who as Who] = (await api.login(email)).accessToken;
      const created = await api.create(tokens.admin, 'tickets', Object.values(tickets));
      (Object.keys(tickets) as Name[]).forEach((name, i) => (stored[name] = created[i]));
      for (const who of Object.keys(PEOPLE) as Who[]) {
        streams[who] = await openSse(`${server.url}/api/sync/tickets/stream`, tokens[who]);
        expect(streams[who].status).toBe(200);
      }
      // The writes above may still be on their way to the streams: start from quiet streams.
      await settle();
      for (const stream of Object.values(streams)) stream.messages.length = 0;
    });
    afterAll(() => {
      for (const stream of Object.values(streams)) stream.close();
    });

    /** The admin changes a stored ticket, as a device would push it. */
    const edit = async (name: Name, change: Partial<Ticket>): Promise<void> => {
      const next = { ...stored[name], ...change };
      const pushed = await env().api.push(tokens.admin, 'tickets', [
        { assumedMasterState: stored[name], newDocumentState: next },
      ]);
      expect(pushed.status).toBe(200);
      expect(pushed.body).toEqual([]);
      stored[name] = next;
    };

    const signals = (who: Who): number => streams[who].messages.filter((m) => m === STREAM_RESYNC).length;

    it("gives a technician no signal for a ticket outside their groups nor for a security incident, one for their group's", async () => {
      await edit('network', { title: 'Switch port flapping (again)' });
      await streams.supervisor.waitFor(STREAM_RESYNC, 1);
      await edit('security', { title: 'Phishing campaign, second wave' });
      await streams.supervisor.waitFor(STREAM_RESYNC, 2);
      await settle();
      expect(signals('tech')).toBe(0);

      await edit('field', { title: 'Printer jam on floor 3' });
      await streams.tech.waitFor(STREAM_RESYNC, 1);
      await settle();
      expect(signals('tech')).toBe(1);
    });

    it('signals each person exactly when their pull returns something new, a ticket leaving their scope included', async () => {
      const { api } = env();
      const checkpoints = {} as Record<Who, number | null>;
      for (const who of Object.keys(PEOPLE) as Who[]) checkpoints[who] = (await api.pullAll(tokens[who], 'tickets')).checkpoint;
      const edits: [Name, Partial<Ticket>][] = [
        ['network', { description: 'Port 24 flaps every 5 minutes.' }],
        ['security', { description: 'Mail from a look-alike domain.' }],
        ['field', { description: 'Tray 2 only.' }],
        // Leaves the technician's groups: their pull returns its removal.
        ['moving', { groupId: 'grp-network' }],
        // Now outside: nothing more for the technician.
        ['moving', { title: 'Badge reader offline, building B' }],
        ['security', { title: 'Phishing campaign, contained' }],
      ];
      let seen = 0;
      for (const [name, change] of edits) {
        const before = Object.fromEntries((Object.keys(PEOPLE) as Who[]).map((who) => [who, signals(who)]));
        await edit(name, change);
        await streams.supervisor.waitFor(STREAM_RESYNC, before.supervisor + 1);
        await settle();
        for (const who of Object.keys(PEOPLE) as Who[]) {
          const pulled = await api.pullAll(tokens[who], 'tickets', checkpoints[who]);
          checkpoints[who] = pulled.checkpoint;
          const signalled = signals(who) > before[who];
          expect(signalled, `${who} after ${name} ${JSON.stringify(change)}: pulled ${[...pulled.docs.keys()].join()}`).toBe(
            pulled.docs.size > 0,
          );
          if (signalled) seen++;
        }
      }
      // Not vacuous: people heard of some edits and not of others.
      expect(seen).toBeGreaterThan(edits.length);
      expect(seen).toBeLessThan(edits.length * 4);
    });

    it("gives a technician no signal for another group's ticket history, one for their group's", async () => {
      const { api, server } = env();
      const events = await openSse(`${server.url}/api/sync/ticket_events/stream`, tokens.tech);
      const watcher = await openSse(`${server.url}/api/sync/ticket_events/stream`, tokens.supervisor);
      try {
        await api.push(tokens.admin, 'ticket_events', [{ newDocumentState: makeEvent(stored.network.id, 'usr-admin') }]);
        await watcher.waitFor(STREAM_RESYNC, 1);
        await settle();
        expect(events.messages).toEqual([]);
        await api.push(tokens.admin, 'ticket_events', [{ newDocumentState: makeEvent(stored.field.id, 'usr-admin') }]);
        await events.waitFor(STREAM_RESYNC, 1);
      } finally {
        events.close();
        watcher.close();
      }
    });

    it("reaches a technician with edits to a group's tickets once they join that group", async () => {
      const { api, server } = env();
      const directory = (await api.pullAll(tokens.admin, 'directory')).docs;
      const tech = directory.get('usr-tech') as Doc;
      const groupIds = [...(tech.groupIds as string[]), 'grp-apps'];
      const appsTicket = (await api.create(tokens.admin, 'tickets', [makeTicket({ groupId: 'grp-apps' })]))[0];
      await settle();
      const old = streams.tech;
      const before = signals('tech');

      const pushed = await api.push(tokens.admin, 'directory', [
        { assumedMasterState: tech, newDocumentState: { ...tech, groupIds } },
      ]);
      expect(pushed.body).toEqual([]);
      // Filtered with the old groups, the stream ends: the client reconnects with a new token and pulls what it gained.
      await old.ended;
      expect(signals('tech')).toBe(before);
      tokens.tech = (await api.login(PEOPLE.tech)).accessToken;
      streams.tech = await openSse(`${server.url}/api/sync/tickets/stream`, tokens.tech);
      expect((await api.pullAll(tokens.tech, 'tickets')).docs.has(appsTicket.id)).toBe(true);

      const next = { ...appsTicket, title: 'Edited after joining' };
      expect(
        (await api.push(tokens.admin, 'tickets', [{ assumedMasterState: appsTicket, newDocumentState: next }])).body,
      ).toEqual([]);
      await streams.tech.waitFor(STREAM_RESYNC, 1);
    });
  });

  describe.skipIf(!backend.available || backend.name !== 'postgres')(
    backend.name === 'postgres'
      ? variantTitle('filtered live stream across two instances', backend)
      : `filtered live stream across two instances [${backend.name}] SKIPPED: only PostgreSQL is shared by instances`,
    () => {
      const env = useTestServers(backend, { instances: 2 });

      it('judges on instance B what was pushed through instance A', async () => {
        const { apis, servers } = env();
        const admin = (await apis[0].login(DEMO_USERS.admin.email)).accessToken;
        const [network, field] = await apis[0].create(admin, 'tickets', [
          makeTicket({ groupId: 'grp-network' }),
          makeTicket({ groupId: 'grp-field' }),
        ]);
        await settle();
        const tech = await openSse(`${servers[1].url}/api/sync/tickets/stream`, (await apis[1].login(PEOPLE.tech)).accessToken);
        const watcher = await openSse(
          `${servers[1].url}/api/sync/tickets/stream`,
          (await apis[1].login(PEOPLE.supervisor)).accessToken,
        );
        try {
          const editOnA = async (ticket: Ticket): Promise<void> => {
            const next = { ...ticket, title: `${ticket.title} (edited)` };
            const pushed = await apis[0].push(admin, 'tickets', [{ assumedMasterState: ticket, newDocumentState: next }]);
            expect(pushed.body).toEqual([]);
          };
          await editOnA(network);
          await watcher.waitFor(STREAM_RESYNC, 1);
          await settle();
          expect(tech.messages).toEqual([]);
          await editOnA(field);
          await tech.waitFor(STREAM_RESYNC, 1);
        } finally {
          tech.close();
          watcher.close();
        }
      });
    },
  );
});
