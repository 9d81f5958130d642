import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../schemas/kb-article.js';
import { buildArticle } from '../testing/build-records.js';
import {
  countRatings,
  defaultReviewBy,
  effectiveReviewBy,
  isReviewDue,
  mergeRatings,
  onlyRatingsChanged,
  ratingOf,
  ratingViolations,
  reviewByViolations,
  withRating,
} from './kb-feedback.js';
import { MERGE_POLICIES } from './merge-policies.js';
import { can } from '../policy/can.js';
import { threeWayMerge } from './three-way-merge.js';

const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);
const article = (overrides: Record<string, unknown> = {}): KbArticle =>
  buildArticle({ status: 'published', ...overrides }) as unknown as KbArticle;

describe('article ratings', () => {
  it('counts each person once, and a changed vote replaces the old one', () => {
    let ratings = withRating(undefined, 'ana', 'helpful', 1);
    ratings = withRating(ratings, 'bob', 'helpful', 2);
    expect(countRatings(ratings)).toEqual({ helpful: 2, notHelpful: 0 });
    ratings = withRating(ratings, 'ana', 'not_helpful', 3);
    expect(countRatings(ratings)).toEqual({ helpful: 1, notHelpful: 1 });
    expect(ratingOf(ratings, 'ana')).toBe('not_helpful');
    expect(ratingOf(ratings, 'carl')).toBeNull();
    expect(countRatings(withRating(ratings, 'ana', null, 4))).toEqual({ helpful: 1, notHelpful: 0 });
  });

  it('counts nothing for an article nobody rated, and ignores a value that is not a rating', () => {
    expect(countRatings(undefined)).toEqual({ helpful: 0, notHelpful: 0 });
    const odd = { ana: { value: 'meh', at: 1 } } as unknown as Parameters<typeof countRatings>[0];
    expect(countRatings(odd)).toEqual({ helpful: 0, notHelpful: 0 });
  });

  it('merges two people rating offline so both count', () => {
    const base = withRating(undefined, 'carl', 'helpful', 1);
    const local = withRating(base, 'ana', 'helpful', 5);
    const remote = withRating(base, 'bob', 'not_helpful', 6);
    expect(countRatings(mergeRatings(base, local, remote))).toEqual({ helpful: 2, notHelpful: 1 });
  });

  it('counts the same person rating on two devices once, the later rating winning', () => {
    const local = withRating(undefined, 'ana', 'helpful', 10);
    const remote = withRating(undefined, 'ana', 'not_helpful', 9);
    expect(mergeRatings(undefined, local, remote)).toEqual({ ana: { value: 'helpful', at: 10 } });
    expect(mergeRatings(undefined, remote, local)).toEqual({ ana: { value: 'helpful', at: 10 } });
  });

  it('keeps a rating withdrawn on one side only withdrawn', () => {
    const base = withRating(undefined, 'ana', 'helpful', 1);
    expect(mergeRatings(base, {}, base)).toEqual({});
  });

  it('merges ratings in the article merge without a clash', () => {
    const base = article({ ratings: {} });
    const local = { ...base, ratings: withRating(undefined, 'ana', 'helpful', 5) };
    const remote = { ...base, ratings: withRating(undefined, 'bob', 'helpful', 6), views: 4 };
    const { merged, clashes } = threeWayMerge<object>(base, { ...local, views: 9 }, remote, MERGE_POLICIES.kb_articles);
    expect(clashes).toEqual([]);
    expect(countRatings((merged as KbArticle).ratings)).toEqual({ helpful: 2, notHelpful: 0 });
    // Views are the server's count: a device's number never wins.
    expect((merged as KbArticle).views).toBe(4);
  });

  it("tells a rating from an edit, and refuses another person's rating or a rating of a new article", () => {
    const before = article();
    const rated = { ...before, ratings: withRating(undefined, 'ana', 'helpful', 1) };
    expect(onlyRatingsChanged(before, rated)).toBe(true);
    expect(onlyRatingsChanged(before, { ...rated, tags: ['x'] })).toBe(false);
    expect(onlyRatingsChanged(before, before)).toBe(false);
    expect(ratingViolations('ana', rated.ratings, undefined, false)).toEqual([]);
    expect(ratingViolations('bob', rated.ratings, undefined, false).map((v) => v.code)).toEqual(['rating_not_yours']);
    expect(ratingViolations('ana', rated.ratings, undefined, true).map((v) => v.code)).toEqual(['rating_unknown_article']);
    const bad = { ana: { value: 'great', at: 1 } } as unknown as Parameters<typeof ratingViolations>[1];
    expect(ratingViolations('ana', bad, undefined, false).map((v) => v.code)).toEqual(['rating_value']);
  });
});

describe('article review date', () => {
  it('defaults to twelve months after publication, the 29th of February becoming the 28th', () => {
    expect(defaultReviewBy(day('2026-03-15'))).toBe('2027-03-15');
    expect(defaultReviewBy(day('2028-02-29'))).toBe('2029-02-28');
    expect(effectiveReviewBy(article({ updatedAt: day('2026-03-15') }))).toBe('2027-03-15');
    expect(effectiveReviewBy(article({ reviewBy: '2026-06-01' }))).toBe('2026-06-01');
    expect(effectiveReviewBy(article({ status: 'draft' }))).toBeNull();
  });

  it('is due once the date has passed; on the day itself it is not yet', () => {
    const a = article({ reviewBy: '2026-06-01' });
    expect(isReviewDue(a, day('2026-05-31'))).toBe(false);
    expect(isReviewDue(a, day('2026-06-01'))).toBe(false);
    expect(isReviewDue(a, day('2026-06-02'))).toBe(true);
    expect(isReviewDue({ ...a, status: 'retired' }, day('2027-01-01'))).toBe(false);
  });

  it('refuses a date that is not a day or is more than three years ahead', () => {
    const now = day('2026-01-10');
    expect(reviewByViolations(undefined, now)).toEqual([]);
    expect(reviewByViolations('2029-01-10', now)).toEqual([]);
    expect(reviewByViolations('2029-01-11', now).map((v) => v.code)).toEqual(['review_by_too_far']);
    expect(reviewByViolations('2026-02-30', now).map((v) => v.code)).toEqual(['review_by_format']);
    expect(reviewByViolations('next year', now).map((v) => v.code)).toEqual(['review_by_format']);
  });
});

describe('who rates and who sets review dates (shared policies)', () => {
  const actor = (role: 'agent' | 'technician' | 'supervisor' | 'admin') => ({ id: `usr-${role}`, role, groupIds: [] });
  it('lets every role that reads the knowledge base rate it, and only article writers set review dates', () => {
    // Who writes articles, as the access matrix grants it: technicians read the knowledge base only.
    const writesArticles = { agent: true, technician: false, supervisor: true, admin: true } as const;
    for (const [role, writes] of Object.entries(writesArticles) as [keyof typeof writesArticles, boolean][]) {
      expect(can(actor(role), 'kb.rate'), role).toBe(true);
      expect(can(actor(role), 'kb.read'), role).toBe(true);
      expect(can(actor(role), 'kb.review.set'), role).toBe(writes);
    }
  });
});
