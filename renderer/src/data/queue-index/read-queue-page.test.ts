import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeskDatabase } from '../db.js';
import { queueKeyFor } from '@shared';
import { makeTicket } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase } from '../types.js';
import { queueIndexFor } from './load-queue-index.js';
import { EMPTY_FILTER } from './queue-filter.js';
import { DEFAULT_SORT } from './queue-sort.js';
import { readQueuePage } from './read-queue-page.js';

const me = { id: 'u-me', groupIds: [] };

const afterPageRead = vi.hoisted(() => ({ hook: undefined as undefined | (() => Promise<void>) }));
vi.mock('./read-queue-page.js', async (importOriginal) => {
  const actual = await importOriginal<{ readQueuePage: typeof readQueuePage }>();
  return {
    readQueuePage: async (...args: Parameters<typeof actual.readQueuePage>) => {
      const page = await actual.readQueuePage(...args);
      // The writes come from outside the read's call chain, as a person's clicks do.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await afterPageRead.hook?.();
      return page;
    },
  };
});

// The production storage (Dexie on IndexedDB, here fake-indexeddb), without dev mode's validating wrapper: the
// path the console takes in a browser. Its own file: dev mode, once loaded in a file, refuses unvalidated storage.
describe('queue pages read from IndexedDB', () => {
  let db: DeskDatabase;
  afterEach(async () => {
    await db.close();
  });

  it('reads in one request per page, with the rows and order of a storage query, deleted tickets left out', async () => {
    db = await createDeskDatabase({
      name: `idb-${Date.now()}`,
      storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
      devMode: false,
      multiInstance: false,
    });
    await db.tickets.bulkInsert(
      Array.from({ length: 1300 }, (_, i) =>
        makeTicket({ id: `t-${i}`, number: `N${i}`, updatedAt: i < 700 ? 5_000 : 5_000 + i }),
      ),
    );
    await db.tickets.findOne('t-1299').remove();
    const storageQuery = vi.spyOn(db.tickets.storageInstance, 'query');
    const index = queueIndexFor(db.tickets);
    await waitFor(() => index.loaded, 10_000, 'the index load');
    expect(storageQuery).not.toHaveBeenCalled();
    expect(index.size).toBe(1299);
    expect(index.query({ queue: 'all', me, filter: EMPTY_FILTER, sort: DEFAULT_SORT }).at(0).id).toBe('t-1298');

    const page = await readQueuePage(db.tickets, -1, 800);
    const queried = await db.tickets.find({ sort: [{ queueKey: 'asc' }], limit: 800 }).exec();
    expect(page.map((t) => t.id)).toEqual(queried.map((d) => d.id));
    expect(page[0]).toMatchObject(queried[0].toJSON());
  });

  it('keeps every write made between a page read and its use: the index ends equal to storage', async () => {
    db = await createDeskDatabase({
      name: `idb-race-${Date.now()}`,
      storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
      devMode: false,
      multiInstance: false,
    });
    const count = 12_000;
    await db.tickets.bulkInsert(Array.from({ length: count }, (_, i) => makeTicket({ id: `t-${i}`, number: `N${i}` })));
    // After each page is read and before the index takes it: assign, move to the front of the queue, or delete
    // tickets all over the queue, some on the page just read (which then holds their older state).
    let round = 0;
    afterPageRead.hook = async () => {
      round += 1;
      const ids = Array.from({ length: 30 }, (_, k) => `t-${(round * 97 + k * 401) % count}`);
      const docs = await db.tickets.findByIds(ids).exec();
      await Promise.all(
        [...docs.values()].map((doc, k) =>
          (round + k) % 7 === 0
            ? doc.remove()
            : doc.incrementalPatch({
                assigneeId: `u-${round}`,
                updatedAt: 10_000 + round,
                queueKey: queueKeyFor(10_000 + round),
              }),
        ),
      );
    };
    const index = queueIndexFor(db.tickets);
    await waitFor(() => index.loaded, 20_000, 'the index load');
    afterPageRead.hook = undefined;
    expect(round).toBeGreaterThan(2);
    // By id (one bulk get): a full query walks fake-indexeddb's cursor far too slowly for 12,000 documents.
    const stored = [...(await db.tickets.findByIds(Array.from({ length: count }, (_, i) => `t-${i}`)).exec()).values()];
    expect(index.size).toBe(stored.length);
    for (const doc of stored) expect(index.get(doc.id), doc.id).toEqual(doc.toJSON());
  });
});
