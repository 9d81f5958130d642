import { randomUUID } from 'node:crypto';
import { CI_HISTORY_LIMITS, boundClientTime, diffConfigItems, jsonEqual, type CiHistoryEntry } from '@shared';
import { historyIdsOfCis } from '../../db/queries/config-items.js';
import { resequenceDocuments } from '../../db/queries/documents.js';
import { notifyChange } from '../../db/queries/sequence.js';
import type { SyncDocument } from '../sync/document-validation.js';
import { validateDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { asConfigItem } from './ci-push-rules.js';

/** The history entry of one accepted CI write, or null when nothing a person would see changed. */
export function historyEntry(
  previous: SyncDocument | undefined,
  next: SyncDocument,
  authorId: string,
  serverNow: number,
): CiHistoryEntry | null {
  const before = previous && !previous._deleted ? asConfigItem(previous) : null;
  const after = asConfigItem(next);
  const changes = diffConfigItems(before, after).slice(0, CI_HISTORY_LIMITS.changesMax);
  const kind: CiHistoryEntry['kind'] = next._deleted
    ? 'deleted'
    : !before
      ? 'created'
      : after.status === 'retired' && before.status !== 'retired'
        ? 'retired'
        : 'updated';
  if (changes.length === 0 && kind === 'updated') return null;
  // When the change was made on the device (offline work), but never later than the server can vouch for.
  const occurredAt = boundClientTime(after.updatedAt, { serverNow }).time;
  return { id: `cih-${randomUUID()}`, ciId: next.id, authorId, occurredAt, kind, changes };
}

/** True when a change may show the CI to other technicians (its owner, place or edges moved). */
const scopeChanged = (before: SyncDocument | undefined, after: SyncDocument): boolean =>
  before !== undefined &&
  (before.ownerGroupId !== after.ownerGroupId ||
    before.locationId !== after.locationId ||
    !jsonEqual(before.relations, after.relations));

/**
 * Every accepted change to a CI or its edges gets its append-only history entry, written by the server in the
 * push's transaction: who is the pusher, so a device can neither forge nor lose history. When a CI's owner, place or
 * edges change, its earlier history gets new sequence numbers, so a technician who now sees the CI also receives
 * its history (their checkpoint is past it).
 */
export const recordCiHistory: PushEffect = async ({ tx, actor, collection, writes, previous }) => {
  if (collection !== 'config_items') return;
  const moved = writes.filter((doc) => scopeChanged(previous.get(doc.id), doc)).map((doc) => doc.id);
  const last = await resequenceDocuments(tx, 'ci_history', await historyIdsOfCis(tx, moved));
  if (last > 0) await notifyChange(tx, 'ci_history', last);
  const now = Date.now();
  const docs: SyncDocument[] = writes
    .map((doc) => historyEntry(previous.get(doc.id), doc, actor.id, now))
    .filter((entry): entry is CiHistoryEntry => entry !== null)
    .map((entry) => ({ ...(entry as unknown as Record<string, unknown>), id: entry.id, _deleted: false }));
  const problems = docs.flatMap((doc, i) => validateDocument('ci_history', doc, i));
  if (problems.length > 0) throw new Error(`Invalid CI history entry: ${problems.map((p) => p.message).join(' ')}`);
  await writeServerDocuments(tx, 'ci_history', docs);
};
