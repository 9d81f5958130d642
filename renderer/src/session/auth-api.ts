import type { ApiErrorBody, LoginResponse } from '@shared';

/**
 * Why signing in or refreshing failed: 'credentials' (401/400; 403: the account is deactivated), 'network' (server
 * unreachable) or 'server'.
 */
export class AuthError extends Error {
  constructor(
    readonly kind: 'credentials' | 'network' | 'server',
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

async function post(serverUrl: string, path: string, body: unknown, signal?: AbortSignal): Promise<LoginResponse> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    throw new AuthError('network', err instanceof Error ? err.message : String(err));
  }
  const data = (await res.json().catch(() => null)) as LoginResponse | ApiErrorBody | null;
  if (!res.ok) {
    const message = data && 'message' in data ? data.message : `HTTP ${res.status}`;
    const kind = res.status === 400 || res.status === 401 || res.status === 403 ? 'credentials' : 'server';
    throw new AuthError(kind, message, res.status);
  }
  return data as LoginResponse;
}

export function login(serverUrl: string, email: string, password: string): Promise<LoginResponse> {
  return post(serverUrl, '/api/auth/login', { email, password });
}

export function refresh(serverUrl: string, refreshToken: string): Promise<LoginResponse> {
  return post(serverUrl, '/api/auth/refresh', { refreshToken });
}

/** Revokes the refresh token on the server (best effort: a sign-out must work offline too). Never throws. */
export async function logout(serverUrl: string, refreshToken: string, timeoutMs = 3000): Promise<void> {
  await post(serverUrl, '/api/auth/logout', { refreshToken }, AbortSignal.timeout(timeoutMs)).catch(() => undefined);
}
