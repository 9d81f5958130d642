import { LOCATION_CLASSES, SERVICE_CLASSES } from '@shared';
import type { Queryable, SqlParam } from '../database.js';

const sqlList = (values: readonly string[]): string => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/**
 * SQL of the ids of the CIs a technician of `groupIds` (JSON array at `$param`) sees, mirroring the shared `ci.see`
 * with the sites resolved here: the location CIs their groups own are their sites; they see the CIs their groups
 * own or that stand at one of those sites, and (recursively, along any edge to a CI already seen) the services,
 * technical services and applications above them. UNION (not UNION ALL) ends the recursion on cycles.
 */
export function visibleCiIdsSql(param: string): string {
  return `WITH RECURSIVE
    sites AS (SELECT s.id FROM sync_documents s WHERE s.collection = 'config_items' AND NOT s.deleted
      AND ${param}::jsonb ? (s.data->>'ownerGroupId') AND s.data->>'ciClass' IN (${sqlList(LOCATION_CLASSES)})),
    seen(id) AS (
      SELECT c.id FROM sync_documents c WHERE c.collection = 'config_items' AND NOT c.deleted
        AND (${param}::jsonb ? (c.data->>'ownerGroupId') OR c.data->>'locationId' IN (SELECT id FROM sites))
      UNION
      SELECT c.id FROM sync_documents c
        CROSS JOIN LATERAL jsonb_array_elements(c.data->'relations') r
        JOIN seen ON r->>'targetKind' = 'ci' AND r->>'targetId' = seen.id
        WHERE c.collection = 'config_items' AND NOT c.deleted AND c.data->>'ciClass' IN (${sqlList(SERVICE_CLASSES)})
    )
    SELECT id FROM seen`;
}

/** The sites (location CIs) owned by one of `groupIds`: what a technician serves, for `ci.see` and `ci.edit_field`. */
export async function siteIdsOfGroups(db: Queryable, groupIds: readonly string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const params: SqlParam[] = [JSON.stringify(groupIds)];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'config_items' AND NOT deleted
       AND $1::jsonb ? (data->>'ownerGroupId') AND data->>'ciClass' IN (${sqlList(LOCATION_CLASSES)})`,
    params,
  );
  return rows.map((row) => row.id);
}

/** Which of `ids` are live CIs on the server (for tickets' `ciIds`). */
export async function existingCiIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'config_items' AND NOT deleted AND $1::jsonb ? id`,
    [JSON.stringify(ids)],
  );
  return new Set(rows.map((row) => row.id));
}

/** Ids of the history entries of these CIs, oldest first. */
export async function historyIdsOfCis(db: Queryable, ciIds: readonly string[]): Promise<string[]> {
  if (ciIds.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'ci_history' AND $1::jsonb ? (data->>'ciId') ORDER BY seq`,
    [JSON.stringify(ciIds)],
  );
  return rows.map((row) => row.id);
}

/** The groups technicians belong to: each one sees its own set of CIs (visibleCiIdsSql). */
export async function technicianGroupIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT g AS id FROM sync_documents d, jsonb_array_elements_text(d.data->'groupIds') AS g
     WHERE d.collection = 'directory' AND NOT d.deleted AND d.data->>'role' = 'technician' ORDER BY 1`,
  );
  return rows.map((row) => row.id);
}

/** The CIs each of `groupIds` sees now, by group. */
export async function visibleCisByGroup(db: Queryable, groupIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const groupId of groupIds) {
    const rows = await db.query<{ id: string }>(visibleCiIdsSql('$1'), [JSON.stringify([groupId])]);
    out.set(groupId, new Set(rows.map((row) => row.id)));
  }
  return out;
}

interface CiRow {
  id: string;
  data: Record<string, unknown>;
}

/**
 * The live CIs an import names: by external id, or by id for CIs made by hand (`importKeyOf`). Read inside the
 * import's transaction, after the sequence lock, so a concurrent import's CIs are seen and matched, not duplicated.
 */
export async function liveCisByImportKeys(db: Queryable, keys: readonly string[]): Promise<CiRow[]> {
  if (keys.length === 0) return [];
  return db.query<CiRow>(
    `SELECT id, data FROM sync_documents WHERE collection = 'config_items' AND NOT deleted
       AND ($1::jsonb ? (data->>'externalId') OR $1::jsonb ? id)`,
    [JSON.stringify(keys)],
  );
}

/** The live CIs with an edge to one of `ids` or standing in one of them (what deleting them must update). */
export async function liveCisReferringTo(db: Queryable, ids: readonly string[]): Promise<CiRow[]> {
  if (ids.length === 0) return [];
  return db.query<CiRow>(
    `SELECT id, data FROM sync_documents c WHERE collection = 'config_items' AND NOT deleted
       AND ($1::jsonb ? (data->>'locationId') OR EXISTS (
         SELECT 1 FROM jsonb_array_elements(c.data->'relations') r
         WHERE r->>'targetKind' = 'ci' AND $1::jsonb ? (r->>'targetId')))
     ORDER BY id`,
    [JSON.stringify(ids)],
  );
}

/** Every live CI, for the CSV export. */
export async function allLiveCis(db: Queryable): Promise<CiRow[]> {
  return db.query<CiRow>(`SELECT id, data FROM sync_documents WHERE collection = 'config_items' AND NOT deleted ORDER BY id`);
}

/** Ids of the live users and groups of the directory: what an import's owner groups and `used_by` targets may name. */
export async function directoryPartyIds(db: Queryable): Promise<{ users: Set<string>; groups: Set<string> }> {
  const rows = await db.query<{ id: string; kind: string }>(
    `SELECT id, data->>'kind' AS kind FROM sync_documents
     WHERE collection = 'directory' AND NOT deleted AND data->>'kind' IN ('user', 'group')`,
  );
  const users = new Set<string>();
  const groups = new Set<string>();
  for (const row of rows) (row.kind === 'user' ? users : groups).add(row.id);
  return { users, groups };
}
