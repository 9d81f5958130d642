import { articleVersionId, countRatings, withRating, type KbArticle, type KbArticleVersion } from '@shared';
import { buildArticle } from '@shared/testing/build-records.js';
import { rateArticle } from '../commands/kb-feedback.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArticleDraft, publishArticle } from '../commands/kb-articles.js';
import { updateTicket } from '../commands/tickets.js';
import { FakeSyncServer } from '../testing/fake-sync-server.js';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase, PlainDoc } from '../types.js';
import { manualConnectivity, replicationIdentifier, startReplication } from './index.js';
import type { SyncController } from './index.js';

const actor = { id: 'u-agent' };
const author = { id: 'u-agent', role: 'agent' as const };

/** The version record the server writes for a published article. */
const versionOf = (a: KbArticle): KbArticleVersion => ({
  id: articleVersionId(a.id, a.version),
  articleId: a.id,
  number: a.number,
  version: a.version,
  title: a.title,
  body: a.body,
  categoryId: a.categoryId,
  tags: a.tags,
  publishedBy: a.authorId,
  publishedAt: a.updatedAt,
});

describe('replication against an in-process sync server', () => {
  let db: DeskDatabase;
  let server: FakeSyncServer;
  let sync: SyncController | undefined;
  const net = manualConnectivity(true);

  const start = (extra: Partial<Parameters<typeof startReplication>[1]> = {}) =>
    (sync = startReplication(db, {
      serverUrl: 'http://sync.test',
      getAccessToken: () => 'token',
      fetchImpl: server.fetch,
      connectivity: net,
      retryTime: 50,
      pullBatchSize: 1000,
      waitForLeadership: false,
      ...extra,
    }));

  beforeEach(async () => {
    db = await memoryDb();
    server = new FakeSyncServer();
    net.set(true);
  });
  afterEach(async () => {
    await sync?.cancel();
    sync = undefined;
    await db.close();
  });

  it('versions the replication identifier with server, document shape and protocol', () => {
    // Tickets schema v3 changed indexes only: devices keep the replication of v2.
    expect(replicationIdentifier('http://x', 'tickets')).toBe('servicedesk|http://x|tickets|schema-v2|protocol-v1');
    expect(replicationIdentifier('http://y', 'kb_articles')).toBe('servicedesk|http://y|kb_articles|schema-v0|protocol-v1');
  });

  it('pulls everything on the first sync, in batches, and reports progress', async () => {
    for (let i = 0; i < 2500; i++)
      server.put('tickets', { ...makeTicket({ id: `t-${i}`, number: `INC${i}`, updatedAt: 1_700_000_000_000 + i }) });
    const s = start();
    expect(s.getStatus().initialSync.running).toBe(true);
    await s.awaitInitialPull();
    expect(await db.tickets.count().exec()).toBe(2500);
    const status = s.getStatus();
    expect(status.initialSync).toEqual({ running: false, pulledDocs: 2500 });
    expect(status.lastSyncAt).not.toBeNull();
    expect(status.error).toBeNull();
    expect(server.requests.filter((r) => r === 'GET /api/sync/tickets/pull').length).toBeGreaterThanOrEqual(3);
  });

  it('pushes local edits, counts them while pending, and receives live changes', async () => {
    server.put('tickets', { ...makeTicket() });
    const s = start();
    await s.awaitInitialPull();
    net.set(false);
    expect(server.openStreams).toBe(0);
    expect(await updateTicket(db, 't-1', { title: 'Edited offline' }, actor)).toEqual([]);
    // The ticket and the history entry of its new title.
    await waitFor(() => s.getStatus().pendingPush === 2, 2000, 'pending count');
    expect(s.isPending('tickets', 't-1')).toBe(true);
    expect(s.getStatus().online).toBe(false);
    net.set(true);
    await waitFor(() => server.get('tickets', 't-1')?.title === 'Edited offline', 5000, 'push');
    await waitFor(() => s.getStatus().pendingPush === 0, 2000, 'pending cleared');
    await waitFor(() => server.openStreams === 2, 2000, 'streams reopened');
    server.put('tickets', { ...server.get('tickets', 't-1')!, description: 'Changed by someone else' });
    await waitFor(
      async () => (await db.tickets.findOne('t-1').exec())?.description === 'Changed by someone else',
      3000,
      'live change',
    );
  });

  it('merges a two-sided edit: different fields survive, the same field keeps the server value and is recorded', async () => {
    server.put('tickets', { ...makeTicket() });
    const s = start();
    await s.awaitInitialPull();
    net.set(false);
    await updateTicket(db, 't-1', { title: 'Local title', description: 'Local description' }, actor);
    const master = server.get('tickets', 't-1')!;
    server.put('tickets', { ...master, title: 'Server title', urgency: 1, priority: 2, updatedAt: Number(master.updatedAt) + 5 });
    net.set(true);
    await waitFor(() => server.get('tickets', 't-1')?.description === 'Local description', 5000, 'merged push');
    const onServer = server.get('tickets', 't-1')!;
    expect(onServer.title).toBe('Server title');
    expect(onServer.urgency).toBe(1);
    const conflicts = await db.conflicts.find().exec();
    expect(conflicts.map((c) => [c.field, JSON.parse(c.localValue) as unknown, JSON.parse(c.remoteValue) as unknown])).toEqual([
      ['title', 'Local title', 'Server title'],
    ]);
    await waitFor(() => s.getStatus().pendingPush === 0, 2000, 'pending cleared');
  });

  it("merges an edit made before its create's confirmation was recorded without clashing with the device's own create", async () => {
    // As the real server does: a create is stored with its confirmed number and answered with that version. The user
    // edits the ticket before the answer is handled, so RxDB cannot record it (its write of the resolution fails).
    let answered = false;
    const fetchImpl: typeof fetch = async (input, init) => {
      const rows =
        typeof init?.body === 'string'
          ? (JSON.parse(init.body) as { assumedMasterState?: unknown; newDocumentState: PlainDoc }[])
          : [];
      const create = rows.find((r) => !r.assumedMasterState && !server.get('tickets', String(r.newDocumentState.id)));
      const response = await server.fetch(input, init);
      if (!create || answered) return response;
      answered = true;
      const confirmed = { ...create.newDocumentState, number: 'INC0004242' };
      server.put('tickets', confirmed);
      expect(await updateTicket(db, 't-new', { title: 'Edited at once', urgency: 1 }, actor)).toEqual([]);
      return new Response(JSON.stringify([confirmed]), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const s = start({ fetchImpl, streamCollections: [] });
    await s.awaitInitialPull();
    await db.tickets.insert(makeTicket({ id: 't-new', number: 'PROV-1', title: 'Created' }));
    await waitFor(() => server.get('tickets', 't-new')?.title === 'Edited at once', 5000, 'merged push');
    expect(server.get('tickets', 't-new')).toMatchObject({ number: 'INC0004242', urgency: 1 });
    await waitFor(() => s.getStatus().pendingPush === 0, 2000, 'pending cleared');
    expect(await db.conflicts.count().exec()).toBe(0);
    expect((await db.tickets.findOne('t-new').exec())?.number).toBe('INC0004242');
  });

  it('reports an unreachable server as an error and recovers', async () => {
    server.reachable = false;
    const s = start();
    await waitFor(() => s.getStatus().error !== null, 2000, 'error');
    expect(s.getStatus().online).toBe(false);
    server.reachable = true;
    await s.awaitInitialPull();
    await waitFor(() => s.getStatus().error === null && s.getStatus().online, 3000, 'recovery');
  });

  it('pulls what the server writes on accepting a push at once, without a live stream of that collection', async () => {
    // As the real server does in the push's transaction: publishing an article records its version.
    const fetchImpl: typeof fetch = async (input, init) => {
      const response = await server.fetch(input, init);
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname === '/api/sync/kb_articles/push' && typeof init?.body === 'string') {
        for (const row of JSON.parse(init.body) as { newDocumentState: KbArticle }[]) {
          const a = row.newDocumentState;
          if (a.status === 'published') server.put('kb_article_versions', { ...versionOf(a) });
        }
      }
      return response;
    };
    const s = start({
      fetchImpl,
      collections: ['kb_articles', 'kb_article_versions'],
      streamCollections: [],
      pollIntervalMs: 600_000,
    });
    await s.awaitInitialPull();
    const { article } = await createArticleDraft(db, { title: { en: 'VPN', fr: 'RPV' }, body: { en: 'a', fr: 'b' } }, author);
    expect(await publishArticle(db, article!.id, author)).toEqual([]);
    await waitFor(
      async () => (await db.kb_article_versions.findOne(articleVersionId(article!.id, 1)).exec()) !== null,
      3000,
      'the version record',
    );
  });

  it('two people rate one article offline: after this device syncs second, both count on the server and here', async () => {
    const article = buildArticle({ id: 'kb-rated', status: 'published' }) as unknown as KbArticle;
    server.put('kb_articles', { ...article });
    // One desk database per process (RxDB's collection limit), so the other person's device is its accepted push.
    const s = start({ collections: ['kb_articles'], streamCollections: [], pollIntervalMs: 600_000 });
    await s.awaitInitialPull();
    net.set(false);
    expect(await rateArticle(db, article.id, 'helpful', { id: 'usr-ana', role: 'agent' })).toEqual([]);
    server.put('kb_articles', { ...article, ratings: withRating(undefined, 'usr-bob', 'not_helpful', Date.now()) });
    net.set(true);
    await waitFor(
      () => countRatings((server.get('kb_articles', article.id) as KbArticle | undefined)?.ratings).helpful === 1,
      5000,
      'the merged push',
    );
    await waitFor(() => s.getStatus().pendingPush === 0, 5000, 'pending cleared');
    expect(countRatings((server.get('kb_articles', article.id) as unknown as KbArticle).ratings)).toEqual({
      helpful: 1,
      notHelpful: 1,
    });
    const here = (await db.kb_articles.findOne(article.id).exec())?.toJSON() as KbArticle;
    expect(countRatings(here.ratings)).toEqual({ helpful: 1, notHelpful: 1 });
    expect(await db.conflicts.count().exec()).toBe(0);
  });
});
