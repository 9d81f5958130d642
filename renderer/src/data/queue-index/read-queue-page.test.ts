import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeskDatabase } from '../db.js';
import { makeTicket } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase } from '../types.js';
import { queueIndexFor } from './load-queue-index.js';
import { EMPTY_FILTER } from './queue-filter.js';
import { DEFAULT_SORT } from './queue-sort.js';
import { readQueuePage } from './read-queue-page.js';

const me = { id: 'u-me', groupIds: [] };

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
});
