import type { PullResponse, SyncCheckpoint } from '@shared';
import { getChangedDocumentsSince, now, stackCheckpoints } from 'rxdb';
import type { RxCollection, RxStorageDefaultCheckpoint, WithDeleted } from 'rxdb';
import type { PlainDoc } from '../types.js';
import { originalStorageInstance } from '../rxdb-internals.js';
import { FIRST_SYNC_REV } from './first-sync-master-states.js';
import { ReplicationMeta } from './replication-meta.js';
import type { BootstrapMarker } from './replication-meta.js';

type Doc = WithDeleted<PlainDoc>;

/** Where the normal replication starts after a bootstrap (passed as RxDB's `initialCheckpoint`s). */
export interface FirstSyncCheckpoints {
  down?: SyncCheckpoint;
  up?: RxStorageDefaultCheckpoint;
}

export interface FirstSyncBootstrapInput {
  collection: RxCollection;
  replicationIdentifier: string;
  batchSize: number;
  /** One pull request, retried until it succeeds; null once the replication is cancelled. Documents already normalised. */
  pull: (seq: number, limit: number) => Promise<PullResponse<Doc> | null>;
  isCancelled: () => boolean;
}

/**
 * Writes one pulled page into the collection as RxDB's downstream would (same write context), without the reads the
 * downstream makes first: on a first sync nearly every document is new. Each is stored with FIRST_SYNC_REV, which
 * makes it its own meta row (first-sync-master-states.ts). Returns the documents whose server state must still be
 * written to the meta instance: those already stored, with the same state but another revision (left by a bootstrap
 * interrupted before this scheme, or written locally). `diverged` when a document is stored locally with another state.
 */
async function storeDocuments(
  collection: RxCollection,
  context: string,
  docs: Doc[],
): Promise<{ settled: Doc[]; diverged: boolean }> {
  const lwt = now();
  const rows = docs.map((doc) => ({ document: { ...doc, _attachments: {}, _meta: { lwt }, _rev: FIRST_SYNC_REV } }));
  // Below RxDB's wrapper, which would give the documents its own revision; under the database's write lock as it does.
  const instance = originalStorageInstance<PlainDoc>(collection);
  const result = await collection.database.lockedRun(() => instance.bulkWrite(rows as never, context));
  const settled: Doc[] = [];
  let diverged = false;
  const byId = new Map(docs.map((d) => [String(d[collection.schema.primaryPath]), d]));
  for (const err of result.error) {
    if (err.status !== 409 || !err.documentInDb)
      throw new Error(`Could not store pulled document ${err.documentId} (status ${err.status}).`);
    const same = collection.conflictHandler.isEqual(err.documentInDb, err.writeRow.document, 'first-sync-bootstrap');
    if (!same) diverged = true;
    // The master state exactly as pulled: the upstream sends it back as `assumedMasterState`.
    else if (err.documentInDb._rev !== FIRST_SYNC_REV) settled.push(byId.get(err.documentId) as Doc);
  }
  return { settled, diverged };
}

/**
 * First sync of a collection that never synced: pulls pages with the replication's own pull endpoint and writes them
 * straight into the collection and RxDB's replication meta instance, fetching the next page while the current one is
 * written. Returns the checkpoints from which `replicateRxCollection` continues, so nothing is pulled or written twice
 * and nothing pulled is pushed back. Returns {} when the collection synced before or the bootstrap was cancelled
 * (its progress is kept: the next start resumes it).
 */
export async function bootstrapFirstSync(input: FirstSyncBootstrapInput): Promise<FirstSyncCheckpoints> {
  const { collection } = input;
  const meta = await ReplicationMeta.open(collection, input.replicationIdentifier);
  try {
    if (await meta.hasDownstreamCheckpoint()) return {};
    const saved = await meta.readMarker();
    if (saved?.marker.done) return { down: { seq: saved.marker.seq }, up: saved.marker.up };
    let markerDoc = saved?.doc;
    let seq = saved?.marker.seq ?? 0;

    // The upstream may skip the bootstrap's documents only if nothing else was ever written to the collection: local
    // documents written before or during the bootstrap sort among them and must still be pushed.
    const emptyAtStart = !saved && (await getChangedDocumentsSince(collection.storageInstance, 1)).documents.length === 0;
    let otherWrites = false;
    let up: RxStorageDefaultCheckpoint | undefined;
    const watch = collection.storageInstance.changeStream().subscribe((bulk) => {
      if (bulk.context === meta.downstreamContext) up = stackCheckpoints([up, bulk.checkpoint as RxStorageDefaultCheckpoint]);
      else otherWrites = true;
    });
    // The collection first, then the meta rows, then the progress: a reload in between leaves documents equal to the
    // server's, which the resumed bootstrap recognises. One page's meta rows are written while the next page's
    // documents are, and the next page is fetched meanwhile.
    let metaQueue: Promise<void> = Promise.resolve();
    try {
      let next = input.pull(seq, input.batchSize);
      let diverged = false;
      for (;;) {
        const page = await next;
        if (!page || input.isCancelled()) return {};
        const full = page.documents.length >= input.batchSize;
        const pageEnd = page.checkpoint?.seq ?? seq;
        if (full) next = input.pull(pageEnd, input.batchSize);
        if (page.documents.length > 0) {
          const stored = await storeDocuments(collection, meta.downstreamContext, page.documents);
          diverged = stored.diverged;
          // A diverged page is pulled again by the normal replication, which merges what differs.
          if (!diverged) seq = pageEnd;
          const progress: BootstrapMarker = { seq, done: false };
          const previous = metaQueue;
          metaQueue = previous.then(async () => {
            if (stored.settled.length > 0) await meta.writeMasterStates(stored.settled, collection.schema.primaryPath);
            markerDoc = await meta.writeMarker(progress, markerDoc);
          });
          await previous;
          if (input.isCancelled()) return {};
        }
        if (!full || diverged) break;
      }
      await metaQueue;
      // Writes already given their timestamp finish before the decision below.
      await collection.database.requestIdlePromise();
      const marker: BootstrapMarker = { seq, done: true, ...(emptyAtStart && !otherWrites && up ? { up } : {}) };
      await meta.writeMarker(marker, markerDoc);
      return { down: { seq }, up: marker.up };
    } finally {
      watch.unsubscribe();
      // Settled before the meta instance closes; a failure here was already thrown by the loop or is moot once cancelled.
      await metaQueue.catch(() => undefined);
    }
  } finally {
    await meta.close();
  }
}
