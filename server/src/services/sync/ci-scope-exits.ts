import type { Queryable } from '../../db/database.js';
import { historyIdsOfCis, technicianGroupIds, visibleCisByGroup } from '../../db/queries/config-items.js';
import { resequenceDocuments } from '../../db/queries/documents.js';
import { recordScopeExits } from '../../db/queries/scope-exits.js';
import { notifyChange } from '../../db/queries/sequence.js';
import type { SyncDocument } from './document-validation.js';

/** The CI fields that decide who sees a CI, or the CIs that stand at it or depend on it. */
const VISIBILITY_FIELDS = ['ownerGroupId', 'locationId', 'ciClass', 'relations'] as const;

/** True when a CI push may hide CIs from some technicians: an owner, place, class or edge changed, or a deletion. */
export function mayNarrowCiScope(writes: readonly SyncDocument[], masters: ReadonlyMap<string, SyncDocument>): boolean {
  return writes.some((doc) => {
    const before = masters.get(doc.id);
    if (!before || before._deleted) return false;
    return doc._deleted || VISIBILITY_FIELDS.some((field) => JSON.stringify(before[field]) !== JSON.stringify(doc[field]));
  });
}

/** What each technician group sees before a CI push that may narrow it (see recordCiScopeExits). */
export async function ciScopeBefore(tx: Queryable): Promise<Map<string, Set<string>>> {
  return visibleCisByGroup(tx, await technicianGroupIds(tx));
}

/**
 * After a CI push that handed a site or an item to another group, moved it, relinked or deleted it: the CIs each
 * technician group no longer sees (the items at a handed-over site and the services above them too) get fresh
 * sequence numbers, with their history, and a scope exit per group, so the devices of that group's technicians
 * remove them (issue 15, item 9); a technician who still sees one through another group keeps it.
 */
export async function recordCiScopeExits(tx: Queryable, before: ReadonlyMap<string, Set<string>>): Promise<void> {
  const after = await visibleCisByGroup(tx, [...before.keys()]);
  const lost = new Map<string, string[]>();
  for (const [groupId, seen] of before) {
    const now = after.get(groupId) ?? new Set<string>();
    const gone = [...seen].filter((id) => !now.has(id));
    if (gone.length > 0) lost.set(groupId, gone);
  }
  if (lost.size === 0) return;
  const items = [...new Set([...lost.values()].flat())];
  let highest = await resequenceDocuments(tx, 'config_items', items);
  await notifyChange(tx, 'config_items', highest);
  const history = await resequenceDocuments(tx, 'ci_history', await historyIdsOfCis(tx, items));
  if (history > 0) await notifyChange(tx, 'ci_history', history);
  highest = Math.max(highest, history);
  await recordScopeExits(
    tx,
    [...lost].flatMap(([groupId, ids]) =>
      ids.map((docId) => ({ seq: highest, collection: 'config_items' as const, docId, groupId })),
    ),
  );
}
