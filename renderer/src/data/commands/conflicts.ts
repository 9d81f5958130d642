import type { RuleViolation, Ticket } from '@shared';
import { can, isReplicatedCollection, withEditCounts } from '@shared';
import { DELETED_WHILE_EDITED } from '../replication/conflict-handler.js';
import type { DeskDatabase } from '../types.js';
import { updateTicket } from './tickets.js';
import type { CommandActor } from './tickets.js';

export type ConflictChoice = 'local' | 'server';

async function writeLocalValue(
  db: DeskDatabase,
  collection: string,
  docId: string,
  field: string,
  value: unknown,
  actor?: CommandActor,
): Promise<RuleViolation[]> {
  if (collection === 'tickets') {
    return updateTicket(db, docId, { [field]: value }, actor ?? { id: '' });
  }
  if (!isReplicatedCollection(collection)) return [{ code: 'not_found', field, message: `Unknown collection ${collection}.` }];
  const doc = await db.collections[collection].findOne(docId).exec();
  if (!doc) return [{ code: 'not_found', field: 'id', message: `Document ${docId} no longer exists on this device.` }];
  const patch: Record<string, unknown> = { [field]: value };
  const current = doc.toJSON() as Record<string, unknown>;
  if (typeof current.updatedAt === 'number') patch.updatedAt = Math.max(Date.now(), current.updatedAt + 1);
  await doc.incrementalPatch(patch);
  return [];
}

/**
 * Brings back a ticket the server deleted while this device edited it: its last server state with this device's edits
 * on top, as the conflict record keeps it (pushed as a new edit).
 * Only where `can(actor, 'ticket.restore', ticket)` allows; anyone may instead accept the deletion ('server').
 */
async function restoreDeleted(db: DeskDatabase, collection: string, localJson: string, actor?: CommandActor) {
  const doc = JSON.parse(localJson) as Ticket;
  const scope = { groupId: doc.groupId, assigneeId: doc.assigneeId, security: doc.security };
  if (collection !== 'tickets' || !actor?.role || !can({ id: actor.id, role: actor.role, groupIds: [] }, 'ticket.restore', scope))
    return [
      {
        code: 'not_permitted' as const,
        field: 'id',
        message: 'Only a supervisor or an administrator may restore a deleted ticket.',
      },
    ];
  // The tombstone holds the server's edit counters: the restore counts as one more edit of every field it changes
  // over it (the server refuses counters that go down, and the chaos oracle one that skips a step).
  const [tombstone] = await db.tickets.storageInstance.findDocumentsById([doc.id], true);
  const previous: Ticket = tombstone ? tombstone : doc;
  const restored = withEditCounts(previous, { ...doc, updatedAt: Math.max(Date.now(), doc.updatedAt + 1) });
  await db.tickets.upsert(restored);
  return [];
}

/**
 * Settles a recorded clash. 'server': the document already holds the server value, so the record is just closed.
 * 'local': the value this device wanted is written back as a new edit (checked against the ticket rules, which may
 * refuse it when the server moved on, e.g. to a status it cannot leave that way), then the record is closed.
 */
export async function resolveConflict(
  db: DeskDatabase,
  conflictId: string,
  choice: ConflictChoice,
  actor?: CommandActor,
): Promise<RuleViolation[]> {
  const conflict = await db.conflicts.findOne(conflictId).exec();
  if (!conflict) return [{ code: 'not_found', field: 'id', message: `Conflict ${conflictId} does not exist.` }];
  if (conflict.kind === 'refusal')
    return [{ code: 'not_permitted', field: 'id', message: 'A refusal is settled with settleRefusal.' }];
  if (choice === 'local' && conflict.field === DELETED_WHILE_EDITED) {
    const violations = await restoreDeleted(db, conflict.collectionName, conflict.localValue, actor);
    if (violations.length > 0) return violations;
  } else if (choice === 'local') {
    const violations = await writeLocalValue(
      db,
      conflict.collectionName,
      conflict.docId,
      conflict.field,
      JSON.parse(conflict.localValue),
      actor,
    );
    if (violations.length > 0) return violations;
  }
  await conflict.incrementalPatch({ resolved: true });
  return [];
}

/**
 * Settles a refusal record. Both choices close it: the document already went back to the server's version when the
 * refusal arrived, so "discard" drops the refused change for good, and "edit" closes it as the user opens the
 * document's form to make the change again in a form the server accepts (that edit goes through the outbox as usual).
 */
export async function settleRefusal(db: DeskDatabase, refusalId: string): Promise<RuleViolation[]> {
  const record = await db.conflicts.findOne(refusalId).exec();
  if (!record || record.kind !== 'refusal')
    return [{ code: 'not_found', field: 'id', message: `Refusal ${refusalId} does not exist.` }];
  await record.incrementalPatch({ resolved: true });
  return [];
}
