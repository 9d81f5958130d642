import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, variantTitle, type TestDatabase } from '../../test-support/backends.js';
import type { Database } from '../database.js';
import { runMigrations } from '../migrate.js';
import { openPGliteDatabase } from '../pglite-database.js';
import { openPostgresDatabase } from '../postgres-database.js';
import { MIGRATIONS } from './index.js';

const backends = await testBackends();

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('migration 008: ticket numbers are unique', backend), () => {
    let store: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      store = await backend.create();
      db = store.databaseUrl
        ? await openPostgresDatabase(store.databaseUrl)
        : await openPGliteDatabase(store.dataDir ?? 'memory://');
      // The schema as it was before: a device could push a number another ticket already had.
      await runMigrations(
        db,
        MIGRATIONS.filter((migration) => migration.version < 8),
      );
    });
    afterAll(async () => {
      await db?.close();
      await store?.dispose();
    });

    const numbers = async (): Promise<Record<string, { number: string; seq: number }>> => {
      const rows = await db.query<{ id: string; number: string; seq: string | number }>(
        "SELECT id, data->>'number' AS number, seq FROM sync_documents WHERE collection = 'tickets' ORDER BY id",
      );
      return Object.fromEntries(rows.map((row) => [row.id, { number: row.number, seq: Number(row.seq) }]));
    };

    it('renumbers the later holders of a shared number, moves them up the sequence, then refuses any duplicate', async () => {
      await db.exec(`
        UPDATE sync_counter SET value = 4 WHERE id = 1;
        INSERT INTO sync_documents (collection, id, seq, data, deleted) VALUES
          ('tickets', 't-first', 1, '{"id": "t-first", "number": "INC0001001"}', false),
          ('tickets', 't-copy', 2, '{"id": "t-copy", "number": "INC0001001"}', false),
          ('tickets', 't-copy-deleted', 3, '{"id": "t-copy-deleted", "number": "INC0001001"}', true),
          ('tickets', 't-alone', 4, '{"id": "t-alone", "number": "INC0001002"}', false);`);
      expect(await runMigrations(db)).toContain(8);

      const after = await numbers();
      expect(after['t-first']).toEqual({ number: 'INC0001001', seq: 1 });
      expect(after['t-alone']).toEqual({ number: 'INC0001002', seq: 4 });
      for (const id of ['t-copy', 't-copy-deleted']) {
        expect(after[id].number).toMatch(/^INC0001001-[0-9a-f]{6}$/);
        expect(after[id].number.length).toBeLessThanOrEqual(24);
        // Above every earlier sequence number, so devices pull the new number.
        expect(after[id].seq).toBeGreaterThan(4);
      }
      expect(after['t-copy'].number).not.toBe(after['t-copy-deleted'].number);
      const [counter] = await db.query<{ value: string | number }>('SELECT value FROM sync_counter WHERE id = 1');
      expect(Number(counter.value)).toBe(6);

      await expect(
        db.exec(`INSERT INTO sync_documents (collection, id, seq, data) VALUES
          ('tickets', 't-late', 7, '{"id": "t-late", "number": "INC0001002"}')`),
      ).rejects.toThrow(/sync_documents_ticket_number|duplicate key/);
      // Other collections may repeat a ticket's number (an article's KB number space is its own).
      await db.exec(`INSERT INTO sync_documents (collection, id, seq, data) VALUES
        ('kb_articles', 'a-1', 8, '{"id": "a-1", "number": "INC0001002"}')`);
    });
  });
});
