import type { CollectionDefinition } from './json-schema.js';
import { directoryDefinition } from './directory.js';
import { kbArticleDefinition } from './kb-article.js';
import { kbArticleVersionDefinition } from './kb-article-version.js';
import { surveyDefinition, surveyResponseDefinition } from './survey.js';
import { ticketEventDefinition } from './ticket-event.js';
import { ticketDefinition } from './ticket.js';
import { settingsDefinition } from './settings.js';
import type { ReplicatedCollection } from '../sync/protocol.js';
import { ciHistoryDefinition, configItemDefinition } from '../cmdb/ci-collections.js';

export * from './bilingual.js';
export * from './conflict.js';
export * from './directory.js';
export * from './json-schema.js';
export * from './kb-article.js';
export * from './kb-article-version.js';
export * from './survey.js';
export * from './ticket-event.js';
export * from './ticket.js';
export * from './settings.js';

/** Schema and migrations of every replicated collection, by name. */
export const COLLECTION_DEFINITIONS: Record<ReplicatedCollection, CollectionDefinition> = {
  tickets: ticketDefinition,
  ticket_events: ticketEventDefinition,
  kb_articles: kbArticleDefinition,
  kb_article_versions: kbArticleVersionDefinition,
  surveys: surveyDefinition,
  survey_responses: surveyResponseDefinition,
  directory: directoryDefinition,
  settings: settingsDefinition,
  config_items: configItemDefinition,
  ci_history: ciHistoryDefinition,
};
export * from './limits.js';
