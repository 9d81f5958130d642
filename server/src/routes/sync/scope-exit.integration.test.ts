import { queueKeyFor, scopeExitMarker } from '@shared';
import type { Doc } from '../../test-support/api-client.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

/**
 * Issue 15, item 9: a ticket that leaves a user's scope leaves their devices. The pull tells exactly the users who
 * could see it before, with a tombstone that says nothing of the ticket; others learn nothing.
 */
describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('documents that leave a user’s scope', backend), () => {
    const env = useTestServers(backend, { tickets: 30 });
    const tokens = { admin: '', supervisor: '', agent: '', technician: '' };

    beforeAll(async () => {
      for (const who of ['admin', 'supervisor', 'agent', 'technician'] as const)
        tokens[who] = (await env().api.login(DEMO_USERS[who].email)).accessToken;
    });

    /** Creates a ticket with one comment as the supervisor; returns the stored ticket. */
    async function ticketWithComment(overrides: Parameters<typeof makeTicket>[0]): Promise<{ ticket: Doc; eventId: string }> {
      const { api } = env();
      const [created] = await api.create(tokens.supervisor, 'tickets', [makeTicket(overrides)]);
      const ticket = created as unknown as Doc;
      const event = makeEvent(ticket.id, DEMO_USERS.supervisor.id, { body: 'Callback at 14:00, ext. 4411' });
      expect((await api.push(tokens.supervisor, 'ticket_events', [{ newDocumentState: event }])).body).toEqual([]);
      return { ticket, eventId: event.id };
    }

    /** The supervisor changes a stored ticket, as a device would push it. */
    async function change(ticket: Doc, fields: Record<string, unknown>): Promise<void> {
      const updatedAt = Number(ticket.updatedAt) + 1000;
      const next = { ...ticket, ...fields, updatedAt, queueKey: queueKeyFor(updatedAt) };
      const pushed = await env().api.push(tokens.supervisor, 'tickets', [{ assumedMasterState: ticket, newDocumentState: next }]);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    }

    it('tells a technician to remove a ticket moved to another group, and its events, with nothing of their content', async () => {
      const { api } = env();
      const { ticket, eventId } = await ticketWithComment({ groupId: 'grp-field', title: 'Badge reader, lobby door' });
      const tickets = await api.pullAll(tokens.technician, 'tickets');
      const events = await api.pullAll(tokens.technician, 'ticket_events');
      expect(tickets.docs.has(ticket.id) && events.docs.has(eventId)).toBe(true);

      await change(ticket, { groupId: 'grp-apps', title: 'Badge reader, now an application fault' });

      const gone = (await api.pullAll(tokens.technician, 'tickets', tickets.checkpoint)).docs.get(ticket.id);
      expect(gone).toMatchObject({ id: ticket.id, _deleted: true });
      expect(JSON.stringify(gone)).not.toMatch(/Badge|grp-apps|grp-field/);
      const goneEvent = (await api.pullAll(tokens.technician, 'ticket_events', events.checkpoint)).docs.get(eventId);
      expect(goneEvent).toMatchObject({ id: eventId, ticketId: ticket.id, _deleted: true });
      expect(JSON.stringify(goneEvent)).not.toContain('4411');
      // Not a deletion: the ticket lives on for those who may see it.
      expect((await api.pullAll(tokens.supervisor, 'tickets')).docs.get(ticket.id)).toMatchObject({ _deleted: false });
    });

    it('tells an agent to remove a ticket reclassified as a security incident', async () => {
      const { api } = env();
      const { ticket } = await ticketWithComment({ groupId: 'grp-service-desk', title: 'Odd e-mail asking for a password' });
      const { checkpoint, docs } = await api.pullAll(tokens.agent, 'tickets');
      expect(docs.has(ticket.id)).toBe(true);
      await change(ticket, { security: true, groupId: 'grp-security', categoryId: 'cat-security-phishing' });
      const gone = (await api.pullAll(tokens.agent, 'tickets', checkpoint)).docs.get(ticket.id);
      expect(gone).toMatchObject({ id: ticket.id, _deleted: true });
      expect(JSON.stringify(gone)).not.toMatch(/password|security-phishing/);
    });

    it('says nothing to a user who never could see the ticket', async () => {
      const { api } = env();
      const { ticket } = await ticketWithComment({ groupId: 'grp-apps', title: 'Payroll export fails' });
      const { checkpoint, docs } = await api.pullAll(tokens.technician, 'tickets');
      expect(docs.has(ticket.id)).toBe(false);
      await change(ticket, { groupId: 'grp-network' });
      expect((await api.pullAll(tokens.technician, 'tickets', checkpoint)).docs.has(ticket.id)).toBe(false);
    });

    it('tells a technician removed from their group to remove its tickets and site items, once signed in with the new groups', async () => {
      const { api } = env();
      const { ticket, eventId } = await ticketWithComment({
        groupId: 'grp-field',
        assigneeId: '',
        title: 'Printer jam, floor 3',
      });
      const mine = makeTicket({ groupId: 'grp-field', assigneeId: DEMO_USERS.technician.id, status: 'assigned' });
      await api.create(tokens.supervisor, 'tickets', [mine]);
      const tickets = await api.pullAll(tokens.technician, 'tickets');
      const events = await api.pullAll(tokens.technician, 'ticket_events');
      const items = await api.pullAll(tokens.technician, 'config_items');
      expect(tickets.docs.has(ticket.id) && tickets.docs.has(mine.id)).toBe(true);

      const entry = (await api.pullAll(tokens.admin, 'directory')).docs.get(DEMO_USERS.technician.id)!;
      const pushed = await api.push(tokens.admin, 'directory', [
        { assumedMasterState: entry, newDocumentState: { ...entry, groupIds: [] } },
      ]);
      expect(pushed.status).toBe(200);
      try {
        const token = (await api.login(DEMO_USERS.technician.email)).accessToken;

        const after = await api.pullAll(token, 'tickets', tickets.checkpoint);
        expect(after.docs.get(ticket.id)).toMatchObject({ _deleted: true });
        expect(JSON.stringify(after.docs.get(ticket.id))).not.toContain('Printer');
        // Assigned to them by name: still theirs.
        expect(after.docs.get(mine.id)?._deleted ?? false).toBe(false);
        expect((await api.pullAll(token, 'ticket_events', events.checkpoint)).docs.get(eventId)).toMatchObject({
          _deleted: true,
        });
        // The configuration items of the group's sites leave the device too; those still in view stay.
        const visibleNow = (await api.pullAll(token, 'config_items')).docs;
        const lostItems = [...items.docs.keys()].filter((id) => !visibleNow.has(id));
        expect(lostItems.length).toBeGreaterThan(0);
        const itemChanges = (await api.pullAll(token, 'config_items', items.checkpoint)).docs;
        for (const id of lostItems) expect(itemChanges.get(id), id).toMatchObject({ id, _deleted: true });
        for (const [id, doc] of itemChanges) if (visibleNow.has(id)) expect(doc._deleted, id).toBe(false);
        expect(JSON.stringify(itemChanges.get(lostItems[0]))).not.toContain(String(items.docs.get(lostItems[0])?.name));
      } finally {
        await api.push(tokens.admin, 'directory', [{ assumedMasterState: { ...entry, groupIds: [] }, newDocumentState: entry }]);
      }
    });

    it('tells a group’s technicians to remove a site handed to another group and an item deleted, with their history', async () => {
      const { api } = env();
      const before = await api.pullAll(tokens.technician, 'config_items');
      const history = await api.pullAll(tokens.technician, 'ci_history');
      expect(before.docs.has('ci-site-ottawa')).toBe(true);
      const all = (await api.pullAll(tokens.admin, 'config_items')).docs;
      const site = all.get('ci-site-ottawa')!;
      const service = all.get('ci-svc-files')!;
      const at = (doc: Doc, fields: Record<string, unknown>) => ({ ...doc, ...fields, updatedAt: Number(doc.updatedAt) + 1000 });
      const pushed = await api.push(tokens.admin, 'config_items', [
        { assumedMasterState: site, newDocumentState: at(site, { ownerGroupId: 'grp-apps' }) },
        { assumedMasterState: service, newDocumentState: at(service, { _deleted: true }) },
      ]);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      try {
        // A full pull's later pages may carry tombstones too: what the technician sees is what is alive.
        const visibleNow = [...(await api.pullAll(tokens.technician, 'config_items')).docs.values()].filter((d) => !d._deleted);
        const lost = [...before.docs.keys()].filter((id) => !visibleNow.some((d) => d.id === id));
        expect(lost.sort()).toEqual(['ci-site-ottawa', 'ci-svc-files']);
        const changes = (await api.pullAll(tokens.technician, 'config_items', before.checkpoint)).docs;
        for (const id of lost) expect(changes.get(id), id).toMatchObject({ id, _deleted: true });
        expect(JSON.stringify(changes.get('ci-site-ottawa'))).not.toMatch(/Elgin|Ottawa|grp-apps/);
        const lostHistory = [...history.docs.values()].filter((h) => lost.includes(String(h.ciId)));
        expect(lostHistory.length).toBeGreaterThan(0);
        const historyChanges = (await api.pullAll(tokens.technician, 'ci_history', history.checkpoint)).docs;
        for (const entry of lostHistory) expect(historyChanges.get(entry.id), entry.id).toMatchObject({ _deleted: true });
        // Items still in view are not touched.
        expect(changes.get('ci-srv-file-ott')?._deleted ?? false).toBe(false);
      } finally {
        const now = (await api.pullAll(tokens.admin, 'config_items')).docs;
        const back = (id: string, fields: Record<string, unknown>) => ({
          assumedMasterState: now.get(id)!,
          newDocumentState: at(now.get(id)!, fields),
        });
        await api.push(tokens.admin, 'config_items', [
          back('ci-site-ottawa', { ownerGroupId: site.ownerGroupId }),
          back('ci-svc-files', { _deleted: false }),
        ]);
      }
    });

    it('refuses a change to a ticket that left the pusher’s scope with code out_of_scope, so the device drops its copy', async () => {
      const { api } = env();
      const { ticket } = await ticketWithComment({ groupId: 'grp-field', title: 'Projector, room 204' });
      const held = (await api.pullAll(tokens.technician, 'tickets')).docs.get(ticket.id)!;
      await change(ticket, { groupId: 'grp-apps' });
      const edited = { ...held, title: 'Projector, room 204 (lamp ordered)', updatedAt: Number(held.updatedAt) + 5 };
      const response = await api.push(tokens.technician, 'tickets', [{ assumedMasterState: held, newDocumentState: edited }]);
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).toContain('"code":"out_of_scope"');
    });

    it('answers a retried entry whose ticket left the pusher’s scope with the scope-exit marker (a lost answer, chaos seed 2125770887)', async () => {
      const { api } = env();
      const { ticket } = await ticketWithComment({ groupId: 'grp-field', title: 'Door closer, loading dock' });
      const note = makeEvent(ticket.id, DEMO_USERS.technician.id, { body: 'Closer arm bent, part ordered' });
      expect((await api.push(tokens.technician, 'ticket_events', [{ newDocumentState: note }])).body).toEqual([]);
      // The answer never reached the device; meanwhile the ticket moved to a group the technician is not in.
      await change(ticket, { groupId: 'grp-apps' });
      const retried = await api.push(tokens.technician, 'ticket_events', [{ newDocumentState: note }]);
      expect(retried.status).toBe(200);
      expect(retried.body).toEqual([{ ...scopeExitMarker('ticket_events', { id: note.id, ticketId: ticket.id }) }]);
      // The entry itself stands, for those who see the ticket.
      expect((await api.pullAll(tokens.supervisor, 'ticket_events')).docs.get(note.id)).toMatchObject({
        body: 'Closer arm bent, part ordered',
      });
      // A retry of an entry still in view is answered with nothing, as before.
      const { ticket: kept } = await ticketWithComment({ groupId: 'grp-field', title: 'Badge printer ribbon' });
      const keptNote = makeEvent(kept.id, DEMO_USERS.technician.id, { body: 'Ribbon swapped' });
      await api.push(tokens.technician, 'ticket_events', [{ newDocumentState: keptNote }]);
      expect((await api.push(tokens.technician, 'ticket_events', [{ newDocumentState: keptNote }])).body).toEqual([]);
    });
  });
});
