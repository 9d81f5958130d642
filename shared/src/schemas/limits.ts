import type { CollectionDefinition, JsonSchemaProperty } from './json-schema.js';
import { kbArticleDefinition } from './kb-article.js';
import { ticketDefinition } from './ticket.js';
import { ticketEventDefinition } from './ticket-event.js';

/** The maxLength the schema gives a property path (`title`, `title.en`, `tags[]`); throws if it states none. */
export function schemaMaxLength(definition: CollectionDefinition, path: string): number {
  let prop: JsonSchemaProperty | undefined = undefined;
  let props: Record<string, JsonSchemaProperty> | undefined = definition.schema.properties;
  for (const part of path.split('.')) {
    const name = part.replace(/\[\]$/, '');
    prop = props?.[name];
    if (part.endsWith('[]')) prop = prop?.items;
    props = prop?.properties;
  }
  if (prop?.maxLength === undefined) throw new Error(`The ${definition.schema.title} schema gives ${path} no maxLength.`);
  return prop.maxLength;
}

/** The longest note, work log or stakeholder update, in characters (ticket_events schema). */
export const EVENT_BODY_MAX = schemaMaxLength(ticketEventDefinition, 'body');
/** The longest article title in each language (kb_articles schema). */
export const ARTICLE_TITLE_MAX = schemaMaxLength(kbArticleDefinition, 'title.en');
/** The longest tag, and how many tags an article holds (kb_articles schema). */
export const ARTICLE_TAG_MAX = schemaMaxLength(kbArticleDefinition, 'tags[]');
export const ARTICLE_TAGS_MAX_COUNT = kbArticleDefinition.schema.properties.tags?.maxItems ?? 0;

/** The lengths and counts of a problem's analysis and known error (tickets schema v5), for the problem forms. */
const rootCauseProps = ticketDefinition.schema.properties.rootCause?.properties;
export const PROBLEM_LIMITS = {
  /** One line of the analysis: a timeline entry, a why, a contributing factor. */
  line: schemaMaxLength(ticketDefinition, 'rootCause.whys[]'),
  statement: schemaMaxLength(ticketDefinition, 'rootCause.statement'),
  workaround: schemaMaxLength(ticketDefinition, 'workaround'),
  /** Each language of the known error's symptoms, cause and workaround. */
  knownErrorText: schemaMaxLength(ticketDefinition, 'knownError.symptoms.en'),
  timelineEntries: rootCauseProps?.timeline?.maxItems ?? 0,
  whys: rootCauseProps?.whys?.maxItems ?? 0,
  contributingFactors: rootCauseProps?.contributingFactors?.maxItems ?? 0,
} as const;

/** The lengths of a change's plan, review and a release's notes (tickets schema v6), for the change forms. */
export const CHANGE_LIMITS = {
  /** Each part of the plan: reason, implementation, test, back-out. */
  planText: schemaMaxLength(ticketDefinition, 'changePlan.reason'),
  reviewNotes: schemaMaxLength(ticketDefinition, 'reviewNotes'),
  /** Each language of a release's notes. */
  releaseNotes: schemaMaxLength(ticketDefinition, 'releaseNotes.en'),
  environment: schemaMaxLength(ticketDefinition, 'releaseDeployments[].environment'),
} as const;
