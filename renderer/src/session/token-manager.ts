import { AuthError, refresh } from './auth-api.js';
import { sessionFromLogin } from './session-store.js';
import type { StoredSession } from './session-store.js';

const EARLY_REFRESH_MS = 30_000;

/**
 * Hands out a valid access token, refreshing it (POST /api/auth/refresh) shortly before it expires and after the
 * server refused it (a 401 from sync calls onAuthError). Refresh tokens are single-use and rotated, so refreshes
 * never run in parallel. Offline or with the server down, the current token is returned as is (requests fail
 * anyway, and the next one retries): starting offline never signs anyone out. Only a refused refresh ends the
 * session (onExpired, once): the local data stays, unless the account was deactivated (a 403 refusal), when the
 * device must not keep what the account could see (issue 15, item 9). Before giving up, the stored session is read again in case
 * another tab already rotated the refresh token.
 */
export class TokenManager {
  private inflight: Promise<string | null> | null = null;
  private expired = false;

  constructor(
    private session: StoredSession,
    private readonly persist: (s: StoredSession) => Promise<void>,
    private readonly onExpired: (reason: 'expired' | 'deactivated') => void,
    private readonly reload?: () => Promise<StoredSession | null>,
  ) {}

  /** The session as it stands after any refresh. */
  get current(): StoredSession {
    return this.session;
  }

  readonly getAccessToken = (): Promise<string | null> => {
    if (this.expired) return Promise.resolve(null);
    if (Date.now() < this.session.accessExpiresAt - EARLY_REFRESH_MS) return Promise.resolve(this.session.accessToken);
    this.inflight ??= this.refreshNow().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  };

  /** The server refused the token (401): refresh before the next request. */
  readonly onAuthError = (): void => {
    this.session = { ...this.session, accessExpiresAt: 0 };
  };

  private async refreshNow(retried = false): Promise<string | null> {
    try {
      const res = await refresh(this.session.serverUrl, this.session.refreshToken);
      this.session = sessionFromLogin(this.session.serverUrl, res);
      await this.persist(this.session);
      return this.session.accessToken;
    } catch (err) {
      if (!(err instanceof AuthError && err.kind === 'credentials')) return this.session.accessToken;
      const stored = retried ? null : await this.reload?.().catch(() => null);
      if (stored && stored.user.id === this.session.user.id && stored.refreshToken !== this.session.refreshToken) {
        this.session = stored;
        if (Date.now() < stored.accessExpiresAt - EARLY_REFRESH_MS) return stored.accessToken;
        return this.refreshNow(true);
      }
      if (!this.expired) {
        this.expired = true;
        this.onExpired(err.status === 403 ? 'deactivated' : 'expired');
      }
      return null;
    }
  }
}
