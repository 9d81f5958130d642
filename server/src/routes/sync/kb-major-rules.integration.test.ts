import type { ApiErrorBody } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle, makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('knowledge versions and major-incident rules', backend), () => {
    const env = useTestServers(backend);
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      const { api } = env();
      for (const who of ['agent', 'technician', 'supervisor'] as const)
        tokens[who] = (await api.login(DEMO_USERS[who].email)).accessToken;
    });

    const push = (who: string, collection: string, next: object, assumed?: object) =>
      env().api.push(tokens[who], collection, [{ assumedMasterState: assumed ?? null, newDocumentState: next }]);
    const stored = async (collection: string, id: string) =>
      (await env().api.pullAll(tokens.supervisor, collection)).docs.get(id);
    const versionsOf = async (articleId: string) =>
      [...(await env().api.pullAll(tokens.technician, 'kb_article_versions')).docs.values()]
        .filter((v) => v.articleId === articleId)
        .sort((a, b) => Number(a.version) - Number(b.version));

    it('records each published version (who, when, content) and keeps it after the next one', async () => {
      const draft = makeArticle({ authorId: DEMO_USERS.agent.id });
      expect((await push('agent', 'kb_articles', draft)).status).toBe(200);
      expect(await versionsOf(draft.id)).toEqual([]);

      const v1 = { ...draft, status: 'published', updatedAt: Number(draft.updatedAt) + 1 } as Doc;
      expect((await push('agent', 'kb_articles', v1, draft)).status).toBe(200);
      // The supervisor's device writes the next version in the supervisor's name.
      const draft2 = {
        ...v1,
        status: 'draft',
        version: 2,
        body: { en: 'Version two', fr: 'Version deux' },
        authorId: DEMO_USERS.supervisor.id,
      } as Doc;
      expect((await push('supervisor', 'kb_articles', draft2, v1)).status).toBe(200);
      const v2 = { ...draft2, status: 'published' } as Doc;
      expect((await push('supervisor', 'kb_articles', v2, draft2)).status).toBe(200);

      const versions = await versionsOf(draft.id);
      expect(versions.map((v) => [v.version, v.publishedBy, (v.body as { en: string }).en])).toEqual([
        [1, DEMO_USERS.agent.id, '# Steps\n1. Open the portal.'],
        [2, DEMO_USERS.supervisor.id, 'Version two'],
      ]);
    });

    it('records the version of a new draft published offline, which arrives as published v1 -> published v2', async () => {
      const draft = makeArticle({ authorId: DEMO_USERS.agent.id });
      await push('agent', 'kb_articles', draft);
      const v1 = { ...draft, status: 'published' };
      await push('agent', 'kb_articles', v1, draft);
      const v2 = { ...v1, version: 2, body: { en: 'Offline edit', fr: 'Modifié hors ligne' } };
      expect((await push('agent', 'kb_articles', v2, v1)).status).toBe(200);
      expect((await versionsOf(draft.id)).map((v) => [v.version, (v.body as { en: string }).en])).toEqual([
        [1, '# Steps\n1. Open the portal.'],
        [2, 'Offline edit'],
      ]);
    });

    it('refuses an illegal transition with a 422 naming the field, and writes nothing', async () => {
      const draft = makeArticle({ authorId: DEMO_USERS.agent.id });
      await push('agent', 'kb_articles', draft);
      const published = { ...draft, status: 'published' } as Doc;
      await push('agent', 'kb_articles', published, draft);
      const retired = { ...published, status: 'retired' } as Doc;
      expect((await push('agent', 'kb_articles', retired, published)).status).toBe(200);

      const revived = { ...retired, status: 'draft', version: 2 } as Doc;
      const refused = await push('agent', 'kb_articles', revived, retired);
      expect(refused.status).toBe(422);
      const body = refused.body as unknown as ApiErrorBody;
      expect(body.details).toContainEqual(expect.objectContaining({ documentId: draft.id, field: 'status' }));
      expect(body.message).toMatch(/cannot move from "retired" to "draft"/);
      expect((await stored('kb_articles', draft.id))?.status).toBe('retired');
    });

    it('refuses editing a published version in place, and publishing without both languages', async () => {
      const draft = makeArticle({ title: { en: 'English only', fr: '' }, authorId: DEMO_USERS.agent.id });
      await push('agent', 'kb_articles', draft);
      const publish = await push('agent', 'kb_articles', { ...draft, status: 'published' }, draft);
      expect(publish.status).toBe(422);
      expect(JSON.stringify(publish.body)).toMatch(/title in English and in French/);
      expect(await versionsOf(draft.id)).toEqual([]);

      const fixed = { ...draft, title: { en: 'English', fr: 'Français' } } as Doc;
      await push('agent', 'kb_articles', fixed, draft);
      const published = { ...fixed, status: 'published' } as Doc;
      await push('agent', 'kb_articles', published, fixed);
      const edited = await push('agent', 'kb_articles', { ...published, body: { en: 'sneaky', fr: 'sournois' } }, published);
      expect(edited.status).toBe(422);
      expect(JSON.stringify(edited.body)).toMatch(/start a new draft/);
    });

    it('refuses a major incident without a manager', async () => {
      const ticket = makeTicket({ groupId: 'grp-service-desk', major: true, majorManagerId: '' });
      const response = await push('agent', 'tickets', ticket);
      expect(response.status).toBe(422);
      expect((response.body as unknown as ApiErrorBody).details).toContainEqual(
        expect.objectContaining({ documentId: ticket.id, field: 'majorManagerId' }),
      );
    });

    it('closes a major incident only once its post-incident review is on the server (a retryable refusal)', async () => {
      const resolved = makeTicket({
        groupId: 'grp-service-desk',
        status: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Restored',
        major: true,
        majorManagerId: DEMO_USERS.supervisor.id,
      });
      // Created, then resolved along the lifecycle (a ticket is never created resolved).
      Object.assign(resolved, await env().api.createTicketIn(tokens.agent, resolved));
      const closed = { ...resolved, status: 'closed' } as Doc;
      const early = await push('agent', 'tickets', closed, resolved);
      expect(early.status).toBe(422);
      expect((early.body as unknown as ApiErrorBody).details).toContainEqual(
        expect.objectContaining({ documentId: resolved.id, field: 'review', retryable: true }),
      );
      expect((await stored('tickets', resolved.id))?.status).toBe('resolved');

      const review = makeEvent(resolved.id, DEMO_USERS.agent.id, { kind: 'review', body: '{"summary":"Outage"}' });
      expect((await env().api.push(tokens.agent, 'ticket_events', [{ newDocumentState: review }])).status).toBe(200);
      expect((await push('agent', 'tickets', closed, resolved)).status).toBe(200);
      expect((await stored('tickets', resolved.id))?.status).toBe('closed');
    });

    it('keeps version records out of reach of every client', async () => {
      const forged = {
        id: 'kb-forged@v1',
        articleId: 'kb-forged',
        number: 'KB1',
        version: 1,
        title: { en: 'x', fr: 'x' },
        body: { en: 'x', fr: 'x' },
        categoryId: '',
        tags: [],
        publishedBy: DEMO_USERS.supervisor.id,
        publishedAt: 1,
        _deleted: false,
      };
      expect((await push('supervisor', 'kb_article_versions', forged)).status).toBe(403);
    });
  });
});
