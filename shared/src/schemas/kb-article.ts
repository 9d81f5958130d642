import type { BilingualText } from './bilingual.js';
import type { CollectionDefinition } from './json-schema.js';
import { bilingualProp, idProp, refProp, timeProp } from './json-schema.js';
import { ARTICLE_RATINGS, type ArticleRatings } from '../domain/kb-feedback.js';

export const ARTICLE_STATUSES = ['draft', 'published', 'retired'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A knowledge article, written in English and French. Body is Markdown. */
export interface KbArticle {
  id: string;
  number: string;
  title: BilingualText;
  body: BilingualText;
  status: ArticleStatus;
  categoryId: string;
  tags: string[];
  version: number;
  authorId: string;
  updatedAt: number;
  /** Each reader's current helpful / not helpful rating, by user id (v1; see kb-feedback.ts). */
  ratings?: ArticleRatings;
  /** The day (`YYYY-MM-DD`) by which the article is to be reviewed (v1; default: see `effectiveReviewBy`). */
  reviewBy?: string;
  /** How often staff opened it: at most once per person and day, counted by the server only (v1). */
  views?: number;
}

export const kbArticleDefinition: CollectionDefinition = {
  schema: {
    title: 'kb_articles',
    version: 1,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      number: { type: 'string', minLength: 1, maxLength: 24 },
      title: bilingualProp(300),
      body: bilingualProp(100_000),
      status: { type: 'string', enum: ARTICLE_STATUSES, maxLength: 10 },
      categoryId: refProp,
      tags: { type: 'array', maxItems: 30, items: { type: 'string', maxLength: 50 } },
      version: { type: 'integer', minimum: 1, maximum: 100_000 },
      authorId: refProp,
      updatedAt: timeProp,
      ratings: {
        type: 'object',
        // Keys are user ids; the bound keeps a document small even for a large desk.
        maxProperties: 5000,
        additionalProperties: {
          type: 'object',
          properties: {
            value: { type: 'string', enum: ARTICLE_RATINGS, maxLength: 12 },
            at: timeProp,
          },
          required: ['value', 'at'],
          additionalProperties: false,
        },
      },
      reviewBy: { type: 'string', minLength: 10, maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      views: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
    },
    required: ['id', 'number', 'title', 'body', 'status', 'categoryId', 'tags', 'version', 'authorId', 'updatedAt'],
    indexes: [['status', 'updatedAt']],
    additionalProperties: false,
  },
  migrationStrategies: {
    // v1 added the optional ratings, review date and view count: v0 documents are valid v1 documents, so the
    // replication is kept (no stored document changes shape) and an article without a date gets the default.
    1: (doc) => doc,
  },
  replicationVersion: 0,
};
