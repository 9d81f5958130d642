import { withoutReferencesTo } from '@shared';
import type { CiHistoryEntry } from '@shared';
import { liveCisReferringTo } from '../../db/queries/config-items.js';
import type { SyncDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { historyEntry } from './ci-history-effect.js';
import { asConfigItem } from './ci-push-rules.js';

/**
 * When a push deletes CIs, the live CIs that still point at one (an edge to it, or it as their location) lose those
 * references in the push's transaction (shared `withoutReferencesTo`), in the pusher's name, with their history
 * entries. The deleting device removes the references it holds before the tombstone (`deleteConfigItem`); this
 * catches the CIs it does not hold and edges another device added meanwhile, so no edge on any device names a CI
 * that is gone. Visibility cannot change: nobody sees a deleted CI, so nothing is seen through its edges.
 */
export const removeReferencesToDeletedCis: PushEffect = async ({ tx, actor, collection, writes, previous }) => {
  if (collection !== 'config_items') return;
  const deleted = writes.filter((doc) => doc._deleted && previous.get(doc.id)?._deleted === false).map((doc) => doc.id);
  if (deleted.length === 0) return;
  const gone = new Set(deleted);
  const now = Date.now();
  const rewritten: SyncDocument[] = [];
  const history: SyncDocument[] = [];
  for (const row of await liveCisReferringTo(tx, deleted)) {
    const before: SyncDocument = { ...row.data, id: row.id, _deleted: false };
    const ci = asConfigItem(before);
    const cleaned = withoutReferencesTo(ci, gone);
    if (cleaned === ci) continue;
    const after: SyncDocument = {
      ...before,
      relations: cleaned.relations,
      locationId: cleaned.locationId,
      updatedAt: Math.max(now, ci.updatedAt + 1),
      updatedBy: actor.id,
    };
    rewritten.push(after);
    const entry = historyEntry(before, after, actor.id, now);
    if (entry) history.push(asHistoryDocument(entry));
  }
  await writeServerDocuments(tx, 'config_items', rewritten);
  await writeServerDocuments(tx, 'ci_history', history);
};

const asHistoryDocument = (entry: CiHistoryEntry): SyncDocument => ({
  ...(entry as unknown as Record<string, unknown>),
  id: entry.id,
  _deleted: false,
});
