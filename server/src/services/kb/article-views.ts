import { can, dayOf, type Actor } from '@shared';
import type { Database, Queryable } from '../../db/database.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { insertArticleView } from '../../db/queries/kb-article-views.js';
import { lockSequence } from '../../db/queries/sequence.js';
import { forbidden, notFound } from '../../http/api-error.js';
import { writeServerDocuments } from '../sync/server-writes.js';

/**
 * Counts a person's opening of an article, once per person, article and day. Only a first view of the day writes
 * the article (its `views`), so the count replicates without a write per opening. Returns the article's count.
 */
export async function recordArticleView(db: Database, actor: Actor, articleId: string, now: number): Promise<number> {
  if (!can(actor, 'kb.read')) throw forbidden('Your role does not read the knowledge base.');
  return db.transaction(async (tx) => {
    const seen = await liveArticle(tx, articleId);
    // A repeat view of the day writes nothing, so it takes no write lock: opening an article never waits on pushes.
    if (!(await insertArticleView(tx, articleId, actor.id, dayOf(now)))) return Number(seen.data.views ?? 0);
    // A first view writes the article: under the sequence lock, as pushes write, and re-read there so that a push
    // committed meanwhile is not overwritten.
    await lockSequence(tx);
    const stored = await liveArticle(tx, articleId);
    // Added to what the article shows rather than recounted, so imported or seeded counts carry on.
    const views = Number(stored.data.views ?? 0) + 1;
    await writeServerDocuments(tx, 'kb_articles', [{ ...stored.data, id: articleId, views, _deleted: false }]);
    return views;
  });
}

async function liveArticle(tx: Queryable, articleId: string) {
  const stored = (await loadDocuments(tx, 'kb_articles', [articleId])).get(articleId);
  if (!stored || stored.deleted) throw notFound(`Article "${articleId}" does not exist.`);
  return stored;
}
