import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ROLES, type Actor, type Role, type SessionUser } from '@shared';
import { unauthorized } from '../../http/api-error.js';

const ISSUER = 'servicedesk';
const ALGORITHM = 'HS256';

/** Signs and verifies the short-lived bearer tokens (JWT HS256) that carry who the caller is. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for this user: sub = user id, with role and groupIds claims. */
  async sign(user: Pick<SessionUser, 'id' | 'role' | 'groupIds'>, sessionId?: string): Promise<string> {
    // sid names the sign-in, so signing out can refuse this token before it expires.
    return new SignJWT({ role: user.role, groupIds: user.groupIds, ...(sessionId ? { sid: sessionId } : {}) })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The caller described by a token; throws 401 with a clear message when it is expired or not ours. */
  async verify(token: string): Promise<Actor> {
    return (await this.verifySession(token)).actor;
  }

  /** The caller and the sign-in (`sid`, null for tokens without one) a token belongs to. */
  async verifySession(token: string): Promise<{ actor: Actor; sessionId: string | null }> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw unauthorized('Your access token has expired. Refresh it with POST /api/auth/refresh or sign in again.');
      }
      throw unauthorized('The access token is invalid (malformed or not signed by this server). Sign in again.');
    }
    const { sub, role, groupIds, sid } = payload;
    const validRole = typeof role === 'string' && (ROLES as readonly string[]).includes(role);
    const validGroups = Array.isArray(groupIds) && groupIds.every((g) => typeof g === 'string');
    if (typeof sub !== 'string' || !sub || !validRole || !validGroups) {
      throw unauthorized('The access token lacks the user, role or groups claims. Sign in again.');
    }
    return { actor: { id: sub, role: role as Role, groupIds }, sessionId: typeof sid === 'string' ? sid : null };
  }
}
