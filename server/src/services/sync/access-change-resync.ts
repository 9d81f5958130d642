import { REPLICATED_COLLECTIONS, type Actor, type ReplicatedCollection } from '@shared';
import type { Queryable } from '../../db/database.js';
import { resequenceDocuments } from '../../db/queries/documents.js';
import { resequenceTicketDocuments } from './ticket-scope-exits.js';
import { recordScopeExits } from '../../db/queries/scope-exits.js';
import { historyIdsOfCis } from '../../db/queries/config-items.js';
import { newlyVisibleIds } from '../../db/queries/newly-visible.js';
import { notifyChange } from '../../db/queries/sequence.js';
import { sameAccess } from '../auth/current-actor.js';
import { sessionUserFrom } from '../auth/session-user.js';
import type { SyncDocument } from './document-validation.js';
import type { PushEffect } from './push-effects.js';
import { pullFilterFor } from './pull-filter.js';

/**
 * The access a directory document grants, or null when it is no user. Deactivation is left out: a deactivated
 * account keeps its checkpoint, and what it gained meanwhile must reach it when it is reactivated.
 */
function accessOf(doc: SyncDocument | undefined): Actor | null {
  if (!doc || doc._deleted || doc.kind !== 'user') return null;
  const user = sessionUserFrom(doc);
  return user ? { id: user.id, role: user.role, groupIds: user.groupIds } : null;
}

/**
 * When a user's role or groups widen what they may receive (a technician joins a group, an agent joins the
 * security group), the documents they gain are older than their device's pull checkpoint and would never arrive.
 * They get fresh sequence numbers, content untouched, so the next pull delivers them; other devices receive them
 * again too and find them unchanged. Runs in the directory push's transaction.
 */
export const resyncWidenedAccess: PushEffect = async ({ tx, collection, writes, previous }) => {
  if (collection !== 'directory') return;
  for (const write of writes) {
    const before = accessOf(previous.get(write.id));
    const after = accessOf(write);
    // A new account has no checkpoint yet; a deleted one receives nothing.
    if (!before || !after) continue;
    if (sameAccess(before, after)) continue;
    for (const name of REPLICATED_COLLECTIONS) {
      const ids = await newlyVisibleIds(tx, name, pullFilterFor(before, name), pullFilterFor(after, name));
      const last = await resequenceDocuments(tx, name, ids);
      if (last > 0) await notifyChange(tx, name, last);
    }
    await recordNarrowedAccess(tx, write.id, before, after);
  }
};

/**
 * When a user's role or groups narrow what they may see (removed from a group, moved out of the security group), the
 * tickets and configuration items they lose, and what hangs on them (events, survey responses, CI history), get fresh
 * sequence numbers and a scope exit naming the user at the highest of them, so that user's next pull tells their
 * devices to remove them (issue 15, item 9). Other devices receive them again, unchanged.
 */
async function recordNarrowedAccess(tx: Queryable, userId: string, before: Actor, after: Actor): Promise<void> {
  const lost = async (collection: 'tickets' | 'config_items') =>
    newlyVisibleIds(tx, collection, pullFilterFor(after, collection), pullFilterFor(before, collection));
  const tickets = await lost('tickets');
  const items = await lost('config_items');
  let highest = 0;
  const resequence = async (collection: ReplicatedCollection, ids: readonly string[]) => {
    const last = await resequenceDocuments(tx, collection, ids);
    if (last > 0) await notifyChange(tx, collection, last);
    highest = Math.max(highest, last);
  };
  await resequence('tickets', tickets);
  highest = Math.max(highest, await resequenceTicketDocuments(tx, tickets));
  await resequence('config_items', items);
  await resequence('ci_history', await historyIdsOfCis(tx, items));
  await recordScopeExits(tx, [
    ...tickets.map((docId) => ({ seq: highest, collection: 'tickets' as const, docId, userId })),
    ...items.map((docId) => ({ seq: highest, collection: 'config_items' as const, docId, userId })),
  ]);
}
