import type { ApiErrorBody } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { ApiResponse } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle, makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('push authorisation and domain rules', backend), () => {
    const env = useTestServers(backend);
    const tokens: Record<string, string> = {};
    const article = makeArticle();
    const techTicket = makeTicket({ groupId: 'grp-field', assigneeId: 'usr-tech', status: 'in_progress' });
    const hiddenTicket = makeTicket({ groupId: 'grp-network', assigneeId: 'usr-0008' });
    const resolvedTicket = makeTicket({
      groupId: 'grp-field',
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Done.',
    });
    const closedTicket = makeTicket({
      groupId: 'grp-field',
      status: 'closed',
      resolutionCode: 'fixed',
      resolutionNotes: 'Done.',
    });
    const event = makeEvent(techTicket.id, 'usr-tech');

    beforeAll(async () => {
      const { api } = env();
      for (const who of ['agent', 'technician', 'supervisor', 'admin'] as const)
        tokens[who] = (await api.login(DEMO_USERS[who].email)).accessToken;
      // The fixtures as stored (numbered, in the admin's name), reached along the lifecycle.
      Object.assign(article, ...(await api.create(tokens.admin, 'kb_articles', [article])));
      for (const ticket of [techTicket, hiddenTicket, resolvedTicket, closedTicket])
        Object.assign(ticket, await api.createTicketIn(tokens.admin, ticket));
      expect((await api.push(tokens.technician, 'ticket_events', [{ newDocumentState: event }])).body).toEqual([]);
    });

    const counter = async (): Promise<number> =>
      Number((await env().server.db.query<{ value: number }>('SELECT value FROM sync_counter'))[0].value);

    /** Pushes, expects a refusal naming the document and field, and checks that nothing was written. */
    async function expectRefused(
      who: string,
      collection: string,
      rows: { assumedMasterState?: object | null; newDocumentState: object }[],
      status: number,
      documentId: string,
      field?: string,
    ): Promise<ApiResponse<ApiErrorBody>> {
      const { api } = env();
      const before = await counter();
      const snapshot = await api.pullAll(tokens.supervisor, collection);
      const response = (await api.push(tokens[who], collection, rows)) as unknown as ApiResponse<ApiErrorBody>;
      expect(response.status).toBe(status);
      expect(response.body.statusCode).toBe(status);
      expect(response.body.message).toMatch(/^Nothing was saved: /);
      expect(response.body.message).toContain(documentId);
      expect(response.body.details).toContainEqual(expect.objectContaining(field ? { documentId, field } : { documentId }));
      expect(await counter()).toBe(before);
      const after = await api.pullAll(tokens.supervisor, collection);
      expect(after.docs).toEqual(snapshot.docs);
      return response;
    }

    it('refuses a technician editing a knowledge article (403)', async () => {
      const response = await expectRefused(
        'technician',
        'kb_articles',
        [{ assumedMasterState: article, newDocumentState: { ...article, version: 2 } }],
        403,
        article.id,
      );
      expect(response.body.message).toContain('technician');
    });

    it('refuses a technician changing the security flag (403, field security)', async () => {
      await expectRefused(
        'technician',
        'tickets',
        [{ assumedMasterState: techTicket, newDocumentState: { ...techTicket, security: true } }],
        403,
        techTicket.id,
        'security',
      );
    });

    it('refuses an agent writing the directory (403)', async () => {
      const user = {
        id: 'usr-new',
        kind: 'user',
        name: 'New Person',
        nameFr: '',
        email: 'new@example.org',
        role: 'admin',
        groupIds: [],
        parentId: '',
        groupId: '',
        locale: 'en',
        active: true,
        updatedAt: 1,
        _deleted: false,
      };
      await expectRefused('agent', 'directory', [{ newDocumentState: user }], 403, 'usr-new');
    });

    it("refuses an event written in someone else's name (403, field authorId)", async () => {
      const forged = makeEvent(techTicket.id, 'usr-supervisor');
      await expectRefused('technician', 'ticket_events', [{ newDocumentState: forged }], 403, forged.id, 'authorId');
    });

    it('refuses changing an existing event: events are append-only (403)', async () => {
      const response = await expectRefused(
        'technician',
        'ticket_events',
        [{ assumedMasterState: event, newDocumentState: { ...event, body: 'edited' } }],
        403,
        event.id,
      );
      expect(response.body.message).toContain('append-only');
    });

    it('refuses an event on a ticket the technician cannot see (403, field ticketId)', async () => {
      const hidden = makeEvent(hiddenTicket.id, 'usr-tech');
      await expectRefused('technician', 'ticket_events', [{ newDocumentState: hidden }], 403, hidden.id, 'ticketId');
    });

    it('refuses an illegal status transition (422, field status)', async () => {
      const reopened = { ...closedTicket, status: 'assigned' };
      const response = await expectRefused(
        'supervisor',
        'tickets',
        [{ assumedMasterState: closedTicket, newDocumentState: reopened }],
        422,
        closedTicket.id,
        'status',
      );
      expect(response.body.message).toContain('cannot move from "closed" to "assigned"');
    });

    it('accepts a jump made of several legal steps, as a device that was offline pushes it (resolved -> in_progress -> assigned)', async () => {
      const { api } = env();
      const reopened = { ...resolvedTicket, status: 'assigned', updatedBy: 'usr-supervisor' };
      const response = await api.push(tokens.supervisor, 'tickets', [
        { assumedMasterState: resolvedTicket, newDocumentState: reopened },
      ]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
    });

    it('refuses a resolved ticket without resolution notes (422, field resolutionNotes)', async () => {
      const resolved = { ...techTicket, status: 'resolved', resolutionCode: 'fixed', resolutionNotes: ' ' };
      await expectRefused(
        'technician',
        'tickets',
        [{ assumedMasterState: techTicket, newDocumentState: resolved }],
        422,
        techTicket.id,
        'resolutionNotes',
      );
    });

    it('refuses changing an immutable field, even for an admin (422, field number)', async () => {
      await expectRefused(
        'admin',
        'tickets',
        [{ assumedMasterState: techTicket, newDocumentState: { ...techTicket, number: 'INC9999999' } }],
        422,
        techTicket.id,
        'number',
      );
    });

    it('refuses a technician creating a ticket outside their groups (403, field groupId)', async () => {
      const foreign = makeTicket({ groupId: 'grp-apps' });
      await expectRefused('technician', 'tickets', [{ newDocumentState: foreign }], 403, foreign.id, 'groupId');
    });

    it('does not reveal a hidden ticket through a conflict (403 instead of the master)', async () => {
      const response = await expectRefused(
        'technician',
        'tickets',
        [{ newDocumentState: { ...hiddenTicket, title: 'guess' } }],
        403,
        hiddenTicket.id,
      );
      expect(JSON.stringify(response.body)).not.toContain(hiddenTicket.title);
    });

    it('refuses a document that breaks the schema (422 naming the field)', async () => {
      const wrong = { ...makeArticle(), version: 'two' };
      await expectRefused('supervisor', 'kb_articles', [{ newDocumentState: wrong }], 422, wrong.id, 'version');
      const extra = { ...makeArticle(), _meta: { lwt: 1 } };
      await expectRefused('supervisor', 'kb_articles', [{ newDocumentState: extra }], 422, extra.id, '_meta');
    });

    it('keeps edit counters: refuses them going down, dropped or unknown (422 naming the counter), accepts them going up', async () => {
      const { api } = env();
      const [counted] = await api.create(tokens.supervisor, 'tickets', [
        makeTicket({ groupId: 'grp-field', fieldRevs: { title: 2, assigneeId: 1 }, updatedBy: 'usr-supervisor' }),
      ]);
      const edit = (fieldRevs: unknown) => [
        { assumedMasterState: counted, newDocumentState: { ...counted, title: 'Edited', fieldRevs } },
      ];
      const lowered = await expectRefused(
        'supervisor',
        'tickets',
        edit({ title: 1, assigneeId: 1 }),
        422,
        counted.id,
        'fieldRevs.title',
      );
      expect(lowered.body.message).toContain('went down from 2 to 1');
      await expectRefused('supervisor', 'tickets', edit(undefined), 422, counted.id, 'fieldRevs');
      await expectRefused(
        'supervisor',
        'tickets',
        edit({ title: 3, assigneeId: 1, color: 1 }),
        422,
        counted.id,
        'fieldRevs.color',
      );
      await expectRefused('supervisor', 'tickets', edit({ title: -3 }), 422, counted.id, 'fieldRevs.title');
      const raised = await api.push(tokens.supervisor, 'tickets', edit({ title: 3, assigneeId: 1 }));
      expect(raised.status).toBe(200);
      expect(raised.body).toEqual([]);
      const stored = (await api.pullAll(tokens.supervisor, 'tickets')).docs.get(counted.id);
      expect(stored).toMatchObject({ title: 'Edited', fieldRevs: { title: 3, assigneeId: 1 } });
    });

    it('is all or nothing: one bad row rejects the whole batch', async () => {
      const good = makeArticle();
      const bad = { ...makeArticle(), title: { en: '', fr: 42 } };
      await expectRefused(
        'supervisor',
        'kb_articles',
        [{ newDocumentState: good }, { newDocumentState: bad }],
        422,
        bad.id,
        'title.fr',
      );
      const all = await env().api.pullAll(tokens.supervisor, 'kb_articles');
      expect(all.docs.has(good.id)).toBe(false);
    });

    it("still accepts the technician's legitimate work", async () => {
      const { api } = env();
      const pending = {
        ...techTicket,
        status: 'pending',
        pendingReason: 'vendor',
        updatedBy: 'usr-tech',
        updatedAt: techTicket.updatedAt + 1000,
        queueKey: techTicket.queueKey - 1000,
      };
      expect(
        (await api.push(tokens.technician, 'tickets', [{ assumedMasterState: techTicket, newDocumentState: pending }])).body,
      ).toEqual([]);
      const worklog = makeEvent(techTicket.id, 'usr-tech', { kind: 'worklog', minutes: 30 });
      expect((await api.push(tokens.technician, 'ticket_events', [{ newDocumentState: worklog }])).body).toEqual([]);
    });
  });
});
