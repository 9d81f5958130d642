import { jsonEqual, type ConflictRecord } from '@shared';
import type { DeskDatabase } from '../types.js';

/**
 * Writes records that keep a whole local version of a document (a refusal, a deletion that overtook an edit). Their
 * ids are per document, so a second such event would replace the first; a version the user has not decided on yet
 * (unresolved, other content) is first kept under an id of its own, so it stays in the conflict view.
 */
export async function keepLocalVersions(db: DeskDatabase, records: readonly ConflictRecord[]): Promise<void> {
  if (records.length === 0) return;
  const existing = await db.conflicts.findByIds(records.map((record) => record.id)).exec();
  const displaced: ConflictRecord[] = [];
  for (const record of records) {
    const old = existing.get(record.id)?.toJSON();
    if (!old || old.resolved || jsonEqual(JSON.parse(old.localValue), JSON.parse(record.localValue))) continue;
    displaced.push({ ...old, id: `${old.id}@${old.detectedAt}` });
  }
  if (displaced.length > 0) await db.conflicts.bulkUpsert(displaced);
  await db.conflicts.bulkUpsert([...records]);
}
