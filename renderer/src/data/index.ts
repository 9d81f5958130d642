/** The data layer's public surface: components import from here, never from rxdb. */
export { createDeskDatabase } from './db.js';
export type { CreateDeskDatabaseOptions, MigrationProgress } from './db.js';
export type { DeskCollections, DeskDatabase } from './types.js';
export {
  startReplication,
  eventTargetConnectivity,
  manualConnectivity,
  alwaysOnline,
  replicationIdentifier,
  pausedSync,
  watchIncomingTickets,
} from './replication/index.js';
export type {
  ConnectivitySource,
  IncomingTicketChange,
  PausedSyncOptions,
  PendingDoc,
  StartReplicationOptions,
  SyncController,
  SyncStatus,
} from './replication/index.js';
export { updateTicket, applyTicketPatch } from './commands/tickets.js';
export type { CommandActor, TicketPatch } from './commands/tickets.js';
export { addPublicReply, addTicketEvent } from './commands/events.js';
export type { AddTicketEventResult, NewTicketEvent } from './commands/events.js';
export { resolveConflict, settleRefusal } from './commands/conflicts.js';
export type { ConflictChoice } from './commands/conflicts.js';
export { DataProvider, useDataNetwork, useDb, useSyncController } from './provider.js';
export type { DataNetwork } from './presence/presence-client.js';
export { useTicketPresence } from './hooks/presence.js';
export { useLocalDraft } from './hooks/drafts.js';
export { onNumberConfirmed, useTicket, useTicketEvents } from './hooks/tickets.js';
export { useTicketQueue, useQueueIndex, useTicketsLinkingArticle } from './hooks/queue.js';
export type { TicketQueueRequest, TicketQueueView } from './hooks/queue.js';
export { queueIndexFor } from './queue-index/load-queue-index.js';
export { QueueIndex } from './queue-index/queue-index.js';
export type { QueueQuery, TicketList } from './queue-index/queue-index.js';
export { AGE_FILTERS, EMPTY_FILTER, inNamedQueue } from './queue-index/queue-filter.js';
export type { AgeFilter, QueueFilter, TicketStatusFilter } from './queue-index/queue-filter.js';
export { foldText } from './queue-index/fold-text.js';
export { DEFAULT_SORT, SORT_COLUMNS } from './queue-index/queue-sort.js';
export type { AssigneeName, QueueSort, SortColumn, SortDirection } from './queue-index/queue-sort.js';
export { useSavedFilters, saveQueueFilter, deleteQueueFilter, SAVED_FILTER_NAME_MAX } from './hooks/saved-filters.js';
export type { SavedQueueFilter } from './hooks/saved-filters.js';
export { canRateArticles, canSetReviewDate, rateArticle, sendArticleView, setArticleReviewDate } from './commands/kb-feedback.js';
export { useArticles, useArticle, useConflicts, useUnresolvedConflictCount, useDirectory } from './hooks/reference.js';
export type { Directory } from './hooks/reference.js';
export { useSyncStatus, useDocSyncState } from './hooks/sync.js';
export type { DocSyncState } from './hooks/sync.js';
export { findTicketIdByNumber, schemaVersions } from './commands/lookup.js';
export { eraseDeskDatabase } from './erase.js';
export { useHeldMail, type HeldMailState } from './hooks/held-mail.js';
export { useDirectoryAudit } from './hooks/directory-audit.js';
export type { ServerRead } from './hooks/server-read.js';
export { canEditDirectory, canReadDirectoryAdmin, saveDirectoryEntries, sendPasswordLink } from './commands/directory.js';
export type { DirectorySaveViolation } from './commands/directory.js';
export { createTicket, buildNewTicket } from './commands/create-ticket.js';
export type { NewTicketInput, CreateTicketResult } from './commands/create-ticket.js';
export { useOpenTickets } from './hooks/open-tickets.js';
export {
  assignToMe,
  recategoriseTicket,
  saveTicketEdits,
  escalateTicket,
  flagToSupervisor,
  linkArticle,
  linkArticleToNumber,
  unlinkArticle,
  resolveWithArticle,
  setMajor,
  setWatcher,
} from './commands/ticket-actions.js';
export type { FunctionalEscalation, MajorDeclaration } from './commands/ticket-actions.js';
export { NAMED_QUEUES } from './queue-index/named-queues.js';
export type { NamedQueue, QueueOwner } from './queue-index/named-queues.js';
export { bulkUpdateTickets } from './commands/bulk.js';
export type { BulkRefusal } from './commands/bulk.js';
export { useReportsSource } from './hooks/reports.js';
export type { ReportsSource } from './hooks/reports.js';
export { useActiveSurvey, useSurveyResponse, useSurveys, useSurveySettings } from './hooks/surveys.js';
export { useCampaignList } from './hooks/campaign-list.js';
export { canManageSurveys, previewCampaign, saveSurvey, sendCampaign } from './commands/surveys.js';
export type { CampaignAnswer } from './commands/surveys.js';
export { submitOnsiteFeedback } from './commands/survey-response.js';
export type { OnsiteFeedback, OnsiteFeedbackResult } from './commands/survey-response.js';
export {
  canEditArticles,
  createArticleDraft,
  draftArticleFromTicket,
  publishArticle,
  retireArticle,
  saveArticleDraft,
  startNewDraft,
} from './commands/kb-articles.js';
export type { ArticleDraftPatch } from './commands/kb-articles.js';
export {
  linkChildByNumber,
  postStakeholderUpdate,
  recordReview,
  resolveWithChildren,
  setMajorManager,
  unlinkChild,
} from './commands/major-incident.js';
export type { Resolution } from './commands/major-incident.js';
export { useArticleVersions } from './hooks/article-versions.js';
export { useChildTickets } from './hooks/child-tickets.js';
export { useCmdbImportApi } from './hooks/cmdb-import.js';
export type { CmdbImportApi, CmdbImportOutcome } from './hooks/cmdb-import.js';
export { useCiHistory, useConfigItems, useDeletedCiNames, useOpenTicketsOfCi } from './hooks/config-items.js';
export {
  addCiRelation,
  applyCiPatch,
  asConfigItem,
  createConfigItem,
  deleteConfigItem,
  removeCiRelation,
  sitesOfActor,
  updateConfigItem,
} from './commands/config-items.js';
export type { CiCreateResult, CiEditViolation, CiPatch, NewConfigItem } from './commands/config-items.js';
export {
  applyWorkaround,
  canManageProblems,
  canMoveProblem,
  canPublishKnownError,
  createProblemFromCandidate,
  dismissCandidate,
  linkIncidentByNumber,
  linkIncidents,
  moveProblemPhase,
  openIncidentsOf,
  recordRootCause,
  recordWorkaround,
  resolveProblemWithIncidents,
  saveKnownError,
  WORKAROUND_APPLIED,
} from './commands/problems.js';
export type { ProblemFromCandidate, ProblemResolution, ProblemViolation } from './commands/problems.js';
export { useDismissedCandidates, useIncidentsSince, useLinkedIncidents, useProblems } from './hooks/problems.js';
export {
  addChangeTask,
  approvalStateOf,
  canManageChanges,
  canMoveChangeTo,
  completeChangeTask,
  linkCausingChange,
  linkFixedTicket,
  loadChangeBoards,
  unlinkFixedTicket,
  moveChange,
  recordApproval,
  saveChangePlan,
} from './commands/changes.js';
export type { ChangeMoveDetails, ChangePlanPatch, ChangeViolation, NewChangeTask } from './commands/changes.js';
export { useChangeBoards, useChanges, useSettingDocuments } from './hooks/changes.js';
export {
  canReadChangeSettings,
  canWriteChangeSettings,
  deleteChangeSetting,
  saveChangeSetting,
} from './commands/change-settings.js';
export type { ChangeSettingKind } from './commands/change-settings.js';
export {
  bundleChange,
  recordDeployment,
  releaseNotesDraft,
  saveReleaseNotes,
  saveReleaseSchedule,
  unbundleChange,
} from './commands/releases.js';
export type { NewDeployment, ReleaseSchedule } from './commands/releases.js';
export { useTicketsByIds } from './hooks/releases.js';
export {
  notificationCentreDocId,
  ticketsById,
  updateNotificationEntries,
  watchIncomingEvents,
} from './commands/notification-centre.js';
export type { IncomingTicketEvent, NotificationEntry, NotificationKind } from './commands/notification-centre.js';
export { useNotificationEntries } from './hooks/notification-centre.js';
