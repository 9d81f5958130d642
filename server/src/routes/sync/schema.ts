import {
  PULL_LIMIT_DEFAULT,
  PULL_LIMIT_MAX,
  PUSH_ROWS_MAX,
  REPLICATED_COLLECTIONS,
  isReplicatedCollection,
  type ReplicatedCollection,
} from '@shared';
import { z } from 'zod';
import { badRequest, notFound } from '../../http/api-error.js';

/** The collection named in the URL; 404 naming the valid ones otherwise. */
export function parseCollection(params: unknown): ReplicatedCollection {
  const name = (params as { collection?: unknown } | null)?.collection;
  if (typeof name === 'string' && isReplicatedCollection(name)) return name;
  throw notFound(`Unknown collection "${String(name)}". Valid collections: ${REPLICATED_COLLECTIONS.join(', ')}.`);
}

const WHOLE = /^\d{1,16}$/;

/**
 * The `checkpoint` query parameter: a sequence number (`checkpoint=42`), or the checkpoint object as JSON
 * (`checkpoint={"seq":42}`); absent, empty or `null` means from the start.
 */
export function parseCheckpoint(raw: unknown): number | null {
  if (raw === undefined || raw === '' || raw === 'null') return null;
  let value: unknown = raw;
  if (typeof raw === 'string' && raw.trimStart().startsWith('{')) {
    try {
      value = (JSON.parse(raw) as { seq?: unknown } | null)?.seq;
    } catch {
      value = undefined;
    }
    if (typeof value === 'number') value = String(value);
  }
  if (typeof value === 'string' && WHOLE.test(value) && Number(value) <= Number.MAX_SAFE_INTEGER) return Number(value);
  throw badRequest(
    'The "checkpoint" parameter must be a whole number of 0 or more: the seq of the last checkpoint you received.',
    [{ field: 'checkpoint', message: 'Expected a whole number such as 0 or 1234.' }],
  );
}

/** The `limit` query parameter: 1 to PULL_LIMIT_MAX, PULL_LIMIT_DEFAULT when absent. */
export function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === '') return PULL_LIMIT_DEFAULT;
  const n = typeof raw === 'string' && WHOLE.test(raw) ? Number(raw) : NaN;
  if (n >= 1 && n <= PULL_LIMIT_MAX) return n;
  throw badRequest(`The "limit" parameter must be a whole number from 1 to ${PULL_LIMIT_MAX}.`, [
    { field: 'limit', message: `Expected 1 to ${PULL_LIMIT_MAX}; the default is ${PULL_LIMIT_DEFAULT}.` },
  ]);
}

const pushRow = z.object(
  {
    assumedMasterState: z
      .record(z.string(), z.unknown(), { error: 'assumedMasterState must be a document object or null.' })
      .nullish(),
    // Checked against the collection's JSON schema later, with the document id in every message.
    newDocumentState: z.unknown().refine((value) => value !== undefined, 'newDocumentState is required.'),
  },
  { error: 'Each row must be an object with newDocumentState (and assumedMasterState for known documents).' },
);

export const pushBody = z
  .array(pushRow, { error: 'The push body must be a JSON array of rows {assumedMasterState, newDocumentState}.' })
  .max(PUSH_ROWS_MAX, `Push at most ${PUSH_ROWS_MAX} rows per request; split the batch.`);
