import { HELD_MAIL_PATH, can, type Actor, type HeldMail } from '@shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { badRequest, forbidden } from '../../http/api-error.js';
import { authenticate } from '../../http/authenticate.js';
import { heldMail, releaseHeld } from '../../services/mail/held-mail.js';

async function allowed(
  request: FastifyRequest,
  ctx: AppContext,
  action: 'mail.held.read' | 'mail.held.release',
  refusal: string,
): Promise<Actor> {
  const actor = await authenticate(request, ctx);
  if (!can(actor, action)) throw forbidden(refusal);
  return actor;
}

/**
 * GET /api/mail/held: the mail the desk holds back (supervisors and admins). POST /api/mail/held/:id/release: an
 * administrator lets one go (see releaseHeld).
 */
export function registerMailRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(HELD_MAIL_PATH, async (request): Promise<HeldMail[]> => {
    await allowed(request, ctx, 'mail.held.read', 'Held mail is for supervisors and administrators.');
    return heldMail(ctx.db);
  });

  app.post<{ Params: { id: string } }>(`${HELD_MAIL_PATH}/:id/release`, async (request): Promise<HeldMail> => {
    await allowed(request, ctx, 'mail.held.release', 'Only an administrator releases held mail.');
    const id = Number(request.params.id);
    if (!/^\d{1,15}$/.test(request.params.id) || id <= 0)
      throw badRequest(`"${request.params.id.slice(0, 40)}" is not a message number.`);
    return releaseHeld(ctx.db, id);
  });
}
