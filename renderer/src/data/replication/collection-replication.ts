import { COLLECTION_DEFINITIONS, SYNC_PROTOCOL_VERSION } from '@shared';
import type { PullResponse, PushResponse, ReplicatedCollection, SyncCheckpoint } from '@shared';
import type { Observable } from 'rxjs';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { pickSchemaFields } from '../doc-utils.js';
import type { PlainDoc } from '../types.js';
import type { ConnectivitySource } from './connectivity.js';
import { NetworkError, requestJson } from './http.js';
import type { RequestContext } from './http.js';
import type { PendingTracker } from './pending-tracker.js';

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
        const conflicts = await guarded(
          input,
          () => requestJson<PushResponse<PlainDoc>>(ctx, `${base}/push`, { method: 'POST', body: JSON.stringify(rows) }),
          () => 0,
        );
        const list = Array.isArray(conflicts) ? conflicts : [];
        input.tracker.onPushDone(rows, list);
        return list.map((d) => ({ ...d, _deleted: d._deleted === true }));
      },
    },
  });
}
