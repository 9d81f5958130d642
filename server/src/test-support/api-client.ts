import type { LoginResponse, PullResponse } from '@shared';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type Doc = Record<string, unknown> & { id: string; _deleted: boolean };

/** A push row with any document type (the server validates the shape). */
export interface TestPushRow {
  assumedMasterState?: object | null;
  newDocumentState: object;
}

/** A thin fetch wrapper for tests: JSON in, JSON out, optional bearer token. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string | Buffer; contentType?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  async login(email: string, password = 'demo-pass-2026'): Promise<LoginResponse> {
    const response = await this.request<LoginResponse>('POST', '/api/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  pull(token: string, collection: string, checkpoint?: number | null, limit?: number): Promise<ApiResponse<PullResponse<Doc>>> {
    const query = new URLSearchParams();
    if (checkpoint !== undefined && checkpoint !== null) query.set('checkpoint', String(checkpoint));
    if (limit !== undefined) query.set('limit', String(limit));
    return this.request('GET', `/api/sync/${collection}/pull?${query.toString()}`, { token });
  }

  push(token: string, collection: string, rows: TestPushRow[]): Promise<ApiResponse<Doc[]>> {
    return this.request('POST', `/api/sync/${collection}/push`, { token, body: rows });
  }

  /** Pulls a collection to the end; returns the final state by id and the last checkpoint. */
  async pullAll(
    token: string,
    collection: string,
    from: number | null = null,
    limit = 500,
  ): Promise<{ docs: Map<string, Doc>; checkpoint: number | null }> {
    const docs = new Map<string, Doc>();
    let checkpoint = from;
    for (;;) {
      const response = await this.pull(token, collection, checkpoint, limit);
      if (response.status !== 200) throw new Error(`pull failed: ${response.status} ${JSON.stringify(response.body)}`);
      for (const doc of response.body.documents) docs.set(doc.id, doc);
      if (response.body.documents.length === 0) return { docs, checkpoint };
      checkpoint = response.body.checkpoint?.seq ?? checkpoint;
    }
  }
}
