import { DIRECTORY_AUDIT_PATH, type DirectoryAuditEntry } from '@shared';
import { useServerRead, type ServerRead } from './server-read.js';

/**
 * The newest recorded changes to people, groups and categories, read from the server (the audit is the server's
 * record of accepted pushes, not replicated). `round` reads it again, e.g. after a save has synced.
 */
export function useDirectoryAudit(round: number): ServerRead<DirectoryAuditEntry[]> {
  return useServerRead<DirectoryAuditEntry[]>(DIRECTORY_AUDIT_PATH, round);
}
