/**
 * The HTTP replication protocol between RxDB clients and the sync server.
 * GET  /api/sync/:collection/pull?checkpoint=<seq>&limit=<n> -> PullResponse
 * POST /api/sync/:collection/push  body PushRow[]             -> PushResponse (conflicting master states)
 * GET  /api/sync/:collection/stream (SSE)                     -> `data: RESYNC` whenever the collection changes
 */

/** Bumped when the wire format changes; part of every client's replication identifier. */
export const SYNC_PROTOCOL_VERSION = 1;

export const REPLICATED_COLLECTIONS = [
  'tickets',
  'ticket_events',
  'kb_articles',
  'kb_article_versions',
  'surveys',
  'survey_responses',
  'directory',
  'settings',
  'config_items',
  'ci_history',
] as const;
export type ReplicatedCollection = (typeof REPLICATED_COLLECTIONS)[number];

/** How often the server writes a heartbeat on an open change stream; a client that hears nothing for two of these reconnects. */
export const STREAM_HEARTBEAT_MS = 15_000;

/**
 * The collections the server writes itself, in the same transaction, when it accepts a push to a collection: a
 * published article's version record; the follow-up request a low survey score opens. A client pulls them right
 * after such a push instead of waiting for their live stream or next periodic pull.
 */
export const WRITTEN_BY_SERVER_ON_PUSH: Partial<Record<ReplicatedCollection, readonly ReplicatedCollection[]>> = {
  kb_articles: ['kb_article_versions'],
  survey_responses: ['tickets'],
  config_items: ['ci_history'],
};

/** True for names of collections the server replicates. */
export function isReplicatedCollection(name: string): name is ReplicatedCollection {
  return (REPLICATED_COLLECTIONS as readonly string[]).includes(name);
}

/** A document as it travels: its fields plus the tombstone flag. */
export type WithDeleted<T> = T & { _deleted: boolean };

/** Position in the server's global change sequence; a pull returns what committed after it. */
export interface SyncCheckpoint {
  seq: number;
}

export interface PullResponse<T> {
  documents: WithDeleted<T>[];
  /** The checkpoint of the last returned document, or the request's own when nothing new. */
  checkpoint: SyncCheckpoint | null;
}

export interface PushRow<T> {
  /** The server state the client last saw; absent when the client believes the document is new. */
  assumedMasterState?: WithDeleted<T> | null;
  newDocumentState: WithDeleted<T>;
}

/** Master states of the rows that were not written because the client's assumption was stale. */
export type PushResponse<T> = WithDeleted<T>[];

export const PULL_LIMIT_DEFAULT = 500;
export const PULL_LIMIT_MAX = 2000;
export const PUSH_ROWS_MAX = 1000;
/** Request bodies above this size are refused with 413. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** The message the live stream sends: pull again from your checkpoint. */
export const STREAM_RESYNC = 'RESYNC';

/** One problem with one document or request field. */
export interface ErrorDetail {
  documentId?: string;
  field?: string;
  message: string;
  /** A stable code the UI translates (e.g. `ci_manage_forbidden`), when the rule has one. */
  code?: string;
  /**
   * The row is deferred: it may pass later unchanged (it depends on a document not pushed yet). Send it again on
   * its own, a bounded number of times; do not set it aside yet.
   */
  retryable?: boolean;
}

/** Every 4xx/5xx body: a machine code, a sentence a person can act on, and details. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
  /**
   * Push refusals only: the other rows of the push were stored, and these are the master states of those that
   * conflicted (what a 200 would have answered). Absent when nothing was stored.
   */
  conflicts?: unknown[];
}
