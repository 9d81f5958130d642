import type { StoredDocument } from '../../db/queries/documents.js';
import type { SyncDocument } from './document-validation.js';

/** The document as it travels: stored fields plus `_deleted`. */
export function toSyncDocument(stored: StoredDocument): SyncDocument {
  return { ...stored.data, id: stored.id, _deleted: stored.deleted };
}

/** The fields to store: everything but `_deleted`, which has its own column. */
export function withoutDeleted(doc: SyncDocument): Record<string, unknown> {
  const { _deleted: _ignored, ...data } = doc;
  return data;
}
