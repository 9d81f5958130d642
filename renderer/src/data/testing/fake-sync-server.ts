import { jsonEqual } from '@shared';
import type { PushRow } from '@shared';
import type { PlainDoc } from '../types.js';

interface Stored {
  doc: PlainDoc;
  seq: number;
}

/**
 * An in-process stand-in for the sync server, speaking the wire protocol of shared/src/sync/protocol.ts through a
 * `fetch` function. Tests use it to drive the replication without sockets; `reachable = false` simulates a cut.
 */
export class FakeSyncServer {
  private seq = 0;
  private readonly data = new Map<string, Map<string, Stored>>();
  private readonly streams = new Set<{ collection: string; push: (chunk: string) => void }>();
  reachable = true;
  readonly requests: string[] = [];

  private table(collection: string): Map<string, Stored> {
    let t = this.data.get(collection);
    if (!t) this.data.set(collection, (t = new Map<string, Stored>()));
    return t;
  }

  /** Writes a document as another client would, bumping the sequence and notifying streams. */
  put(collection: string, doc: PlainDoc): void {
    this.table(collection).set(String(doc.id), { doc: { ...doc, _deleted: doc._deleted === true }, seq: ++this.seq });
    for (const s of this.streams) if (s.collection === collection) s.push('data: RESYNC\n\n');
  }

  get(collection: string, id: string): PlainDoc | undefined {
    return this.table(collection).get(id)?.doc;
  }

  all(collection: string): PlainDoc[] {
    return [...this.table(collection).values()].map((s) => s.doc);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    this.requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    await Promise.resolve();
    if (!this.reachable) throw new TypeError('fetch failed');
    const m = /^\/api\/sync\/([a-z_]+)\/(pull|push|stream)$/.exec(url.pathname);
    if (!m) return json(404, { statusCode: 404, error: 'Not Found', message: 'No route' });
    const [, collection, op] = m;
    if (op === 'pull')
      return json(
        200,
        this.pull(collection, Number(url.searchParams.get('checkpoint') ?? 0), Number(url.searchParams.get('limit') ?? 500)),
      );
    if (op === 'push')
      return json(
        200,
        this.push(collection, JSON.parse(typeof init?.body === 'string' ? init.body : '[]') as PushRow<PlainDoc>[]),
      );
    return this.stream(collection, init?.signal ?? undefined);
  };

  private pull(collection: string, after: number, limit: number) {
    const rows = [...this.table(collection).values()]
      .filter((s) => s.seq > after)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
    const last = rows.at(-1);
    return { documents: rows.map((r) => r.doc), checkpoint: { seq: last ? last.seq : after } };
  }

  private push(collection: string, rows: PushRow<PlainDoc>[]): PlainDoc[] {
    const conflicts: PlainDoc[] = [];
    for (const row of rows) {
      const id = String(row.newDocumentState.id);
      const master = this.table(collection).get(id)?.doc;
      if (master && (!row.assumedMasterState || !jsonEqual(master, row.assumedMasterState))) {
        conflicts.push(master);
      } else {
        this.put(collection, row.newDocumentState);
      }
    }
    return conflicts;
  }

  private stream(collection: string, signal: AbortSignal | undefined): Response {
    const encoder = new TextEncoder();
    let entry: { collection: string; push: (chunk: string) => void } | undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        entry = { collection, push: (chunk) => controller.enqueue(encoder.encode(chunk)) };
        this.streams.add(entry);
        signal?.addEventListener('abort', () => {
          if (entry) this.streams.delete(entry);
          controller.error(new DOMException('aborted', 'AbortError'));
        });
      },
      cancel: () => {
        if (entry) this.streams.delete(entry);
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }

  /** Number of open live streams (to check they close when offline). */
  get openStreams(): number {
    return this.streams.size;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
