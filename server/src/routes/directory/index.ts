import { DIRECTORY_AUDIT_PATH, INVITATION_ROUTE, can, type DirectoryAuditEntry } from '@shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { badRequest, forbidden } from '../../http/api-error.js';
import { authenticate } from '../../http/authenticate.js';
import { invitePerson } from '../../services/auth/invitations.js';
import { directoryAuditPage } from '../../services/directory/directory-audit.js';

/** The directory audit (supervisors and administrators) and password invitations (administrators). */
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

  app.post<{ Params: { id: string } }>(INVITATION_ROUTE, async (request, reply): Promise<{ email: string }> => {
    const actor = await authenticate(request, ctx);
    const { id } = request.params;
    if (id.length === 0 || id.length > 40) throw badRequest('Give the id of a person (at most 40 characters).');
    const sent = await invitePerson(ctx.db, actor, id, ctx.publicUrl());
    void reply.code(202);
    return sent;
  });
}
