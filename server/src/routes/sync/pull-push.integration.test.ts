import { PULL_LIMIT_MAX } from '@shared';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('pull and push', backend), () => {
    const env = useTestServers(backend);
    const token = async (who: keyof typeof DEMO_USERS = 'supervisor'): Promise<string> =>
      (await env().api.login(DEMO_USERS[who].email)).accessToken;

    it('pulls an empty collection: no documents, checkpoint as given', async () => {
      const { api } = env();
      const t = await token();
      const fromStart = await api.pull(t, 'kb_articles');
      expect(fromStart.status).toBe(200);
      expect(fromStart.body).toEqual({ documents: [], checkpoint: null });
      const fromCheckpoint = await api.pull(t, 'kb_articles', 12345);
      expect(fromCheckpoint.body).toEqual({ documents: [], checkpoint: { seq: 12345 } });
    });

    it('pulls the seeded directory with tombstone flags and increasing checkpoints', async () => {
      const { api } = env();
      const t = await token('agent');
      const page = await api.pull(t, 'directory', null, 10);
      expect(page.body.documents).toHaveLength(10);
      expect(page.body.documents.every((d) => d._deleted === false)).toBe(true);
      const next = await api.pull(t, 'directory', page.body.checkpoint!.seq, 10);
      expect(next.body.documents).toHaveLength(10);
      expect(next.body.checkpoint!.seq).toBeGreaterThan(page.body.checkpoint!.seq);
      const ids = new Set([...page.body.documents, ...next.body.documents].map((d) => d.id));
      expect(ids.size).toBe(20);
      const all = await api.pullAll(t, 'directory');
      expect(all.docs.get('usr-tech')).toMatchObject({ kind: 'user', role: 'technician', groupIds: ['grp-field'] });
      expect(all.docs.get('grp-security')).toMatchObject({ kind: 'group', nameFr: 'Sécurité des TI' });
    });

    it('accepts a push and serves it from the next pull, after the previous checkpoint only', async () => {
      const { api } = env();
      const t = await token();
      const before = await api.pullAll(t, 'kb_articles');
      const article = makeArticle();
      const pushed = await api.push(t, 'kb_articles', [{ newDocumentState: article }]);
      expect(pushed.status).toBe(200);
      expect(pushed.body).toEqual([]);
      const after = await api.pull(t, 'kb_articles', before.checkpoint);
      expect(after.body.documents).toEqual([article]);
      expect(after.body.checkpoint!.seq).toBeGreaterThan(before.checkpoint ?? 0);
      const nothingNew = await api.pull(t, 'kb_articles', after.body.checkpoint!.seq);
      expect(nothingNew.body).toEqual({ documents: [], checkpoint: after.body.checkpoint });
    });

    it('writes an update whose assumed master matches, regardless of key order', async () => {
      const { api } = env();
      const t = await token();
      const article = makeArticle();
      await api.push(t, 'kb_articles', [{ newDocumentState: article }]);
      const reordered = Object.fromEntries(Object.entries(article).reverse()) as typeof article;
      const updated = { ...article, version: 2, title: { fr: 'Nouveau titre', en: 'New title' } };
      const response = await api.push(t, 'kb_articles', [{ assumedMasterState: reordered, newDocumentState: updated }]);
      expect(response.body).toEqual([]);
      const all = await api.pullAll(t, 'kb_articles');
      expect(all.docs.get(article.id)).toEqual(updated);
    });

    it('returns the master as a conflict for a stale assumed state and changes nothing', async () => {
      const { api } = env();
      const t = await token();
      const article = makeArticle();
      await api.push(t, 'kb_articles', [{ newDocumentState: article }]);
      const serverVersion = { ...article, version: 2 };
      await api.push(t, 'kb_articles', [{ assumedMasterState: article, newDocumentState: serverVersion }]);
      const { checkpoint } = await api.pullAll(t, 'kb_articles');
      const stale = await api.push(t, 'kb_articles', [
        { assumedMasterState: article, newDocumentState: { ...article, tags: ['stale'] } },
      ]);
      expect(stale.status).toBe(200);
      expect(stale.body).toEqual([serverVersion]);
      const missingAssumption = await api.push(t, 'kb_articles', [{ newDocumentState: { ...article, tags: ['blind'] } }]);
      expect(missingAssumption.body).toEqual([serverVersion]);
      const after = await api.pull(t, 'kb_articles', checkpoint);
      expect(after.body.documents).toEqual([]);
      expect((await api.pullAll(t, 'kb_articles')).docs.get(article.id)).toEqual(serverVersion);
    });

    it('treats a retried push as a no-op: no conflict, no new sequence number', async () => {
      const { api } = env();
      const t = await token();
      const article = makeArticle();
      const rows = [{ newDocumentState: article }];
      expect((await api.push(t, 'kb_articles', rows)).body).toEqual([]);
      const { checkpoint } = await api.pullAll(t, 'kb_articles');
      expect((await api.push(t, 'kb_articles', rows)).body).toEqual([]);
      const edited = { ...article, version: 3 };
      const update = [{ assumedMasterState: article, newDocumentState: edited }];
      expect((await api.push(t, 'kb_articles', update)).body).toEqual([]);
      // The same update again: its assumed state is now stale, but the master already equals the new state.
      expect((await api.push(t, 'kb_articles', update)).body).toEqual([]);
      const after = await api.pull(t, 'kb_articles', checkpoint);
      expect(after.body.documents).toEqual([edited]);
    });

    it('keeps deletions as tombstones that pull as _deleted: true', async () => {
      const { api, server } = env();
      const t = await token();
      const article = makeArticle();
      await api.push(t, 'kb_articles', [{ newDocumentState: article }]);
      const { checkpoint } = await api.pullAll(t, 'kb_articles');
      const deleted = { ...article, _deleted: true };
      expect((await api.push(t, 'kb_articles', [{ assumedMasterState: article, newDocumentState: deleted }])).body).toEqual([]);
      const after = await api.pull(t, 'kb_articles', checkpoint);
      expect(after.body.documents).toEqual([deleted]);
      const rows = await server.db.query<{ deleted: boolean }>(
        `SELECT deleted FROM sync_documents WHERE collection = 'kb_articles' AND id = $1`,
        [article.id],
      );
      expect(rows).toEqual([{ deleted: true }]);
    });

    it('pushes a valid ticket as an agent and reads it back', async () => {
      const { api } = env();
      const t = await token('agent');
      const [ticket] = await api.create(t, 'tickets', [makeTicket({ groupId: 'grp-service-desk', status: 'new' })]);
      expect(ticket.number).toMatch(/^INC\d{7}$/);
      const resolved = {
        ...ticket,
        status: 'resolved' as const,
        resolutionCode: 'fixed' as const,
        resolutionNotes: 'Replaced the toner.',
      };
      expect((await api.push(t, 'tickets', [{ assumedMasterState: ticket, newDocumentState: resolved }])).status).toBe(200);
      expect((await api.pullAll(t, 'tickets')).docs.get(ticket.id)).toEqual(resolved);
    });

    it('applies a batch with writes and conflicts in one go', async () => {
      const { api } = env();
      const t = await token();
      const a = makeArticle();
      const b = makeArticle();
      await api.push(t, 'kb_articles', [{ newDocumentState: a }]);
      const response = await api.push(t, 'kb_articles', [
        { assumedMasterState: { ...a, version: 9 }, newDocumentState: { ...a, version: 10 } },
        { newDocumentState: b },
      ]);
      expect(response.body).toEqual([a]);
      const all = await api.pullAll(t, 'kb_articles');
      expect(all.docs.get(b.id)).toEqual(b);
      expect(all.docs.get(a.id)).toEqual(a);
    });

    it('refuses a pull limit above the maximum and a bad checkpoint with 400', async () => {
      const { api } = env();
      const t = await token();
      const tooMany = await api.request('GET', `/api/sync/tickets/pull?limit=${PULL_LIMIT_MAX + 1}`, { token: t });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body).toMatchObject({ details: [{ field: 'limit' }] });
      const badCheckpoint = await api.request('GET', '/api/sync/tickets/pull?checkpoint=-4', { token: t });
      expect(badCheckpoint.status).toBe(400);
      expect(badCheckpoint.body).toMatchObject({ details: [{ field: 'checkpoint' }] });
    });
  });
});
