import { countRatings, defaultReviewBy, dayOf, ratingOf } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { createArticleDraft, publishArticle } from './kb-articles.js';
import { rateArticle, setArticleReviewDate } from './kb-feedback.js';

const agent = { id: 'u-agent', role: 'agent' as const };
const technician = { id: 'u-tech', role: 'technician' as const };

describe('article ratings and review dates on the device', () => {
  let db: DeskDatabase;
  let id: string;
  beforeEach(async () => {
    db = await memoryDb();
    const { article } = await createArticleDraft(db, { title: { en: 'VPN', fr: 'RPV' }, body: { en: 'a', fr: 'b' } }, agent);
    id = article!.id;
    await publishArticle(db, id, agent);
  });
  afterEach(async () => {
    await db.close();
  });
  const article = async () => (await db.kb_articles.findOne(id).exec())!.toMutableJSON();

  it('publishing sets the default review date, twelve months on', async () => {
    expect((await article()).reviewBy).toBe(defaultReviewBy(Date.now()));
  });

  it('keeps one rating per person: a changed vote replaces it, choosing none withdraws it; the author stays', async () => {
    const before = await article();
    expect(await rateArticle(db, id, 'helpful', technician)).toEqual([]);
    expect(await rateArticle(db, id, 'helpful', agent)).toEqual([]);
    expect(await rateArticle(db, id, 'not_helpful', technician)).toEqual([]);
    const rated = await article();
    expect(countRatings(rated.ratings)).toEqual({ helpful: 1, notHelpful: 1 });
    expect(ratingOf(rated.ratings, technician.id)).toBe('not_helpful');
    expect(rated).toMatchObject({ authorId: before.authorId, updatedAt: before.updatedAt });
    await rateArticle(db, id, null, technician);
    expect(countRatings((await article()).ratings)).toEqual({ helpful: 1, notHelpful: 0 });
  });

  it('lets writers set a review date within the limit, and technicians not at all', async () => {
    const soon = dayOf(Date.now() + 30 * 86_400_000);
    expect((await setArticleReviewDate(db, id, soon, technician)).map((v) => v.code)).toEqual(['not_permitted']);
    expect((await setArticleReviewDate(db, id, '2999-01-01', agent)).map((v) => v.code)).toEqual(['review_by_too_far']);
    expect(await setArticleReviewDate(db, id, soon, agent)).toEqual([]);
    expect((await article()).reviewBy).toBe(soon);
  });
});
