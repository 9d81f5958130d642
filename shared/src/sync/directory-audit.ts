/** One recorded change to a person, group or category, as supervisors and administrators read it. */
export interface DirectoryAuditEntry {
  id: number;
  /** When the server accepted the change (ms). */
  at: number;
  /** Who pushed it. */
  actorId: string;
  entryId: string;
  /** `user`, `group` or `category`. */
  kind: string;
  /** The entry before (null: created) and after (null: erased), without its `updatedAt`. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** GET: the newest changes first; `?before=<id>` pages back, `?entry=<id>` narrows to one entry. */
export const DIRECTORY_AUDIT_PATH = '/api/directory/audit';

/** Changes one page of the audit holds. */
export const DIRECTORY_AUDIT_PAGE = 100;
