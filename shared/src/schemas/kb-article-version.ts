import type { BilingualText } from './bilingual.js';
import type { CollectionDefinition } from './json-schema.js';
import { bilingualProp, idProp, refProp, timeProp } from './json-schema.js';

/**
 * One published version of a knowledge article, kept for ever. Written only by the server when an article is
 * published (so history cannot be forged nor lost by a device), replicated so it can be read offline.
 */
export interface KbArticleVersion {
  /** `<articleId>@v<version>`: one document per published version, see `articleVersionId`. */
  id: string;
  articleId: string;
  number: string;
  version: number;
  title: BilingualText;
  body: BilingualText;
  categoryId: string;
  tags: string[];
  /** Who published it, and when it was published on their device. */
  publishedBy: string;
  publishedAt: number;
}

export const kbArticleVersionDefinition: CollectionDefinition = {
  schema: {
    title: 'kb_article_versions',
    description: 'Each published version of a knowledge article: append-only, written by the server',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', minLength: 1, maxLength: 128 },
      articleId: idProp,
      number: { type: 'string', minLength: 1, maxLength: 24 },
      version: { type: 'integer', minimum: 1, maximum: 100_000, multipleOf: 1 },
      title: bilingualProp(300),
      body: bilingualProp(100_000),
      categoryId: refProp,
      tags: { type: 'array', maxItems: 30, items: { type: 'string', maxLength: 50 } },
      publishedBy: refProp,
      publishedAt: timeProp,
    },
    required: ['id', 'articleId', 'number', 'version', 'title', 'body', 'categoryId', 'tags', 'publishedBy', 'publishedAt'],
    indexes: [['articleId', 'version']],
    additionalProperties: false,
  },
  migrationStrategies: {},
};

/** The id of an article's published version `version`. */
export function articleVersionId(articleId: string, version: number): string {
  return `${articleId}@v${version}`;
}
