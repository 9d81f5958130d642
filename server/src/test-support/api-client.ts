import { INITIAL_STATUSES, jsonEqual } from '@shared';
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

  /**
   * Pushes new documents that must all be accepted and returns them as stored: the push's answer for those the
   * server stamped (a ticket's number, who wrote it: SERVER_SET_FIELDS), the pushed state for the others. Throws on
   * anything else (a refusal, a conflict, a change beyond those fields), so a test building on it starts from the truth.
   */
  async create<T extends { id: string }>(token: string, collection: string, docs: readonly T[]): Promise<T[]> {
    const response = await this.push(
      token,
      collection,
      docs.map((doc) => ({ newDocumentState: doc })),
    );
    if (response.status !== 200) throw new Error(`create refused: ${response.status} ${JSON.stringify(response.body)}`);
    const answered = new Map(response.body.map((doc) => [doc.id, doc]));
    return docs.map((doc) => {
      const stored = answered.get(doc.id);
      if (!stored) return doc;
      const rest = (d: object): Record<string, unknown> =>
        Object.fromEntries(Object.entries(d).filter(([key]) => !SERVER_SET_FIELDS.includes(key)));
      if (!jsonEqual(rest(stored), rest(doc)))
        throw new Error(`create answered a conflict: ${JSON.stringify(stored)} for ${JSON.stringify(doc)}`);
      return stored as unknown as T;
    });
  }

  /**
   * A ticket stored in `doc.status` the way a device gets it there: created in an initial status (INITIAL_STATUSES),
   * then moved along its lifecycle in one more push (the server accepts a jump of several legal steps). Returns the
   * stored state; throws when either push is not accepted as it is.
   */
  async createTicketIn<T extends { id: string; status: string }>(token: string, doc: T): Promise<T> {
    const initial = (INITIAL_STATUSES as readonly string[]).includes(doc.status) ? doc.status : 'new';
    const [created] = await this.create(token, 'tickets', [{ ...doc, status: initial }]);
    if (initial === doc.status) return created;
    const moved = {
      ...doc,
      number: (created as Record<string, unknown>).number,
      updatedBy: (created as Record<string, unknown>).updatedBy,
    };
    const response = await this.push(token, 'tickets', [{ assumedMasterState: created, newDocumentState: moved }]);
    if (response.status !== 200 || response.body.length > 0)
      throw new Error(`moving ${doc.id} to ${doc.status} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return moved;
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

/** Fields the server sets on every write, whatever the device sent (services/sync/server-stamps.ts). */
export const SERVER_SET_FIELDS: readonly string[] = ['number', 'updatedBy', 'authorId'];
