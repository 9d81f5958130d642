import { attributeWrite, type Actor, type ReplicatedCollection } from '@shared';
import { isProvisionalNumber } from '@shared/domain/ticket-numbering.js';
import type { Queryable } from '../../db/database.js';
import { assignTicketNumbers } from '../tickets/assign-ticket-numbers.js';
import type { SyncDocument } from './document-validation.js';

/** A ticket write that creates the ticket, or restores one stored before every create was numbered (`NEW-…`). */
function needsNumber(doc: SyncDocument, master: SyncDocument | undefined): boolean {
  return master === undefined || (typeof master.number === 'string' && isProvisionalNumber(master.number));
}

/**
 * The documents a push stores, after the server set what only it may say: who wrote them (attributeWrite) and, for
 * every ticket create, its number (issue 15, item 3). A document the server changed is a new object, so the caller
 * answers it to the device with the push (see PushEffect); one it left alone is returned as it came.
 */
export async function stampWrites(
  tx: Queryable,
  actor: Actor,
  collection: ReplicatedCollection,
  writes: readonly SyncDocument[],
  masters: ReadonlyMap<string, SyncDocument>,
): Promise<SyncDocument[]> {
  const attributed = writes.map((doc) => attributeWrite(collection, actor, doc, masters.get(doc.id)) as SyncDocument);
  if (collection !== 'tickets') return attributed;
  const creates = attributed.filter((doc) => needsNumber(doc, masters.get(doc.id)));
  const numbered = new Map((await assignTicketNumbers(tx, creates)).map((doc) => [doc.id, doc]));
  return attributed.map((doc) => numbered.get(doc.id) ?? doc);
}
