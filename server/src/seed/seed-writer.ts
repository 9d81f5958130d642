import type { Database } from '../db/database.js';
import { upsertDocuments, WRITE_BATCH_ROWS } from '../db/queries/documents.js';
import { notifyChange, reserveSequence } from '../db/queries/sequence.js';

type Doc = { id: string } & object;

/**
 * Buffers seeded documents per collection and writes them ~1000 rows per statement, each batch in its own
 * transaction that takes its sequence numbers from the shared counter (like a push does).
 */
export class SeedWriter {
  private readonly buffers = new Map<string, Doc[]>();
  private readonly lastSeq = new Map<string, number>();
  written = 0;

  constructor(private readonly db: Database) {}

  async add(collection: string, doc: Doc): Promise<void> {
    let buffer = this.buffers.get(collection);
    if (!buffer) this.buffers.set(collection, (buffer = []));
    buffer.push(doc);
    if (buffer.length >= WRITE_BATCH_ROWS) await this.flush(collection);
  }

  async flush(collection: string): Promise<void> {
    const docs = this.buffers.get(collection) ?? [];
    if (docs.length === 0) return;
    this.buffers.set(collection, []);
    const last = await this.db.transaction(async (tx) => {
      const top = await reserveSequence(tx, docs.length);
      let seq = top - docs.length;
      await upsertDocuments(
        tx,
        collection,
        docs.map((doc) => ({ id: doc.id, seq: ++seq, data: { ...doc }, deleted: false })),
      );
      return top;
    });
    this.lastSeq.set(collection, last);
    this.written += docs.length;
  }

  /** Writes what is left and tells listening instances that the collections changed. */
  async finish(): Promise<void> {
    for (const collection of [...this.buffers.keys()]) await this.flush(collection);
    await this.db.transaction(async (tx) => {
      for (const [collection, seq] of this.lastSeq) await notifyChange(tx, collection, seq);
    });
  }
}
