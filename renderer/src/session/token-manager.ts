import { AuthError, refresh } from './auth-api.js';
import { sessionFromLogin } from './session-store.js';
import type { StoredSession } from './session-store.js';

const EARLY_REFRESH_MS = 30_000;

/**
 * Hands out a valid access token, refreshing it shortly before it expires. Refresh tokens are single-use and
 * rotated, so refreshes never run in parallel. Offline, the current token is returned as is (requests fail anyway);
 * a refused refresh means the session is over.
 */
export class TokenManager {
  private inflight: Promise<string | null> | null = null;

  constructor(
    private session: StoredSession,
    private readonly persist: (s: StoredSession) => Promise<void>,
    private readonly onExpired: () => void,
  ) {}

  readonly getAccessToken = (): Promise<string | null> => {
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

  private async refreshNow(): Promise<string | null> {
    try {
      const res = await refresh(this.session.serverUrl, this.session.refreshToken);
      this.session = sessionFromLogin(this.session.serverUrl, res);
      await this.persist(this.session);
      return this.session.accessToken;
    } catch (err) {
      if (err instanceof AuthError && err.kind === 'credentials') {
        this.onExpired();
        return null;
      }
      return this.session.accessToken;
    }
  }
}
