import type { Queryable } from '../database.js';

/** One document leaving scope: a ticket's scope before (who could see it), or the one user who lost it. */
export interface ScopeExit {
  seq: number;
  collection: 'tickets' | 'config_items';
  docId: string;
  /** Set when one user lost the ticket (their groups or role changed); the old scope is then not needed. */
  userId?: string;
  groupId?: string;
  assigneeId?: string;
  security?: boolean;
}

/** Records documents leaving scope, in the transaction of the change that moved them. */
export async function recordScopeExits(tx: Queryable, exits: readonly ScopeExit[]): Promise<void> {
  if (exits.length === 0) return;
  await tx.query(
    `INSERT INTO scope_exits (seq, collection, doc_id, user_id, group_id, assignee_id, security)
     SELECT (e->>'seq')::bigint, e->>'collection', e->>'docId', e->>'userId', e->>'groupId', e->>'assigneeId',
       (e->>'security')::boolean
     FROM jsonb_array_elements($1::jsonb) AS e`,
    [JSON.stringify(exits)],
  );
}
