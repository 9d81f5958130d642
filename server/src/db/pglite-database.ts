import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type { Database, Queryable, SqlParam } from './database.js';

const MEMORY = 'memory://';

function wrap(target: PGlite | PGliteTransaction): Queryable {
  return {
    async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
      const result = await target.query<R>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/** Opens an embedded PGlite database in `dataDir` (created when missing) or in memory for `memory://`. */
export async function openPGliteDatabase(dataDir: string): Promise<Database> {
  if (dataDir !== MEMORY && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const self = wrap(pg);
  return {
    kind: 'pglite',
    ...self,
    reads: self,
    // PGlite runs one transaction at a time and queues other queries behind it.
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async listen(channel, onNotify) {
      const unlisten = await pg.listen(channel, onNotify);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
