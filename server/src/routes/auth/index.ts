import { INVITATION_HOLDER_PATH, SET_PASSWORD_PATH, type LoginResponse } from '@shared';
import '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { ApiError } from '../../http/api-error.js';
import { parseRequest } from '../../http/validate.js';
import { LoginThrottle } from '../../services/auth/login-throttle.js';
import { invitationHolder, setPasswordWithInvitation } from '../../services/auth/invitations.js';
import { invitationBody, loginBody, refreshBody, setPasswordBody } from './schema.js';

/** Sign-in bodies are a few hundred bytes: anything near this is not a sign-in. */
const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

/** Per client address: at most `max` requests a minute to a route, then 429 with Retry-After. */
function perAddressLimit(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: 60_000,
      errorResponseBuilder: (_request: unknown, context: { ttl: number }) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return new ApiError(
          429,
          `Too many sign-in requests from your address. Wait ${seconds} s and try again.`,
          undefined,
          seconds,
        );
      },
    },
  };
}

/** Sign-in, token refresh, sign-out, and choosing a password from an invitation link. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const limited = { config: perAddressLimit(ctx.authRequestsPerMinute), bodyLimit: AUTH_BODY_LIMIT_BYTES };

  app.post('/api/auth/login', limited, async (request): Promise<LoginResponse> => {
    const { email, password } = parseRequest(loginBody, request.body, 'sign-in request');
    const key = LoginThrottle.key(request.ip, await ctx.auth.lockSubject(email));
    const wait = ctx.loginThrottle.retryAfterSeconds(key);
    if (wait > 0) {
      throw new ApiError(
        429,
        `Too many failed sign-ins for this e-mail address from your address. Wait ${wait} s, then try again (or ask an administrator to reset your password).`,
        undefined,
        wait,
      );
    }
    try {
      const session = await ctx.auth.login(email, password);
      ctx.loginThrottle.reset(key);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 401) ctx.loginThrottle.recordFailure(key);
      throw error;
    }
  });

  app.post('/api/auth/refresh', limited, async (request): Promise<LoginResponse> => {
    const { refreshToken } = parseRequest(refreshBody, request.body, 'refresh request');
    return ctx.auth.refresh(refreshToken);
  });

  app.post('/api/auth/logout', { bodyLimit: AUTH_BODY_LIMIT_BYTES }, async (request): Promise<{ ok: true }> => {
    const { refreshToken } = parseRequest(refreshBody, request.body, 'sign-out request');
    await ctx.auth.logout(refreshToken);
    return { ok: true };
  });

  app.post(INVITATION_HOLDER_PATH, limited, async (request): Promise<{ name: string }> => {
    const { token } = parseRequest(invitationBody, request.body, 'invitation link');
    return invitationHolder(ctx.db, token);
  });

  app.post(SET_PASSWORD_PATH, limited, async (request, reply): Promise<void> => {
    const { token, password } = parseRequest(setPasswordBody, request.body, 'new password');
    await setPasswordWithInvitation(ctx.db, token, password);
    void reply.code(204);
  });
}
