import type { Queryable } from '../database.js';

/** Records that a person opened an article on a day; false when that view was already counted. */
export async function insertArticleView(db: Queryable, articleId: string, userId: string, day: string): Promise<boolean> {
  const rows = await db.query<{ article_id: string }>(
    `INSERT INTO kb_article_views (article_id, user_id, day) VALUES ($1, $2, $3::date)
     ON CONFLICT DO NOTHING RETURNING article_id`,
    [articleId, userId, day],
  );
  return rows.length > 0;
}
