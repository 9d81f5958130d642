import { jsonEqual } from '@shared';
import { appendDirectoryAudit } from '../../db/queries/directory-audit.js';
import type { SyncDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';

/** The entry as the audit shows it: without the bookkeeping a device sets on every save. */
function audited(doc: SyncDocument | undefined): Record<string, unknown> | null {
  if (!doc || doc._deleted) return null;
  const { updatedAt: _updatedAt, _deleted, ...fields } = doc;
  return fields;
}

/**
 * Every accepted change to a person, group or category is recorded (who, before, after) in the push's transaction,
 * in the pusher's name: the audit can be neither forged nor skipped by a device. A save that changed nothing but
 * its time is not a change.
 */
export const recordDirectoryAudit: PushEffect = async ({ tx, actor, collection, writes, previous }) => {
  if (collection !== 'directory') return;
  const rows = writes.flatMap((doc) => {
    const before = audited(previous.get(doc.id));
    const after = audited(doc);
    if (jsonEqual(before, after)) return [];
    const kind = (after ?? before)?.kind;
    return [{ actorId: actor.id, entryId: doc.id, kind: typeof kind === 'string' ? kind : '', before, after }];
  });
  await appendDirectoryAudit(tx, rows);
};
