import type { KbArticle } from '../schemas/kb-article.js';
import type { RuleViolation } from './ticket-rules.js';
import { jsonEqual } from './three-way-merge.js';

/** What a reader may say of an article. */
export const ARTICLE_RATINGS = ['helpful', 'not_helpful'] as const;
export type ArticleRating = (typeof ARTICLE_RATINGS)[number];

/** One person's current rating of an article, and when they gave it (their device's clock). */
export interface ArticleRatingEntry {
  value: ArticleRating;
  at: number;
}

/**
 * Every reader's current rating, keyed by their user id. A key per person makes "at most one current rating" a
 * property of the shape, and lets two people's offline ratings merge key by key without a clash.
 */
export type ArticleRatings = Record<string, ArticleRatingEntry>;

/** How many readers found an article helpful, and how many did not. */
export interface RatingCounts {
  helpful: number;
  notHelpful: number;
}

/** True for a value a rating may hold. */
export function isArticleRating(value: unknown): value is ArticleRating {
  return typeof value === 'string' && (ARTICLE_RATINGS as readonly string[]).includes(value);
}

/** Counts each person's current rating once; entries that are not a valid rating are ignored. */
export function countRatings(ratings: ArticleRatings | undefined): RatingCounts {
  const counts: RatingCounts = { helpful: 0, notHelpful: 0 };
  for (const entry of Object.values(ratings ?? {})) {
    if (entry.value === 'helpful') counts.helpful += 1;
    else if (entry.value === 'not_helpful') counts.notHelpful += 1;
  }
  return counts;
}

/** The reader's own current rating of the article, if any. */
export function ratingOf(ratings: ArticleRatings | undefined, userId: string): ArticleRating | null {
  const entry = ratings?.[userId];
  return entry && isArticleRating(entry.value) ? entry.value : null;
}

/** The ratings with this person's rating set (replacing any earlier one), or removed when `value` is null. */
export function withRating(
  ratings: ArticleRatings | undefined,
  userId: string,
  value: ArticleRating | null,
  at: number,
): ArticleRatings {
  const { [userId]: _previous, ...others } = ratings ?? {};
  return value === null ? others : { ...others, [userId]: { value, at } };
}

/** The same rating given at the same time (or no rating on either side). */
function sameEntry(x: ArticleRatingEntry | undefined, y: ArticleRatingEntry | undefined): boolean {
  return x?.value === y?.value && x?.at === y?.at;
}

/**
 * Merges two versions of the ratings person by person: a person's entry changed on one side only takes that side;
 * changed on both (the same person on two devices), the later rating wins. Nobody's rating is lost or counted twice.
 */
export function mergeRatings(
  base: ArticleRatings | undefined,
  local: ArticleRatings | undefined,
  remote: ArticleRatings | undefined,
): ArticleRatings {
  const b = base ?? {};
  const l = local ?? {};
  const r = remote ?? {};
  const out: ArticleRatings = {};
  for (const userId of new Set([...Object.keys(l), ...Object.keys(r)])) {
    const localChanged = !sameEntry(b[userId], l[userId]);
    const remoteChanged = !sameEntry(b[userId], r[userId]);
    let entry = r[userId];
    if (localChanged && !remoteChanged) entry = l[userId];
    else if (localChanged && remoteChanged && l[userId] && r[userId] && l[userId].at > r[userId].at) entry = l[userId];
    if (entry) out[userId] = entry;
  }
  return out;
}

/** True when two versions of an article differ in their ratings and nothing else (a reader rated it). */
export function onlyRatingsChanged(beforeDoc: object, afterDoc: object): boolean {
  const before = beforeDoc as Record<string, unknown>;
  const after = afterDoc as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => k !== '_deleted'));
  const differing = [...keys].filter((k) => !jsonEqual(before[k], after[k]));
  return differing.length > 0 && differing.every((k) => k === 'ratings');
}

/** The people whose rating differs between two versions of the ratings. */
export function changedRaters(before: ArticleRatings | undefined, after: ArticleRatings | undefined): string[] {
  const b = before ?? {};
  const a = after ?? {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((id) => !sameEntry(b[id], a[id]));
}

/**
 * Why a write's rating change is refused: a person changes only their own rating, with a valid value, and only on
 * an article that exists (a new article starts with no ratings).
 */
export function ratingViolations(
  actorId: string,
  next: ArticleRatings | undefined,
  previous: ArticleRatings | undefined,
  isNew: boolean,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const changed = changedRaters(previous, next);
  if (isNew && Object.keys(next ?? {}).length > 0) {
    out.push({ code: 'rating_unknown_article', field: 'ratings', message: 'Only an existing article can be rated.' });
    return out;
  }
  if (changed.some((id) => id !== actorId)) {
    out.push({ code: 'rating_not_yours', field: 'ratings', message: 'You may only give or change your own rating.' });
  }
  for (const id of changed) {
    const entry = next?.[id];
    if (entry && !isArticleRating(entry.value)) {
      out.push({ code: 'rating_value', field: 'ratings', message: 'A rating is "helpful" or "not_helpful".' });
    }
  }
  return out;
}

/** Months after publication by which an article is to be reviewed, unless its author sets another date. */
export const REVIEW_INTERVAL_MONTHS = 12;
/** How far ahead a review date may be set: further than this is a typo, not a plan. */
export const MAX_REVIEW_AHEAD_MONTHS = 36;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (UTC, `YYYY-MM-DD`) of a time. */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The day `months` months after `time` (UTC; the 31st becomes the month's last day as Date arithmetic does). */
export function addMonthsToDay(time: number, months: number): string {
  const d = new Date(time);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return dayOf(target.getTime());
}

/** The default review date of an article published at `publishedAt`. */
export function defaultReviewBy(publishedAt: number): string {
  return addMonthsToDay(publishedAt, REVIEW_INTERVAL_MONTHS);
}

/** The review date that applies: the one set, else the default for a published article, else none. */
export function effectiveReviewBy(article: Pick<KbArticle, 'status' | 'updatedAt' | 'reviewBy'>): string | null {
  if (article.reviewBy) return article.reviewBy;
  return article.status === 'published' ? defaultReviewBy(article.updatedAt) : null;
}

/** True when a published article's review date has passed: on the day itself it is still on time. */
export function isReviewDue(article: Pick<KbArticle, 'status' | 'updatedAt' | 'reviewBy'>, now: number): boolean {
  const reviewBy = effectiveReviewBy(article);
  return article.status === 'published' && reviewBy !== null && reviewBy < dayOf(now);
}

/** Why a review date is refused: not a real `YYYY-MM-DD` day, or more than MAX_REVIEW_AHEAD_MONTHS ahead. */
export function reviewByViolations(reviewBy: string | undefined, now: number): RuleViolation[] {
  if (reviewBy === undefined) return [];
  const valid = DAY_PATTERN.test(reviewBy) && dayOf(Date.parse(`${reviewBy}T00:00:00Z`) || 0) === reviewBy;
  if (!valid) return [{ code: 'review_by_format', field: 'reviewBy', message: 'A review date is a day, YYYY-MM-DD.' }];
  const latest = addMonthsToDay(now, MAX_REVIEW_AHEAD_MONTHS);
  if (reviewBy > latest) {
    return [
      {
        code: 'review_by_too_far',
        field: 'reviewBy',
        message: `A review date may be at most ${MAX_REVIEW_AHEAD_MONTHS} months ahead (by ${latest}).`,
      },
    ];
  }
  return [];
}
