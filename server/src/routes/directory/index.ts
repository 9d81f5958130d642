import { DIRECTORY_AUDIT_PATH, can, type DirectoryAuditEntry } from '@shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { badRequest, forbidden } from '../../http/api-error.js';
import { authenticate } from '../../http/authenticate.js';
import { directoryAuditPage } from '../../services/directory/directory-audit.js';

/** GET /api/directory/audit: who changed which person, group or category (supervisors and administrators). */
export function registerDirectoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Record<string, unknown> }>(DIRECTORY_AUDIT_PATH, async (request): Promise<DirectoryAuditEntry[]> => {
    const actor = await authenticate(request, ctx);
    if (!can(actor, 'directory.audit')) throw forbidden('The directory audit is for supervisors and administrators.');
    const { before, entry } = request.query;
    if (before !== undefined && (typeof before !== 'string' || !/^\d{1,15}$/.test(before)))
      throw badRequest('"before" is the number of an audit entry.');
    if (entry !== undefined && (typeof entry !== 'string' || entry.length === 0 || entry.length > 40))
      throw badRequest('"entry" is the id of a person, group or category (at most 40 characters).');
    return directoryAuditPage(ctx.db, {
      beforeId: before === undefined ? undefined : Number(before),
      entryId: entry,
    });
  });
}
