import { MERGE_POLICIES, countRatings, threeWayMerge, withRating, type ApiErrorBody, type KbArticle } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('knowledge ratings and review dates', backend), () => {
    const env = useTestServers(backend);
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      const { api } = env();
      for (const who of ['agent', 'technician', 'supervisor'] as const)
        tokens[who] = (await api.login(DEMO_USERS[who].email)).accessToken;
    });

    const push = (who: string, next: object, assumed?: object) =>
      env().api.push(tokens[who], 'kb_articles', [{ assumedMasterState: assumed ?? null, newDocumentState: next }]);
    const stored = async (id: string) => (await env().api.pullAll(tokens.supervisor, 'kb_articles')).docs.get(id);
    const rate = (doc: Doc, userId: string, value: 'helpful' | 'not_helpful', at: number): Doc => ({
      ...doc,
      ratings: withRating(doc.ratings as KbArticle['ratings'], userId, value, at),
    });
    const published = async (): Promise<Doc> => {
      const draft = makeArticle({ authorId: DEMO_USERS.supervisor.id });
      expect((await push('supervisor', draft)).status).toBe(200);
      const doc = { ...draft, status: 'published' } as Doc;
      expect((await push('supervisor', doc, draft)).status).toBe(200);
      return doc;
    };

    it('lets two people rating offline both count once the second device merges', async () => {
      const base = await published();
      // The technician (whose role may not edit articles) and the agent both rate the same state offline.
      const byTechnician = rate(base, DEMO_USERS.technician.id, 'helpful', 10);
      const byAgent = rate(base, DEMO_USERS.agent.id, 'not_helpful', 11);
      const first = await push('technician', byTechnician, base);
      expect(first.status).toBe(200);
      expect(first.body).toEqual([]);
      const second = await push('agent', byAgent, base);
      expect(second.status).toBe(200);
      const [master] = second.body;
      expect(master).toBeDefined();
      // The device's conflict handler merges against what it started from, then pushes again.
      const { merged, clashes } = threeWayMerge<object>(base, byAgent, master, MERGE_POLICIES.kb_articles);
      expect(clashes).toEqual([]);
      expect((await push('agent', merged, master)).body).toEqual([]);

      const after = await stored(base.id);
      expect(countRatings(after?.ratings as KbArticle['ratings'])).toEqual({ helpful: 1, notHelpful: 1 });
      // Rating is not editing: the article keeps its author.
      expect(after?.authorId).toBe(DEMO_USERS.supervisor.id);
    });

    it('replaces a changed rating instead of counting it twice', async () => {
      const base = await published();
      const once = rate(base, DEMO_USERS.agent.id, 'helpful', 10);
      await push('agent', once, base);
      const changed = rate(once, DEMO_USERS.agent.id, 'not_helpful', 12);
      expect((await push('agent', changed, once)).body).toEqual([]);
      expect(countRatings((await stored(base.id))?.ratings as KbArticle['ratings'])).toEqual({ helpful: 0, notHelpful: 1 });
    });

    it('refuses a forged rater, an unknown value, a rating of an unknown article and counted views, changing nothing', async () => {
      const base = await published();
      const forged = await push('technician', rate(base, DEMO_USERS.agent.id, 'helpful', 10), base);
      expect(forged.status).toBe(403);
      expect((forged.body as unknown as ApiErrorBody).message).toMatch(/own rating/);

      const odd = { ...base, ratings: { [DEMO_USERS.technician.id]: { value: 'great', at: 1 } } };
      expect((await push('technician', odd, base)).status).toBe(422);

      const unknown = rate(makeArticle({ authorId: DEMO_USERS.agent.id }), DEMO_USERS.agent.id, 'helpful', 1);
      const refused = await push('agent', unknown);
      expect(refused.status).toBe(422);
      expect(await stored(unknown.id)).toBeUndefined();

      expect((await push('agent', { ...base, views: 1000 }, base)).status).toBe(403);
      const after = await stored(base.id);
      expect(after?.ratings).toBeUndefined();
      expect(after?.views).toBeUndefined();
    });

    it('lets article writers set a review date within three years, and no one else', async () => {
      const base = await published();
      const soon = { ...base, reviewBy: '2027-01-15' };
      expect((await push('technician', soon, base)).status).toBe(403);
      expect((await push('agent', { ...base, reviewBy: '2999-01-01' }, base)).status).toBe(422);
      expect((await stored(base.id))?.reviewBy).toBeUndefined();
      expect((await push('agent', soon, base)).status).toBe(200);
      // The writer becomes the article's author of record, as for any edit.
      expect(await stored(base.id)).toMatchObject({ reviewBy: '2027-01-15', authorId: DEMO_USERS.agent.id });
    });
    it('counts views on the server, once per person and day, and refuses an unknown article', async () => {
      const base = await published();
      const view = (who: string, id: string) =>
        env().api.request<{ views: number }>('POST', `/api/kb/articles/${id}/views`, { token: tokens[who] });
      expect((await view('agent', base.id)).body.views).toBe(1);
      expect((await view('agent', base.id)).body.views).toBe(1);
      expect((await view('technician', base.id)).body.views).toBe(2);
      expect((await stored(base.id))?.views).toBe(2);
      expect((await view('agent', 'kb-nowhere')).status).toBe(404);
      expect((await env().api.request('POST', `/api/kb/articles/${base.id}/views`)).status).toBe(401);
    });
  });
});
