import { DIRECTORY_AUDIT_PAGE, type DirectoryAuditEntry } from '@shared';
import type { Queryable } from '../../db/database.js';
import { listDirectoryAudit } from '../../db/queries/directory-audit.js';

/** One page of the directory audit, newest first. */
export function directoryAuditPage(
  db: Queryable,
  query: { beforeId?: number; entryId?: string },
): Promise<DirectoryAuditEntry[]> {
  return listDirectoryAudit(db, { ...query, limit: DIRECTORY_AUDIT_PAGE });
}
