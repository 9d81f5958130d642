import { createHash, randomBytes } from 'node:crypto';
import type { LoginResponse, SessionUser } from '@shared';
import type { Database } from '../../db/database.js';
import { findPasswordHash } from '../../db/queries/credentials.js';
import { findUserByEmail, findUserById } from '../../db/queries/directory.js';
import {
  consumeRefreshToken,
  deleteExpiredRefreshTokens,
  findUsedTokenFamily,
  insertRefreshToken,
  denySession,
  revokeTokenFamily,
} from '../../db/queries/refresh-tokens.js';
import { forbidden, unauthorized } from '../../http/api-error.js';
import type { AccessTokens } from './access-tokens.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { sessionUserFrom } from './session-user.js';

export const REFRESH_TOKEN_TTL_DAYS = 30;
const BAD_CREDENTIALS = 'The e-mail address or password is incorrect. Check both and try again.';
const DEACTIVATED = 'This account is deactivated. Ask an administrator to reactivate it.';
const BAD_REFRESH = 'This refresh token is unknown, expired or already used. Sign in again with your e-mail and password.';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Sign-in, token refresh (rotating, single-use refresh tokens) and sign-out. */
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly tokens: AccessTokens,
  ) {}

  /**
   * What the failed-attempt lock counts against: the account the database matches (so every spelling that
   * signs in as it, Unicode case variants included, shares one lock), or the typed address when none matches.
   */
  async lockSubject(email: string): Promise<string> {
    const doc = await findUserByEmail(this.db, email.trim());
    const user = doc ? sessionUserFrom(doc) : null;
    return user ? `user:${user.id}` : `unknown:${email.trim().toLowerCase()}`;
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    const doc = await findUserByEmail(this.db, email.trim());
    const user = doc ? sessionUserFrom(doc) : null;
    const hash = user ? await findPasswordHash(this.db, user.id) : null;
    if (!user || !hash) {
      await burnPasswordCheck(password);
      throw unauthorized(BAD_CREDENTIALS);
    }
    // Deactivated first, with one answer whatever the password: a different answer would confirm it.
    if (!user.active) {
      await burnPasswordCheck(password);
      throw forbidden(DEACTIVATED);
    }
    if (!(await verifyPassword(password, hash))) throw unauthorized(BAD_CREDENTIALS);
    return this.issue(user);
  }

  async refresh(refreshToken: string): Promise<LoginResponse> {
    const hash = hashToken(refreshToken);
    const consumed = await consumeRefreshToken(this.db, hash);
    if (!consumed) {
      // A rotated token used again means a copy exists elsewhere: revoke every token issued from that sign-in.
      const family = await findUsedTokenFamily(this.db, hash);
      if (family) await this.endSession(family);
      throw unauthorized(BAD_REFRESH);
    }
    const { userId, familyId } = consumed;
    const doc = await findUserById(this.db, userId);
    const user = doc ? sessionUserFrom(doc) : null;
    if (!user) throw unauthorized('This account no longer exists. Ask an administrator.');
    if (!user.active) throw forbidden(DEACTIVATED);
    return this.issue(user, familyId);
  }

  /** Revokes the sign-in's whole token chain; unknown or used tokens are ignored (sign-out is idempotent). */
  async logout(refreshToken: string): Promise<void> {
    const consumed = await consumeRefreshToken(this.db, hashToken(refreshToken));
    if (consumed) await this.endSession(consumed.familyId);
  }

  /** Ends a sign-in: its refresh chain is used up and its access tokens are refused until they expire. */
  private async endSession(familyId: string): Promise<void> {
    await revokeTokenFamily(this.db, familyId);
    await denySession(this.db, familyId, this.tokens.ttlSeconds);
  }

  /** Issues an access and a refresh token; `familyId` continues a sign-in's chain, absent starts one. */
  private async issue(
    user: SessionUser & { active?: boolean },
    familyId = randomBytes(16).toString('hex'),
  ): Promise<LoginResponse> {
    const session: SessionUser = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      groupIds: user.groupIds,
      locale: user.locale,
    };
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await insertRefreshToken(this.db, hashToken(refreshToken), user.id, expiresAt, familyId);
    // Expired tokens are pruned as new ones are issued: the table holds live sessions, not history.
    await deleteExpiredRefreshTokens(this.db);
    const accessToken = await this.tokens.sign(session, familyId);
    return { accessToken, expiresIn: this.tokens.ttlSeconds, refreshToken, user: session };
  }
}
