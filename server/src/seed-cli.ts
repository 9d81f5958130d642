import { parseArgs } from 'node:util';
import { databaseFromEnv } from './config/env.js';
import { openDatabase } from './db/open-database.js';
import { seedDatabase } from './seed/index.js';

const USAGE = 'Usage: npm run seed -- [--tickets N] [--articles M] [--random SEED]  (DATABASE_URL or DATA_DIR like the server)';

function count(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number of 0 or more, not "${raw}".\n${USAGE}`);
  return n;
}

/** `npm run seed -- --tickets N --articles M`: seeds the database the server would use. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tickets: { type: 'string' }, articles: { type: 'string' }, random: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const tickets = count(values.tickets, 'tickets', 300);
  const articles = count(values.articles, 'articles', 60);
  const random = values.random === undefined ? undefined : count(values.random, 'random', 0);
  const target = databaseFromEnv(process.env);
  console.log(
    `Seeding ${tickets} tickets and ${articles} articles into ${target.databaseUrl ? 'PostgreSQL' : `PGlite in ${target.dataDir}`}...`,
  );
  const started = Date.now();
  const db = await openDatabase(target);
  try {
    await seedDatabase(db, { tickets, articles, random });
  } finally {
    await db.close();
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
