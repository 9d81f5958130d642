import type {
  CiHistoryEntry,
  ConfigItem,
  ConflictRecord,
  DirectoryEntry,
  KbArticle,
  KbArticleVersion,
  ReplicatedCollection,
  SettingDocument,
  Survey,
  SurveyResponse,
  Ticket,
  TicketEvent,
} from '@shared';
import type { RxCollection, RxDatabase } from 'rxdb';

/** Document type of each replicated collection. */
export interface ReplicatedDocTypes {
  tickets: Ticket;
  ticket_events: TicketEvent;
  kb_articles: KbArticle;
  kb_article_versions: KbArticleVersion;
  surveys: Survey;
  survey_responses: SurveyResponse;
  directory: DirectoryEntry;
  settings: SettingDocument;
  /** A CI with its outgoing edges; `deleted` is RxDB's `_deleted` on the wire. */
  config_items: Omit<ConfigItem, 'deleted'>;
  ci_history: CiHistoryEntry;
}

export type DeskCollections = { [K in ReplicatedCollection]: RxCollection<ReplicatedDocTypes[K]> } & {
  /** Local-only: same-field clashes waiting for the user's choice. Never replicated. */
  conflicts: RxCollection<ConflictRecord>;
};

export type DeskDatabase = RxDatabase<DeskCollections>;

/** Any document of the desk, as the replication sees it (plain JSON plus `_deleted`). */
export type PlainDoc = Record<string, unknown> & { _deleted?: boolean };
