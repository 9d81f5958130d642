import {
  WRITE_CHECKS,
  changeSettingsOf,
  changeTemplatesOf,
  type SettingDocument,
  type ChangeBoards,
  type TicketEvent,
  surveyVersionKey,
  writeCheckNeeds,
  type Actor,
  type DirectoryEntry,
  type ReplicatedCollection,
  type Survey,
  type Ticket,
} from '@shared';
import type { Queryable } from '../../db/database.js';
import { allDirectoryEntries } from '../../db/queries/directory.js';
import { activeMembersOfGroups, approvalEventsOf, changeSettingDocuments } from '../../db/queries/change-boards.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { findSurveyVersion } from '../../db/queries/survey-versions.js';
import type { SyncDocument } from './document-validation.js';
import type { Violation } from './violation.js';

/**
 * Runs the collection's shared write checks (WRITE_CHECKS) on the documents a push is about to write, loading what
 * they need first. Called before anything is written, so a refusal never relies on a rollback.
 */
export async function writeCheckViolations(
  tx: Queryable,
  actor: Actor,
  collection: ReplicatedCollection,
  writes: readonly SyncDocument[],
  previous: ReadonlyMap<string, SyncDocument>,
): Promise<Violation[]> {
  const check = WRITE_CHECKS[collection];
  if (!check) return [];
  // Deletions are checked too (a tombstone keeps a ticket's edit counters); each check says what applies to them.
  const needs = writeCheckNeeds(
    collection,
    writes.filter((doc) => !doc._deleted),
  );
  const stored = await loadDocuments(tx, 'tickets', needs.ticketIds);
  const tickets = new Map<string, Ticket>();
  for (const [id, row] of stored) if (!row.deleted) tickets.set(id, row.data as unknown as Ticket);
  const surveyVersions = new Map<string, Survey>();
  for (const { surveyId, version } of needs.surveyVersions) {
    const key = surveyVersionKey(surveyId, version);
    if (surveyVersions.has(key)) continue;
    const template = await findSurveyVersion(tx, surveyId, version);
    if (template) surveyVersions.set(key, template);
  }
  const directory = needs.directory ? await directoryAfter(tx, writes) : undefined;
  const changeBoards = needs.changeBoards ? await loadChangeBoards(tx) : undefined;
  const approvals = new Map<string, TicketEvent[]>();
  for (const data of await approvalEventsOf(tx, needs.approvalsOf ?? [])) {
    const event = data as unknown as TicketEvent;
    approvals.set(event.ticketId, [...(approvals.get(event.ticketId) ?? []), event]);
  }
  const context = { actor, tickets, surveyVersions, now: Date.now(), directory, changeBoards, approvals };
  return writes.flatMap((doc) =>
    check(context, doc, previous.get(doc.id)).map((problem) => ({ ...problem, documentId: doc.id })),
  );
}

/** The change settings and templates in force and the active members of the CAB and emergency CAB groups they name. */
export async function loadChangeBoards(tx: Queryable): Promise<ChangeBoards> {
  const docs = (await changeSettingDocuments(tx)) as Pick<SettingDocument, 'id' | 'kind' | 'data'>[];
  const settings = changeSettingsOf(docs);
  const members = await activeMembersOfGroups(tx, [settings.cabGroupId, settings.emergencyCabGroupId]);
  return {
    settings,
    membersOf: (groupId) => members.get(groupId) ?? new Set(),
    templates: new Map(changeTemplatesOf(docs).map((t) => [t.id, t])),
  };
}

/** The directory as it will be after this push: the stored entries with the pushed ones applied (deletions removed). */
async function directoryAfter(tx: Queryable, writes: readonly SyncDocument[]): Promise<Map<string, DirectoryEntry>> {
  const index = new Map<string, DirectoryEntry>();
  for (const data of await allDirectoryEntries(tx)) index.set(String(data.id), data as unknown as DirectoryEntry);
  for (const doc of writes) {
    if (doc._deleted) index.delete(doc.id);
    else index.set(doc.id, doc as unknown as DirectoryEntry);
  }
  return index;
}
