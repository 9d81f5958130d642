import { BODY_LIMIT_BYTES, CMDB_IMPORT_LIMITS, CMDB_IMPORT_PATHS, can, type Actor, type CmdbImportReport } from '@shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { ApiError, errorBody, forbidden } from '../../http/api-error.js';
import { authenticate } from '../../http/authenticate.js';
import { parseRequest } from '../../http/validate.js';
import { ImportRefused, dryRunImport, exportCmdbCsv, importCmdbCsv } from '../../services/cmdb/ci-import.js';
import { importBody } from './schema.js';

/**
 * Two files as JSON strings: quotes and control characters may double a file's size on the wire, so the body may be
 * larger than the files; the service then holds each file to the shared limit with a 413 that names it.
 */
const IMPORT_BODY_LIMIT = Math.max(BODY_LIMIT_BYTES, 4 * CMDB_IMPORT_LIMITS.fileBytes + 64 * 1024);
const LIMIT_MB = CMDB_IMPORT_LIMITS.fileBytes / 1024 / 1024;

async function importer(request: FastifyRequest, ctx: AppContext): Promise<Actor> {
  const actor = await authenticate(request, ctx);
  if (!can(actor, 'ci.import')) throw forbidden('Only configuration managers and administrators may import configuration items.');
  return actor;
}

/** A body too large to read at all: refused before it is received, with the file limit in the message. */
function refuseHugeBody(request: FastifyRequest): void {
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > IMPORT_BODY_LIMIT)
    throw new ApiError(
      413,
      `The files sent are ${(length / 1024 / 1024).toFixed(1)} MB; each file may have at most ${LIMIT_MB} MB. Split them into smaller files and import them one after the other.`,
    );
}

/**
 * CMDB CSV import and export: POST dry run (the report, nothing written), POST import (all or nothing, or the valid
 * rows only; in one transaction), GET the CI and relationship files.
 */
export function registerCmdbRoutes(app: FastifyInstance, ctx: AppContext): void {
  const importOptions = {
    bodyLimit: IMPORT_BODY_LIMIT,
    onRequest: (request: FastifyRequest, _reply: unknown, done: (err?: Error) => void) => {
      try {
        refuseHugeBody(request);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  };

  app.post(CMDB_IMPORT_PATHS.dryRun, importOptions, async (request): Promise<CmdbImportReport> => {
    const actor = await importer(request, ctx);
    const body = parseRequest(importBody, request.body, 'import request');
    return dryRunImport(ctx.db.reads, actor, body);
  });

  app.post(CMDB_IMPORT_PATHS.import, importOptions, async (request, reply) => {
    const actor = await importer(request, ctx);
    const body = parseRequest(importBody, request.body, 'import request');
    try {
      return await importCmdbCsv(ctx.db, actor, body, ctx.pushEffects);
    } catch (err) {
      if (!(err instanceof ImportRefused)) throw err;
      // The report travels with the refusal so the console shows every bad row without a second request.
      void reply.code(422);
      return { ...errorBody(422, err.message, err.details), report: err.report };
    }
  });

  for (const [path, file] of [
    [CMDB_IMPORT_PATHS.exportCis, 'cis'],
    [CMDB_IMPORT_PATHS.exportRelations, 'relations'],
  ] as const) {
    app.get(path, async (request, reply) => {
      const actor = await authenticate(request, ctx);
      if (!can(actor, 'ci.export'))
        throw forbidden('Exporting the CMDB is for those who see every configuration item (not technicians).');
      const csv = await exportCmdbCsv(ctx.db.reads, file);
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cmdb-${file}.csv"`);
      return csv;
    });
  }
}
