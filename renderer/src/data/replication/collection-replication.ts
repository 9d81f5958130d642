import { COLLECTION_DEFINITIONS, SYNC_PROTOCOL_VERSION } from '@shared';
import type { PullResponse, PushResponse, ReplicatedCollection, SyncCheckpoint } from '@shared';
import type { Observable } from 'rxjs';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { pickSchemaFields } from '../doc-utils.js';
import type { DeskDatabase, PlainDoc } from '../types.js';
import type { ConnectivitySource } from './connectivity.js';
import { NetworkError, requestJson } from './http.js';
import type { RequestContext } from './http.js';
import type { PendingTracker } from './pending-tracker.js';
import {
  isPermanentRefusal,
  markRefused,
  onlyRetryable,
  refusalRecords,
  refusedIds,
  stateAfterRefusal,
} from './push-refusals.js';

type PushRow = RxReplicationWriteToMasterRow<PlainDoc>;

export type DeskReplicationState = RxReplicationState<PlainDoc, SyncCheckpoint>;

/** `servicedesk|<serverUrl>|<collection>|schema-v<n>|protocol-v<n>`: a new server, schema or wire format starts over. */
export function replicationIdentifier(serverUrl: string, collection: ReplicatedCollection): string {
  const version = COLLECTION_DEFINITIONS[collection].schema.version;
  return `servicedesk|${serverUrl}|${collection}|schema-v${version}|protocol-v${SYNC_PROTOCOL_VERSION}`;
}

export interface CollectionReplicationInput {
  name: ReplicatedCollection;
  collection: RxCollection;
  ctx: RequestContext;
  connectivity: ConnectivitySource;
  tracker: PendingTracker;
  stream$: Observable<RxReplicationPullStreamItem<PlainDoc, SyncCheckpoint>>;
  pullBatchSize: number;
  pushBatchSize: number;
  live: boolean;
  retryTime: number;
  waitForLeadership: boolean;
  onSuccess: (pulled: number) => void;
  onFailure: (err: unknown) => void;
}

/** Runs one request, reporting the outcome to the status line. Offline, it fails fast without touching the network. */
async function guarded<T>(input: CollectionReplicationInput, run: () => Promise<T>, count: (r: T) => number): Promise<T> {
  try {
    if (!input.connectivity.isOnline()) throw new NetworkError('The device is offline.');
    const result = await run();
    input.onSuccess(count(result));
    return result;
  } catch (err) {
    input.onFailure(err);
    throw err;
  }
}

/**
 * Pushes rows; rows the server refuses for good are set aside (see push-refusals.ts) and answered with the state
 * the device must go back to, and the others are pushed again. A refusal naming no row is narrowed down row by row.
 */
async function pushSettingAsideRefusals(input: CollectionReplicationInput, rows: PushRow[]): Promise<PlainDoc[]> {
  const path = `/api/sync/${encodeURIComponent(input.name)}/push`;
  try {
    const conflicts = await guarded(
      input,
      () => requestJson<PushResponse<PlainDoc>>(input.ctx, path, { method: 'POST', body: JSON.stringify(rows) }),
      () => 0,
    );
    return Array.isArray(conflicts) ? conflicts : [];
  } catch (err) {
    if (!isPermanentRefusal(err) || onlyRetryable(err)) throw err;
    const named = refusedIds(err, rows);
    if (named.size === 0 && rows.length > 1) {
      const results: PlainDoc[] = [];
      for (const row of rows) results.push(...(await pushSettingAsideRefusals(input, [row])));
      return results;
    }
    const refused = named.size === 0 ? rows : rows.filter((r) => named.has(String(r.newDocumentState.id)));
    const db = input.collection.database as unknown as DeskDatabase;
    for (const row of refused) {
      await db.conflicts.bulkUpsert(refusalRecords(input.name, row, err.message, Date.now()));
      markRefused(db, input.name, String(row.newDocumentState.id));
    }
    const rest = rows.filter((r) => !refused.includes(r));
    const restConflicts = rest.length > 0 ? await pushSettingAsideRefusals(input, rest) : [];
    return [...refused.map(stateAfterRefusal), ...restConflicts];
  }
}

/** The RxDB replication of one collection over the sync protocol. */
export function replicateCollection(input: CollectionReplicationInput): DeskReplicationState {
  const { name, ctx } = input;
  const fields = Object.keys(COLLECTION_DEFINITIONS[name].schema.properties);
  const base = `/api/sync/${encodeURIComponent(name)}`;
  return replicateRxCollection<PlainDoc, SyncCheckpoint>({
    replicationIdentifier: replicationIdentifier(ctx.serverUrl, name),
    collection: input.collection as RxCollection<PlainDoc>,
    live: input.live,
    retryTime: input.retryTime,
    waitForLeadership: input.waitForLeadership,
    autoStart: true,
    pull: {
      batchSize: input.pullBatchSize,
      stream$: input.stream$,
      // Extra fields a newer server might send must not fail schema validation.
      modifier: (doc: PlainDoc) => pickSchemaFields(doc, fields) as PlainDoc & { _deleted: boolean },
      handler: async (checkpoint, batchSize) => {
        const seq = checkpoint?.seq ?? 0;
        const res = await guarded(
          input,
          () => requestJson<PullResponse<PlainDoc>>(ctx, `${base}/pull?checkpoint=${seq}&limit=${batchSize}`),
          (r) => r.documents.length,
        );
        return {
          documents: res.documents.map((d) => ({ ...d, _deleted: d._deleted === true })),
          checkpoint: res.checkpoint ?? checkpoint,
        };
      },
    },
    push: {
      batchSize: input.pushBatchSize,
      handler: async (rows) => {
        input.tracker.onPushStart(rows);
        const list = await pushSettingAsideRefusals(input, rows);
        input.tracker.onPushDone(rows, list);
        return list.map((d) => ({ ...d, _deleted: d._deleted === true }));
      },
    },
  });
}
