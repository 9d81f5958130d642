import { randomUUID } from 'node:crypto';
import {
  CMDB_IMPORT_LIMITS,
  exportCisCsv,
  exportRelationsCsv,
  importReport,
  parseCmdbImport,
  planCmdbImport,
  type Actor,
  type CmdbImportInput,
  type CmdbImportPlan,
  type CmdbImportReport,
  type ConfigItem,
  type ParsedCmdbImport,
} from '@shared';
import type { Database, Queryable } from '../../db/database.js';
import { allLiveCis, directoryPartyIds, liveCisByImportKeys } from '../../db/queries/config-items.js';
import { reserveSequenceWithin } from '../../db/queries/sequence.js';
import { isLockTimeout } from '../../db/unavailable.js';
import { ApiError } from '../../http/api-error.js';
import { ciScopeBefore, mayNarrowCiScope, recordCiScopeExits } from '../sync/ci-scope-exits.js';
import { validateDocument, type SyncDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';
import { PUSH_BUSY_RETRY_AFTER_S, PUSH_LOCK_TIMEOUT_MS } from '../sync/push-service.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { asConfigItem } from './ci-push-rules.js';

const FILE_LABELS = { cis: 'CI file', relations: 'relationship file' } as const;

/** Refuses an empty request and a file over the shared size limit (413), before anything is parsed. */
export function checkImportSize(input: CmdbImportInput): void {
  if (input.cis === undefined && input.relations === undefined)
    throw new ApiError(400, 'Send a CI file ("cis"), a relationship file ("relations") or both, as CSV text.');
  for (const file of ['cis', 'relations'] as const) {
    const text = input[file];
    if (text === undefined) continue;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > CMDB_IMPORT_LIMITS.fileBytes)
      throw new ApiError(
        413,
        `The ${FILE_LABELS[file]} is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${CMDB_IMPORT_LIMITS.fileBytes / 1024 / 1024} MB can be imported at once. Split it into smaller files and import them one after the other.`,
      );
  }
}

const toConfigItem = (row: { id: string; data: Record<string, unknown> }): ConfigItem =>
  asConfigItem({ ...row.data, id: row.id, _deleted: false });

const toDocument = (ci: ConfigItem): SyncDocument => {
  const { deleted, ...fields } = ci;
  return { ...(fields as unknown as Record<string, unknown>), id: ci.id, _deleted: deleted };
};

/** Plans an import against the database as `db` sees it now (the import's transaction, or a plain read). */
async function planAgainst(db: Queryable, actor: Actor, parsed: ParsedCmdbImport): Promise<CmdbImportPlan> {
  const [stored, parties] = await Promise.all([liveCisByImportKeys(db, parsed.keys), directoryPartyIds(db)]);
  return planCmdbImport(
    parsed,
    {
      cis: stored.map(toConfigItem),
      hasParty: (kind, id) => (kind === 'user' ? parties.users.has(id) : parties.groups.has(id)),
    },
    { actorId: actor.id, now: Date.now(), newId: () => `ci-${randomUUID()}` },
  );
}

/** What importing these files would do, with every bad row; writes nothing. */
export async function dryRunImport(db: Queryable, actor: Actor, input: CmdbImportInput): Promise<CmdbImportReport> {
  checkImportSize(input);
  return importReport(await planAgainst(db, actor, parseCmdbImport(input)), false);
}

/** Thrown inside the transaction to roll it back when the file has bad rows and the person did not skip them. */
class InvalidFile extends Error {
  constructor(readonly report: CmdbImportReport) {
    super('invalid import file');
  }
}

/** A refused import: 422 with the report, nothing written. */
export class ImportRefused extends ApiError {
  constructor(readonly report: CmdbImportReport) {
    const bad = report.invalidRows.cis + report.invalidRows.relations;
    super(
      422,
      `Nothing was imported: ${bad} row${bad === 1 ? ' has' : 's have'} errors (${report.violations.length} problem${report.violations.length === 1 ? '' : 's'}). Correct them and import again, or import only the valid rows.`,
      report.violations.slice(0, 50).map((v) => ({ field: `${v.file}:${v.line}:${v.column}`, code: v.code, message: v.message })),
    );
  }
}

/**
 * Imports the files in ONE transaction, through the same write path as a device's push: the sequence lock first (so
 * concurrent imports match each other's CIs), then the plan against the locked state, then the CIs with fresh
 * sequence numbers, the scope exits of technicians who lose a CI, and the push effects (CI history in the
 * importer's name) — so the change replicates and streams like any other. Nothing is written when a row is bad,
 * unless `validOnly`; CIs the file leaves as they are are not rewritten (no new sequence number, no history).
 */
export async function importCmdbCsv(
  db: Database,
  actor: Actor,
  input: CmdbImportInput & { validOnly?: boolean },
  effects: readonly PushEffect[],
): Promise<CmdbImportReport> {
  checkImportSize(input);
  const parsed = parseCmdbImport(input);
  try {
    return await db.transaction(async (tx) => {
      await reserveSequenceWithin(tx, 0, PUSH_LOCK_TIMEOUT_MS);
      const plan = await planAgainst(tx, actor, parsed);
      if (plan.violations.length > 0 && !input.validOnly) throw new InvalidFile(importReport(plan, false));
      const writes = [...plan.created, ...plan.updated.map((u) => u.after)].map(toDocument);
      const previous = new Map(plan.updated.map((u) => [u.before.id, toDocument(u.before)]));
      const problems = writes.flatMap((doc, index) => validateDocument('config_items', doc, index));
      // The shared plan validated every row: a schema refusal here is a bug of the plan, not of the file.
      if (problems.length > 0) throw new Error(`Import produced invalid CIs: ${problems.map((p) => p.message).join(' ')}`);
      if (writes.length > 0) {
        const scopeBefore = mayNarrowCiScope(writes, previous) ? await ciScopeBefore(tx) : null;
        await writeServerDocuments(tx, 'config_items', writes);
        if (scopeBefore) await recordCiScopeExits(tx, scopeBefore);
        for (const effect of effects) await effect({ tx, actor, collection: 'config_items', writes, previous });
      }
      return importReport(plan, true);
    });
  } catch (err) {
    if (err instanceof InvalidFile) throw new ImportRefused(err.report);
    if (isLockTimeout(err))
      throw new ApiError(
        503,
        'Other changes are being written; nothing was imported. Import the file again in a moment.',
        undefined,
        PUSH_BUSY_RETRY_AFTER_S,
      );
    throw err;
  }
}

/** Every live CI as the import's CI file, or their edges as its relationship file. */
export async function exportCmdbCsv(db: Queryable, file: 'cis' | 'relations'): Promise<string> {
  const cis = (await allLiveCis(db)).map(toConfigItem);
  return file === 'cis' ? exportCisCsv(cis) : exportRelationsCsv(cis);
}
