import type { Actor } from '@shared';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import { confirmActor, confirmSessionOpen } from '../services/auth/current-actor.js';
import { unauthorized } from './api-error.js';

/**
 * The caller of a request, from its `Authorization: Bearer <token>` header; 401 when missing, invalid, or when
 * the account was deactivated, removed or given other rights since the token was issued.
 */
export async function authenticate(request: FastifyRequest, ctx: Pick<AppContext, 'tokens' | 'db'>): Promise<Actor> {
  const header = request.headers.authorization;
  if (!header) {
    throw unauthorized('Sign in first: send your access token in an "Authorization: Bearer <token>" header.');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must read "Bearer <access token>".');
  const { actor, sessionId } = await ctx.tokens.verifySession(match[1]);
  // Reads: on the read pool, so a request is never held at the door behind writers waiting on the sequence lock.
  await confirmSessionOpen(ctx.db.reads, sessionId);
  return confirmActor(ctx.db.reads, actor);
}
