import { can, reviewByViolations, withRating, type ArticleRating, type KbArticle, type RuleViolation } from '@shared';
import type { DataNetwork } from '../presence/presence-client.js';
import { requestJson } from '../replication/http.js';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';

const asActor = (actor: CommandActor) => ({ id: actor.id, role: actor.role ?? 'agent', groupIds: actor.groupIds ?? [] });

/** True when this person may rate articles (the shared policy). */
export function canRateArticles(actor: CommandActor): boolean {
  return actor.role !== undefined && can(asActor(actor), 'kb.rate');
}

/** True when this person may set review dates (the shared policy: who writes articles). */
export function canSetReviewDate(actor: CommandActor): boolean {
  return actor.role !== undefined && can(asActor(actor), 'kb.review.set');
}

/**
 * Sets (or with null withdraws) the reader's own rating, on this device: it works offline and syncs. It is not an
 * edit of the article, so neither its author nor its update time changes.
 */
export async function rateArticle(
  db: DeskDatabase,
  id: string,
  value: ArticleRating | null,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  if (!canRateArticles(actor)) return [{ code: 'not_permitted', field: 'ratings', message: 'Your role may not rate articles.' }];
  const doc = await db.kb_articles.findOne(id).exec();
  if (!doc) return [{ code: 'rating_unknown_article', field: 'ratings', message: 'Only an existing article can be rated.' }];
  // Modified from the stored state at write time: a rating pulled meanwhile is kept, never overwritten by a copy.
  await doc.incrementalModify((data) => ({ ...data, ratings: withRating(data.ratings, actor.id, value, Date.now()) }));
  return [];
}

/** Sets an article's review date (`YYYY-MM-DD`), for whoever may write articles; works offline. */
export async function setArticleReviewDate(
  db: DeskDatabase,
  id: string,
  reviewBy: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  if (!canSetReviewDate(actor))
    return [{ code: 'not_permitted', field: 'reviewBy', message: 'Your role may not set review dates.' }];
  const violations = reviewByViolations(reviewBy, Date.now());
  if (violations.length > 0) return violations;
  const doc = await db.kb_articles.findOne(id).exec();
  if (!doc) return [{ code: 'not_found', field: 'id', message: `Article ${id} is not on this device.` }];
  const previous: KbArticle = doc.toMutableJSON();
  if (previous.reviewBy === reviewBy) return [];
  await doc.incrementalPatch({ reviewBy, authorId: actor.id, updatedAt: Math.max(Date.now(), previous.updatedAt + 1) });
  return [];
}

/**
 * Tells the server the reader opened the article (it counts once per person and day). Sent only when online and
 * dropped otherwise: a view is worth less than a queue that would replay a day's openings at once.
 */
export async function sendArticleView(network: DataNetwork | null, articleId: string): Promise<void> {
  if (!network || !network.connectivity.isOnline()) return;
  await requestJson(network, `/api/kb/articles/${encodeURIComponent(articleId)}/views`, { method: 'POST' }).catch(
    () => undefined,
  );
}
