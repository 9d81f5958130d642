import type { Database } from '../db/database.js';
import { upsertPasswordHashes } from '../db/queries/credentials.js';
import { analyzeDocuments } from '../db/queries/planner-statistics.js';
import { hashPassword } from '../services/auth/passwords.js';
import { DEMO_PASSWORD, directoryEntries, usersOf } from './directory-data.js';
import { demoConfigItems, seedHistory } from './cmdb-data.js';
import { makeArticle } from './kb-data.js';
import { Random } from './random.js';
import { SeedWriter } from './seed-writer.js';
import { slaSettings } from './sla-data.js';
import { demoChangeManagement } from './change-data.js';
import { makeResponse, makeSurvey } from './survey-data.js';
import { makeEvents, makeTicket, type TicketContext } from './ticket-data.js';
import { versionSnapshot } from '../services/kb/version-snapshots.js';

export interface SeedOptions {
  tickets: number;
  articles: number;
  /** Seed of the pseudo-random generator (same seed, same data). */
  random?: number;
  /** Clock for the generated dates; defaults to now. */
  now?: number;
}

/**
 * Writes a realistic bilingual organisation: directory (groups, category tree, users in every role with the
 * demo password), the shipped SLA calendars and policies, tickets with 0-5 events each, knowledge articles, the active CSAT survey and some responses.
 * Documents go through the same sequence counter as pushes, ~1000 rows per INSERT.
 */
export async function seedDatabase(db: Database, opts: SeedOptions): Promise<void> {
  const rng = new Random(opts.random ?? 20_260_101);
  const now = opts.now ?? Date.now();
  const writer = new SeedWriter(db);
  const directory = directoryEntries(now);
  const { all: users, byGroup } = usersOf(directory);

  const hashes = await Promise.all(users.map(async (user) => ({ userId: user.id, hash: await hashPassword(DEMO_PASSWORD) })));
  await upsertPasswordHashes(db, hashes);

  for (const entry of directory) await writer.add('directory', entry);
  await writer.add('surveys', makeSurvey(now));
  // SLA calendars and policies (the shipped templates), so every client's clocks work from the first sync.
  for (const setting of slaSettings(now)) await writer.add('settings', setting);

  const ctx: TicketContext = { rng, now, users, byGroup };
  for (let i = 0; i < opts.tickets; i++) {
    const ticket = makeTicket(ctx, i);
    await writer.add('tickets', ticket);
    for (const event of makeEvents(ctx, ticket)) await writer.add('ticket_events', event);
    if (ticket.status === 'closed' && rng.chance(0.25)) await writer.add('survey_responses', makeResponse(rng, ticket, now));
  }
  for (let i = 0; i < opts.articles; i++) {
    const article = makeArticle(rng, i, now);
    await writer.add('kb_articles', article);
    // Published and retired articles come with the record of their current version (earlier ones predate the demo).
    if (article.status !== 'draft') await writer.add('kb_article_versions', versionSnapshot(article, article.authorId));
  }
  // The configuration items (with their edges) and their creation history; `deleted` travels as the tombstone flag.
  for (const { deleted: _deleted, ...ci } of demoConfigItems(now)) {
    await writer.add('config_items', ci);
    await writer.add('ci_history', seedHistory({ ...ci, deleted: false }));
  }
  // Change management with the demo tickets: settings and windows, and changes in different phases on the CIs above.
  if (opts.tickets > 0) {
    const changes = demoChangeManagement(now);
    for (const setting of changes.settings) await writer.add('settings', setting);
    for (const ticket of changes.tickets) await writer.add('tickets', ticket);
    for (const event of changes.events) await writer.add('ticket_events', event);
  }
  await writer.finish();
  await analyzeDocuments(db);
}
