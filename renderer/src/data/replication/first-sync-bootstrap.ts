import type { PullResponse, SyncCheckpoint } from '@shared';
import { getChangedDocumentsSince, stackCheckpoints } from 'rxdb';
import type { RxCollection, RxStorageDefaultCheckpoint, WithDeleted } from 'rxdb';
import type { PlainDoc } from '../types.js';
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

/** 'diverged': a pulled document is already stored locally with another state; the normal replication must handle it. */
type PageOutcome = 'stored' | 'diverged';

/**
 * Writes one pulled page the way RxDB's downstream would leave it (documents in the collection, their server state in
 * the meta instance), without the reads the downstream makes first: on a first sync nearly every document is new.
 * The collection first, then the meta rows: a reload in between leaves documents equal to the server's, which the
 * resumed bootstrap recognises and completes.
 */
async function storePage(collection: RxCollection, meta: ReplicationMeta, docs: Doc[]): Promise<PageOutcome> {
  const primaryKey = collection.schema.primaryPath;
  const rows = docs.map((doc) => ({ document: { ...doc, _attachments: {}, _meta: { lwt: 0 }, _rev: '' } }));
  const result = await collection.storageInstance.bulkWrite(rows as never, meta.downstreamContext);
  // Documents already stored locally: equal to the server's, they only miss their meta row; otherwise they diverged.
  const equal = new Set<string>();
  const failed = new Set<string>();
  for (const err of result.error) {
    if (err.status !== 409 || !err.documentInDb)
      throw new Error(`Could not store pulled document ${err.documentId} (status ${err.status}).`);
    const same = collection.conflictHandler.isEqual(
      err.documentInDb as never,
      err.writeRow.document as never,
      'first-sync-bootstrap',
    );
    (same ? equal : failed).add(err.documentId);
  }
  // The master states exactly as pulled: the upstream sends them back as `assumedMasterState`.
  await meta.writeMasterStates(
    docs.filter((d) => !failed.has(String(d[primaryKey]))),
    primaryKey,
  );
  const diverged = failed.size > 0;
  return diverged ? 'diverged' : 'stored';
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
          diverged = (await storePage(collection, meta, page.documents)) === 'diverged';
          if (input.isCancelled()) return {};
          // A diverged page is pulled again by the normal replication, which merges what differs.
          if (!diverged) seq = pageEnd;
          markerDoc = await meta.writeMarker({ seq, done: false }, markerDoc);
        }
        if (!full || diverged) break;
      }
      // Writes already given their timestamp finish before the decision below.
      await collection.database.requestIdlePromise();
      const marker: BootstrapMarker = { seq, done: true, ...(emptyAtStart && !otherWrites && up ? { up } : {}) };
      await meta.writeMarker(marker, markerDoc);
      return { down: { seq }, up: marker.up };
    } finally {
      watch.unsubscribe();
    }
  } finally {
    await meta.close();
  }
}
