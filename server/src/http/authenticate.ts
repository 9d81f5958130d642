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
  return actorOfToken(bearerToken(request), ctx);
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (!header) {
    throw unauthorized('Sign in first: send your access token in an "Authorization: Bearer <token>" header.');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must read "Bearer <access token>".');
  return match[1];
}

async function actorOfToken(token: string, ctx: Pick<AppContext, 'tokens' | 'db'>): Promise<Actor> {
  const { actor, sessionId } = await ctx.tokens.verifySession(token);
  // Reads: on the read pool, so a request is never held at the door behind writers waiting on the sequence lock.
  await confirmSessionOpen(ctx.db.reads, sessionId);
  return confirmActor(ctx.db.reads, actor);
}

/** The caller of a long-lived stream, and a check that their token still holds (not expired, signed out or changed). */
export interface StreamCaller {
  actor: Actor;
  stillValid(): Promise<boolean>;
}

/**
 * Like `authenticate`, for an event stream that outlives the request: the stream asks `stillValid` before it
 * delivers, so a sign-out, a deactivation, changed rights or the token's expiry end it (the client reconnects with
 * a fresh token, or stops).
 */
export async function authenticateStream(request: FastifyRequest, ctx: Pick<AppContext, 'tokens' | 'db'>): Promise<StreamCaller> {
  const token = bearerToken(request);
  const actor = await actorOfToken(token, ctx);
  return {
    actor,
    stillValid: () =>
      actorOfToken(token, ctx).then(
        () => true,
        () => false,
      ),
  };
}
