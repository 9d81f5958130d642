import type { Database } from '../db/database.js';
import { isEmpty } from '../db/queries/documents.js';
import { claimSetting } from '../db/queries/settings.js';
import { seedDatabase } from './seed-database.js';

export const DEMO_TICKETS = 300;
export const DEMO_ARTICLES = 60;

/**
 * Seeds the demo data set when the database holds no documents yet. Only the instance that claims the
 * `demo_seeded` setting seeds, so instances starting together on one PostgreSQL do not seed twice.
 * Returns true when it seeded.
 */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  if (!(await claimSetting(db, 'demo_seeded', new Date().toISOString()))) return false;
  await seedDatabase(db, { tickets: DEMO_TICKETS, articles: DEMO_ARTICLES });
  return true;
}
