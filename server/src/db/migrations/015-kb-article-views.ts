import type { Migration } from './migration.js';

/**
 * Who opened which knowledge article on which day (issue 22): one row per person, article and day, so a view is
 * counted at most once a day whatever the client sends. The count is copied onto the article (`views`) when it grows.
 */
export const kbArticleViews: Migration = {
  version: 15,
  name: 'kb-article-views',
  sql: `
    CREATE TABLE kb_article_views (
      article_id text NOT NULL,
      user_id text NOT NULL,
      day date NOT NULL,
      PRIMARY KEY (article_id, user_id, day)
    );
  `,
};
