import type { LoginResponse } from '@shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { parseRequest } from '../../http/validate.js';
import { loginBody, refreshBody } from './schema.js';

/** Sign-in, token refresh and sign-out. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/auth/login', async (request): Promise<LoginResponse> => {
    const { email, password } = parseRequest(loginBody, request.body, 'sign-in request');
    return ctx.auth.login(email, password);
  });

  app.post('/api/auth/refresh', async (request): Promise<LoginResponse> => {
    const { refreshToken } = parseRequest(refreshBody, request.body, 'refresh request');
    return ctx.auth.refresh(refreshToken);
  });

  app.post('/api/auth/logout', async (request): Promise<{ ok: true }> => {
    const { refreshToken } = parseRequest(refreshBody, request.body, 'sign-out request');
    await ctx.auth.logout(refreshToken);
    return { ok: true };
  });
}
