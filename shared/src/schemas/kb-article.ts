import type { BilingualText } from './bilingual.js';
import type { CollectionDefinition } from './json-schema.js';
import { bilingualProp, idProp, refProp, timeProp } from './json-schema.js';

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
}

export const kbArticleDefinition: CollectionDefinition = {
  schema: {
    title: 'kb_articles',
    version: 0,
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
    },
    required: ['id', 'number', 'title', 'body', 'status', 'categoryId', 'tags', 'version', 'authorId', 'updatedAt'],
    indexes: [['status', 'updatedAt']],
    additionalProperties: false,
  },
  migrationStrategies: {},
};
