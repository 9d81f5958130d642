import type { ApiErrorBody } from '@shared';

/** A failed HTTP exchange with the sync server, carrying the server's ApiErrorBody when there is one. */
export class SyncHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
  get isAuth(): boolean {
    return this.status === 401;
  }
}

/** The device could not reach the server at all (offline, DNS, refused connection). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

function isApiErrorBody(v: unknown): v is ApiErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as ApiErrorBody).message === 'string';
}

export interface RequestContext {
  serverUrl: string;
  fetchImpl: typeof fetch;
  getAccessToken: () => string | null | Promise<string | null>;
  onAuthError?: () => void;
}

export function joinUrl(serverUrl: string, path: string): string {
  return serverUrl.replace(/\/+$/, '') + path;
}

/** Sends an authenticated JSON request; throws SyncHttpError or NetworkError on failure. */
export async function requestJson<T>(ctx: RequestContext, path: string, init: RequestInit = {}): Promise<T> {
  const token = await ctx.getAccessToken();
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await ctx.fetchImpl(joinUrl(ctx.serverUrl, path), { ...init, headers });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) {
    const body = isApiErrorBody(parsed) ? parsed : null;
    if (res.status === 401) ctx.onAuthError?.();
    throw new SyncHttpError(body?.message ?? `HTTP ${res.status}`, res.status, body);
  }
  return parsed as T;
}
