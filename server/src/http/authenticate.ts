import type { Actor } from '@shared';
import type { FastifyRequest } from 'fastify';
import type { AccessTokens } from '../services/auth/access-tokens.js';
import { unauthorized } from './api-error.js';

/** The caller of a request, from its `Authorization: Bearer <token>` header; 401 when missing or invalid. */
export async function authenticate(request: FastifyRequest, tokens: AccessTokens): Promise<Actor> {
  const header = request.headers.authorization;
  if (!header) {
    throw unauthorized('Sign in first: send your access token in an "Authorization: Bearer <token>" header.');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must read "Bearer <access token>".');
  return tokens.verify(match[1]);
}
