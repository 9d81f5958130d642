import type { ConfigItem } from '../cmdb/ci-model.js';
import type { DirectoryEntry } from '../schemas/directory.js';
import type { KbArticle } from '../schemas/kb-article.js';
import type { SettingDocument } from '../schemas/settings.js';
import type { Survey } from '../schemas/survey.js';
import type { Ticket } from '../schemas/ticket.js';
import type { ReplicatedCollection } from '../sync/protocol.js';
import type { MergePolicy } from './three-way-merge.js';
import { normalizeTicket } from './ticket-rules.js';
import { mergeRatings, type ArticleRatings } from './kb-feedback.js';

export const ticketMergePolicy: MergePolicy<Ticket> = {
  bookkeepingFields: ['updatedAt', 'updatedBy', 'queueKey'],
  derivedFields: ['priority'],
  // The server confirms provisional numbers (NEW-…); a device never changes a number, so the server's wins.
  serverFields: ['number'],
  timeField: 'updatedAt',
  normalize: normalizeTicket,
  revisionsField: 'fieldRevs',
};
/**
 * Ratings merge person by person, so two readers rating offline both count; the view count is the server's alone.
 */
const articlePolicy: MergePolicy<KbArticle> = {
  bookkeepingFields: ['updatedAt'],
  timeField: 'updatedAt',
  serverFields: ['views'],
  fieldMergers: {
    ratings: (base, local, remote) =>
      mergeRatings(base as ArticleRatings | undefined, local as ArticleRatings | undefined, remote as ArticleRatings | undefined),
  },
};
const surveyPolicy: MergePolicy<Survey> = { bookkeepingFields: ['updatedAt'], timeField: 'updatedAt' };
const directoryPolicy: MergePolicy<DirectoryEntry> = { bookkeepingFields: ['updatedAt'], timeField: 'updatedAt' };
// A setting's content is one value (a whole policy or calendar): two admins' edits clash rather than splice.
const settingPolicy: MergePolicy<SettingDocument> = { bookkeepingFields: ['updatedAt', 'updatedBy'], timeField: 'updatedAt' };
/** A CI and its embedded edges merge field by field; who touched it last is bookkeeping. */
const configItemPolicy: MergePolicy<ConfigItem> = { bookkeepingFields: ['updatedAt', 'updatedBy'], timeField: 'updatedAt' };
/** Append-only documents: they are never edited, so any difference is a clash to show, not to merge. */
const appendOnlyPolicy: MergePolicy<object> = { bookkeepingFields: [] };

/** The merge policy of each replicated collection. */
export const MERGE_POLICIES: Record<ReplicatedCollection, MergePolicy<object>> = {
  tickets: ticketMergePolicy as MergePolicy<object>,
  ticket_events: appendOnlyPolicy,
  kb_articles: articlePolicy as MergePolicy<object>,
  kb_article_versions: appendOnlyPolicy,
  surveys: surveyPolicy as MergePolicy<object>,
  survey_responses: appendOnlyPolicy,
  directory: directoryPolicy as MergePolicy<object>,
  settings: settingPolicy as MergePolicy<object>,
  config_items: configItemPolicy as MergePolicy<object>,
  ci_history: appendOnlyPolicy,
};

/** Collections whose documents are written once and never edited. */
export const APPEND_ONLY_COLLECTIONS: readonly ReplicatedCollection[] = [
  'ticket_events',
  'survey_responses',
  'kb_article_versions',
  'ci_history',
];
