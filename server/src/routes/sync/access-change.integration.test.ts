import { canSeeTicket, type Actor, type Ticket } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

const techBefore: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };
const techAfter: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field', 'grp-network'] };

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('a user whose access widens', backend), () => {
    const env = useTestServers(backend, { tickets: 60 });
    const networkTicket = makeTicket({ groupId: 'grp-network', assigneeId: 'usr-0008', title: 'Switch port flapping' });
    const networkEvent = makeEvent(networkTicket.id, 'usr-admin');
    let admin = '';

    beforeAll(async () => {
      const { api } = env();
      admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      await api.create(admin, 'tickets', [networkTicket]);
      expect((await api.push(admin, 'ticket_events', [{ newDocumentState: networkEvent }])).body).toEqual([]);
    });

    /** The admin edits the technician's directory entry, as the admin console does. */
    const editTech = async (change: (doc: Doc) => Doc): Promise<void> => {
      const { api } = env();
      const tech = (await api.pullAll(admin, 'directory')).docs.get('usr-tech')!;
      const pushed = await api.push(admin, 'directory', [{ assumedMasterState: tech, newDocumentState: change(tech) }]);
      expect(pushed.status).toBe(200);
      expect(pushed.body).toEqual([]);
    };

    it("receives a group's older tickets and their events after joining it, from the checkpoint it already had", async () => {
      const { api } = env();
      const oldToken = (await api.login(DEMO_USERS.technician.email)).accessToken;
      const tickets = await api.pullAll(oldToken, 'tickets');
      const events = await api.pullAll(oldToken, 'ticket_events');
      expect(tickets.docs.has(networkTicket.id)).toBe(false);

      await editTech((doc) => ({ ...doc, groupIds: techAfter.groupIds }));
      // The token issued before the change is refused; a new sign-in carries the new groups.
      expect((await api.pull(oldToken, 'tickets', tickets.checkpoint)).status).toBe(401);
      const token = (await api.login(DEMO_USERS.technician.email)).accessToken;

      const gained = await api.pullAll(token, 'tickets', tickets.checkpoint);
      expect(gained.docs.get(networkTicket.id)).toMatchObject({ title: 'Switch port flapping', groupId: 'grp-network' });
      // Exactly what the new groups add: every network ticket the technician could not see before, nothing else.
      const everything = (await api.pullAll(admin, 'tickets')).docs;
      const expected = [...everything.values()]
        .filter((t) => !t._deleted)
        .filter((t) => canSeeTicket(techAfter, t as unknown as Ticket) && !canSeeTicket(techBefore, t as unknown as Ticket))
        .map((t) => t.id);
      expect(expected.length).toBeGreaterThan(1);
      expect([...gained.docs.keys()].sort()).toEqual(expected.sort());
      expect((await api.pullAll(token, 'ticket_events', events.checkpoint)).docs.has(networkEvent.id)).toBe(true);
    });

    it('re-sends nothing when an edit does not change access', async () => {
      const { api } = env();
      const supervisor = (await api.login(DEMO_USERS.supervisor.email)).accessToken;
      const { checkpoint } = await api.pullAll(supervisor, 'tickets');
      await editTech((doc) => ({ ...doc, name: 'Théo Tremblay-Roy' }));
      expect((await api.pullAll(supervisor, 'tickets', checkpoint)).docs.size).toBe(0);
    });

    it('re-sends what the user lost, unchanged, to others when access narrows (their devices remove it: scope-exit tests)', async () => {
      const { api } = env();
      const supervisor = (await api.login(DEMO_USERS.supervisor.email)).accessToken;
      const before = await api.pullAll(supervisor, 'tickets');
      await editTech((doc) => ({ ...doc, groupIds: techBefore.groupIds }));
      const again = (await api.pullAll(supervisor, 'tickets', before.checkpoint)).docs;
      expect(again.get(networkTicket.id)).toEqual(before.docs.get(networkTicket.id));
      for (const [id, doc] of again) expect(doc, id).toEqual(before.docs.get(id));
    });
  });
});
