import type { Ticket } from '@shared';
import type { RxChangeEventBulk, RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { QueueIndex } from './queue-index.js';
import { readQueuePage } from './read-queue-page.js';
import type { QueueChange } from './queue-index.js';

/** The newest tickets come first and small, so the first screen of the queue shows before the rest is read. */
const FIRST_PAGE = 500;
const PAGE = 10_000;

const indexes = new WeakMap<RxCollection<Ticket>, QueueIndex>();

/**
 * The tickets collection's queue index: created on first use, filled from storage newest first in pages (each page
 * is an index-served range read on queueKey), and kept current from the collection's change stream, which it
 * follows from before the first read so no write is missed. Stops following when the collection closes.
 */
export function queueIndexFor(collection: RxCollection<Ticket>): QueueIndex {
  let index = indexes.get(collection);
  if (!index) {
    const created = new QueueIndex();
    index = created;
    indexes.set(collection, created);
    // eventBulks$ is typed RxChangeEventBulk<any>: the events are this collection's tickets.
    const bulks$ = collection.eventBulks$ as Observable<RxChangeEventBulk<Ticket>>;
    const sub = bulks$.subscribe((bulk) => {
      created.apply(
        bulk.events.map((e): QueueChange =>
          e.operation === 'DELETE' ? { deletedId: e.documentId, rev: e.documentData._rev } : { doc: e.documentData },
        ),
      );
    });
    collection.onClose.push(() => sub.unsubscribe());
    void loadAll(collection, created).catch((err: unknown) => {
      // A closed database ends the load; anything else would leave the queue partial, so say so.
      if (!collection.closed) console.error('Queue index load failed', err);
    });
  }
  return index;
}

async function loadAll(collection: RxCollection<Ticket>, index: QueueIndex): Promise<void> {
  performance.mark('desk:queue-load');
  let from = -1;
  let limit = FIRST_PAGE;
  for (;;) {
    if (collection.closed) return;
    const documents = await readQueuePage(collection, from, limit);
    // Rows at the boundary key are read twice (equal revisions are skipped): ties on queueKey are never lost.
    index.apply(documents.map((doc) => ({ doc })));
    if (from < 0) performance.mark('desk:queue-first-page');
    if (documents.length < limit) break;
    const last = documents[documents.length - 1].queueKey;
    // A whole page on one key cannot advance the range: read a wider page from the same key.
    limit = last === from ? limit * 2 : PAGE;
    from = last;
  }
  index.markLoaded();
}
