import type { Actor } from '../domain/access-policy.js';
import { onsiteResponseId, validateAnswers } from '../domain/survey-rules.js';
import type { Survey, SurveyResponse } from '../schemas/survey.js';
import { surveyTemplateViolations, type SurveyTemplateCode } from '../domain/survey-template-rules.js';
import type { Ticket } from '../schemas/ticket.js';
import type { ReplicatedCollection } from '../sync/protocol.js';
import { CLIENT_CLOCK_TOLERANCE_MS, isTooFarAhead } from '../domain/client-time.js';
import { STAKEHOLDER_UPDATE } from '../domain/major-incident.js';
import { SERVER_ONLY_EVENT_KINDS } from '../domain/ticket-history.js';
import { INBOUND_REPLY } from '../domain/ticket-reply.js';
import { onlyRatingsChanged } from '../domain/kb-feedback.js';
import { FIELD_REVISION_STEP_MAX, excessiveFieldRevisionRises } from '../domain/field-revisions.js';
import { INITIAL_STATUSES, reachableOnCreate } from '../domain/ticket-lifecycle.js';
import { movesProblem, problemPhaseOf } from '../domain/problem-lifecycle.js';
import { jsonEqual } from '../domain/three-way-merge.js';
import type { ViolationCode } from '../domain/ticket-rules.js';
import { directoryViolations } from '../domain/directory-rules.js';
import type { DirectoryIndex, DirectoryViolationCode } from '../domain/directory-rules.js';
import type { DirectoryEntry } from '../schemas/directory.js';
import { can } from './can.js';
import { PROBLEM_MANAGER_GROUP_ID } from './problem-policies.js';
import { CHANGE_MANAGER_GROUP_ID } from './change-policies.js';
import { changePhaseOf, movesChange, plannedTooFarViolations } from '../change/change-lifecycle.js';
import {
  APPROVED_PHASES,
  approvalBeforeSchedule,
  approvalBoardGroupId,
  approvalRefusals,
  approvalState,
} from '../change/change-approvals.js';
import type { ApprovalRefusalCode } from '../change/change-approvals.js';
import type { ChangeBoards } from '../change/change-settings.js';
import { standardTemplateViolations } from '../change/standard-changes.js';
import type { TicketEvent } from '../schemas/ticket-event.js';

/** Stable codes of write-check refusals, carried in the push error's details for the UI and tests. */
export const WRITE_CHECK_CODES = [
  'stakeholder_update_not_major',
  'stakeholder_update_forbidden',
  'survey_channel_forbidden',
  'survey_respondent_not_caller',
  'event_kind_server_only',
  'reply_inbound_server_only',
  'reply_empty',
  'reply_forbidden',
  'problem_move_forbidden',
  'known_error_edit_forbidden',
  'change_move_forbidden',
  'change_approval_value',
] as const;
export type WriteCheckCode = (typeof WRITE_CHECK_CODES)[number];

/** One reason a pushed document is refused before anything is written: 403 forbidden, 422 wrong data. */
export interface WriteProblem {
  status: 403 | 422;
  field: string;
  message: string;
  /** Stable code of the refusal for the rules that have one: a write-check code or a shared violation code. */
  code?: WriteCheckCode | ViolationCode | DirectoryViolationCode | SurveyTemplateCode | ApprovalRefusalCode;
  /** Passes later unchanged (e.g. a response whose ticket has not been pushed yet). */
  retryable?: boolean;
}

/** What the server has loaded for a push's checks: the tickets the documents name, the survey versions they answer. */
export interface WriteCheckContext {
  actor: Actor;
  /** Stored, not deleted tickets by id (absent: not on the server). */
  tickets: ReadonlyMap<string, Ticket>;
  /** Published survey versions by `surveyVersionKey`. */
  surveyVersions: ReadonlyMap<string, Survey>;
  /** The server's clock (ms), which client times are bounded against. */
  now: number;
  /** Directory pushes: every entry by id with the push's own entries applied (see `writeCheckNeeds`). */
  directory?: DirectoryIndex;
  /** Approval events and changes entering "scheduled": the change settings and each board group's active members. */
  changeBoards?: ChangeBoards;
  /** Changes entering "scheduled": their stored approval events (with this push's when it carries events). */
  approvals?: ReadonlyMap<string, readonly TicketEvent[]>;
}

type Doc = Readonly<Record<string, unknown>>;

/**
 * A collection's check of one pushed document (its new state, `_deleted` set for a deletion), run before the push
 * writes anything; `previous` is the stored document (absent: a create).
 */
export type WriteCheck = (context: WriteCheckContext, doc: Doc, previous: Doc | undefined) => WriteProblem[];

/** Times no client may set further ahead than the tolerance (a far-future time pins a ticket atop every queue). */
function futureTimeProblems(context: WriteCheckContext, doc: Doc, fields: readonly string[]): WriteProblem[] {
  return fields
    .filter((field) => typeof doc[field] === 'number' && isTooFarAhead(doc[field], context.now))
    .map((field) => ({
      status: 422 as const,
      field,
      message: `"${field}" is more than ${CLIENT_CLOCK_TOLERANCE_MS / 60_000} minutes ahead of the server's clock: check the device's date and time.`,
    }));
}

/**
 * Edit counters rise by the edits a push carries, at most FIELD_REVISION_STEP_MAX per field over the stored ticket
 * (from 0 on a create): a counter pushed to the top could never rise again, and every later edit of that field would
 * lose its trace (issue 15, item 5).
 */
function fieldRevisionProblems(doc: Doc, previous: Doc | undefined): WriteProblem[] {
  return excessiveFieldRevisionRises(previous?.fieldRevs, doc.fieldRevs).map(({ field, base, next }) => ({
    status: 422 as const,
    field: `fieldRevs.${field}`,
    code: 'field_revision_jump' as const,
    message:
      `The edit counter "fieldRevs.${field}" rose from ${base} to ${next}; one push may raise it by at most ` +
      `${FIELD_REVISION_STEP_MAX} (one per edit of the field). Pull the ticket and make the edit again.`,
  }));
}

/**
 * A ticket's first push arrives in a status the lifecycle reaches from an initial one (reachableOnCreate): a ticket
 * recorded offline and moved on, even resolved and closed, before the device was back. The fields each status needs
 * are the ticket rules' business, and the server runs the effects of the walk (the caller is told it was resolved).
 */
function initialStatusProblems(doc: Doc, previous: Doc | undefined): WriteProblem[] {
  if (previous !== undefined || doc._deleted === true) return [];
  const status = doc.status as Ticket['status'];
  if (reachableOnCreate(status)) return [];
  return [
    {
      status: 422,
      field: 'status',
      code: 'create_status',
      message: `A new ticket starts as ${INITIAL_STATUSES.map((s) => `"${s}"`).join(' or ')}, and "${status}" cannot be reached from there: create it, then move it along its lifecycle.`,
    },
  ];
}

/**
 * Who moves a problem and publishes its known error (`problem.move`, `problem.publish`): a phase change, or a create
 * past "new", by anyone else is refused before anything is written, saying whom to ask. What each phase needs is the
 * problem rules' business (checkTicketRules), judged for every pusher alike.
 */
function problemProblems(context: WriteCheckContext, doc: Doc, previous: Doc | undefined): WriteProblem[] {
  if (doc._deleted === true || doc.type !== 'problem') return [];
  const next = doc as unknown as Ticket;
  const before = previous as unknown as Ticket | undefined;
  const out: WriteProblem[] = [];
  const managers = `problem managers (group "${PROBLEM_MANAGER_GROUP_ID}") and supervisors`;
  if (movesProblem(next, before) && !can(context.actor, 'problem.move', next)) {
    const from = before?.type === 'problem' ? problemPhaseOf(before) : 'new';
    const message =
      `Only ${managers} move a problem between phases: ${next.number} stays in "${from}" and cannot go to ` +
      `"${problemPhaseOf(next)}" with your change. Record your analysis on it and ask a problem manager to move it.`;
    out.push({ status: 403, field: 'problemPhase', code: 'problem_move_forbidden', message });
  }
  if (!jsonEqual(next.knownError, before?.knownError) && !can(context.actor, 'problem.publish', next)) {
    const message = `Only ${managers} write a problem's known error, which every agent reads: put your proposal in the workaround field instead.`;
    out.push({ status: 403, field: 'knownError', code: 'known_error_edit_forbidden', message });
  }
  return out;
}

/**
 * Who moves a change between phases (`change.move`: change managers; the assignee through the implementation;
 * anyone submitting or withdrawing a draft), and a normal or emergency change enters "scheduled" only with its
 * quorum met by the stored approvals (retryable: the approvals may be in a push still on its way).
 */
function changeProblems(context: WriteCheckContext, doc: Doc, previous: Doc | undefined): WriteProblem[] {
  if (doc._deleted === true || doc.type !== 'change') return [];
  const next = doc as unknown as Ticket;
  const before = previous as unknown as Ticket | undefined;
  const out: WriteProblem[] = [];
  const from = before?.type === 'change' ? changePhaseOf(before) : 'draft';
  const to = changePhaseOf(next);
  if (movesChange(next, before) && !can(context.actor, 'change.move', { ticket: next, from, to })) {
    const message =
      `Only change managers (group "${CHANGE_MANAGER_GROUP_ID}") and supervisors move ${next.number} from "${from}" ` +
      `to "${to}"; its assignee starts and ends the implementation. Ask a change manager.`;
    out.push({ status: 403, field: 'changePhase', code: 'change_move_forbidden', message });
  }
  for (const v of plannedTooFarViolations(next, before, context.now)) {
    out.push({ status: 422, field: v.field, code: v.code, message: v.message });
  }
  const boards = context.changeBoards;
  if (boards) {
    const members = boards.membersOf(approvalBoardGroupId(next, boards.settings));
    const state = approvalState(next, context.approvals?.get(next.id) ?? [], members, boards.settings);
    for (const v of approvalBeforeSchedule(next, before, state)) {
      out.push({ status: 422, field: v.field, code: v.code, message: v.message, retryable: true });
    }
    for (const v of standardTemplateViolations(next, before, boards.templates)) {
      out.push({ status: 422, field: v.field, code: v.code, message: v.message });
    }
  }
  return out;
}

/**
 * A pushed ticket (deletions too: a tombstone keeps its counters for a restore): times bounded by the server's clock,
 * counters raised by at most one push's edits, and a create in a status its lifecycle reaches.
 */
function checkTicket(context: WriteCheckContext, doc: Doc, previous: Doc | undefined): WriteProblem[] {
  return [
    ...futureTimeProblems(context, doc, ['createdAt', 'updatedAt']),
    ...fieldRevisionProblems(doc, previous),
    ...initialStatusProblems(doc, previous),
    ...problemProblems(context, doc, previous),
    ...changeProblems(context, doc, previous),
  ];
}

/** A pushed knowledge article: its time is bounded by the server's clock. */
function checkArticle(context: WriteCheckContext, doc: Doc): WriteProblem[] {
  if (doc._deleted === true) return [];
  return futureTimeProblems(context, doc, ['updatedAt']);
}

/**
 * A pushed ticket event: never one of the kinds only the server writes (SERVER_ONLY_EVENT_KINDS). A stakeholder update (mailed by the desk to the ticket's watchers and caller) only on a
 * major incident, by whoever `can('major.communicate')`. Refused before anything is written, so no mail is queued.
 * Retryable: the ticket's major flag or manager may be on its way in a ticket push not yet applied.
 */
function checkTicketEvent(context: WriteCheckContext, doc: Doc): WriteProblem[] {
  if (doc._deleted !== true && (SERVER_ONLY_EVENT_KINDS as readonly unknown[]).includes(doc.kind)) {
    const message = `"${String(doc.kind)}" entries are written by the server itself (SLA actions, survey answers); record a comment instead.`;
    return [{ status: 403, field: 'kind', code: 'event_kind_server_only', message }];
  }
  if (doc.kind === 'approval' && doc._deleted !== true) return approvalProblems(context, doc);
  if (doc.kind === 'reply' && doc._deleted !== true) return replyProblems(context, doc);
  if (doc.kind !== 'communication' || doc.toValue !== STAKEHOLDER_UPDATE) return [];
  // An event whose ticket is not on the server is deferred by the event rules already.
  const ticket = context.tickets.get(String(doc.ticketId));
  if (!ticket) return [];
  if (ticket.major !== true) {
    const message = `Ticket "${ticket.number}" is not a major incident: stakeholder updates (mailed to its watchers and caller) are for major incidents only.`;
    return [{ status: 403, field: 'toValue', code: 'stakeholder_update_not_major', message, retryable: true }];
  }
  if (!can(context.actor, 'major.communicate', ticket)) {
    const message = `Only the major-incident manager of "${ticket.number}" or a supervisor sends its stakeholder updates.`;
    return [{ status: 403, field: 'toValue', code: 'stakeholder_update_forbidden', message, retryable: true }];
  }
  return [];
}

/**
 * A pushed public reply: mailed to the caller under the desk's name, so only by someone who may work the ticket, and
 * never posing as the caller's own e-mail (`inbound`, which only the server writes). Retryable while the ticket is
 * not on the server yet (or its scope may still change in a push on its way).
 */
function replyProblems(context: WriteCheckContext, doc: Doc): WriteProblem[] {
  if (doc.fromValue === INBOUND_REPLY) {
    const message = "Replies marked inbound are the caller's e-mail, recorded by the server itself.";
    return [{ status: 403, field: 'fromValue', code: 'reply_inbound_server_only', message }];
  }
  if (typeof doc.body !== 'string' || doc.body.trim() === '') {
    return [{ status: 422, field: 'body', code: 'reply_empty', message: 'A reply to the caller needs some text.' }];
  }
  const ticket = context.tickets.get(String(doc.ticketId));
  if (!ticket) return [];
  if (!can(context.actor, 'ticket.reply', ticket)) {
    const message = `You may not reply to the caller of "${ticket.number}": your role cannot update this ticket.`;
    return [{ status: 403, field: 'kind', code: 'reply_forbidden', message, retryable: true }];
  }
  return [];
}

/**
 * A pushed CAB decision: approved or rejected, on a fingerprint, by a member of the change's board who did not request
 * it. Accepted whatever the change's phase (an approver on the road decides offline; a decision on a change that
 * moved on, or was replanned, simply stops counting). Retryable when the change is not on the server yet.
 */
function approvalProblems(context: WriteCheckContext, doc: Doc): WriteProblem[] {
  if (doc.toValue !== 'approved' && doc.toValue !== 'rejected') {
    const message = 'An approval says "approved" or "rejected" (toValue).';
    return [{ status: 422, field: 'toValue', code: 'change_approval_value', message }];
  }
  if (typeof doc.fromValue !== 'string' || doc.fromValue === '') {
    const message = 'An approval names the version of the change it decides on (fromValue: changeFingerprint).';
    return [{ status: 422, field: 'fromValue', code: 'change_approval_value', message }];
  }
  const ticket = context.tickets.get(String(doc.ticketId));
  const boards = context.changeBoards;
  if (!ticket || !boards) return [];
  const members = boards.membersOf(approvalBoardGroupId(ticket, boards.settings));
  return approvalRefusals(context.actor.id, ticket, members, boards.settings).map((r) => ({
    status: r.code === 'change_approval_not_change' ? (422 as const) : (403 as const),
    field: 'authorId',
    code: r.code,
    message: r.message,
  }));
}

/** A pushed person, group or category against the whole directory (directory-rules.ts); taking over your own account is a 403. */
function checkDirectoryEntry(context: WriteCheckContext, doc: Doc, previous: Doc | undefined): WriteProblem[] {
  // The server always loads the directory for directory pushes (writeCheckNeeds); without it only this entry is known.
  const index = context.directory ?? new Map([[String(doc.id), doc as unknown as DirectoryEntry]]);
  return directoryViolations(
    doc as unknown as DirectoryEntry & { _deleted?: boolean },
    previous as unknown as DirectoryEntry | undefined,
    context.actor,
    index,
  ).map((v) => ({
    status: v.code === 'directory_own_account' ? 403 : 422,
    field: v.field,
    code: v.code,
    message: v.message,
  }));
}

/** The key of a survey version in `WriteCheckContext.surveyVersions`. */
export function surveyVersionKey(surveyId: string, version: number): string {
  return `${surveyId}@${version}`;
}

/** Why staff may not push a response of this channel: e-mail and portal answers are the customer's own. */
const CUSTOMER_CHANNEL_MESSAGES: Readonly<Record<string, string>> = {
  email: 'E-mail responses are recorded by the server from the survey link; record on-site responses with channel "onsite".',
  portal:
    'Portal responses are recorded by the server from the customer\'s own token-checked survey link; staff record only on-site responses (channel "onsite").',
};

/**
 * A pushed survey response: only on-site ones (e-mail and portal answers come through the public, token-checked
 * survey link, never from a device), about a ticket the pusher can see, under the ticket's one on-site id (one per
 * ticket and channel), in the name of the ticket's caller, answering a published version with valid answers.
 */
function checkSurveyResponse(context: WriteCheckContext, doc: Doc): WriteProblem[] {
  if (doc._deleted === true) return [];
  const response = doc as unknown as SurveyResponse;
  if (response.channel !== 'onsite') {
    const message = CUSTOMER_CHANNEL_MESSAGES[response.channel] ?? CUSTOMER_CHANNEL_MESSAGES.portal;
    return [{ status: 403, field: 'channel', code: 'survey_channel_forbidden', message }];
  }
  const ticket = context.tickets.get(response.ticketId);
  if (!ticket) {
    const message = `Ticket "${response.ticketId}" does not exist on the server; push the ticket before its survey response.`;
    return [{ status: 422, field: 'ticketId', message, retryable: true }];
  }
  if (!can(context.actor, 'ticket.see', ticket)) {
    const message = `You cannot see ticket "${response.ticketId}", so you cannot record a survey response for it.`;
    return [{ status: 403, field: 'ticketId', code: 'out_of_scope', message }];
  }
  if (response.respondentId !== ticket.callerId) {
    const message = `A survey response is the ticket's caller's: respondentId must be "${ticket.callerId}" (the caller of ${ticket.number}), not "${response.respondentId}".`;
    return [{ status: 422, field: 'respondentId', code: 'survey_respondent_not_caller', message }];
  }
  if (response.id !== onsiteResponseId(response.ticketId)) {
    const message = `An on-site response is the ticket's only one: its id must be "${onsiteResponseId(response.ticketId)}" (onsiteResponseId).`;
    return [{ status: 422, field: 'id', message }];
  }
  const template = context.surveyVersions.get(surveyVersionKey(response.surveyId, response.surveyVersion));
  if (!template) {
    const message = `Survey "${response.surveyId}" has no version ${response.surveyVersion} on the server.`;
    return [{ status: 422, field: 'surveyVersion', message }];
  }
  return validateAnswers(template, response.answers).map((p) => ({
    status: 422,
    field: `answers.${p.questionId}`,
    message: p.message,
  }));
}

/** A pushed survey template: complete in both languages once published, and a new version for new questions. */
function checkSurvey(_context: WriteCheckContext, doc: Doc, previous: Doc | undefined): WriteProblem[] {
  if (doc._deleted) return [];
  const before = previous && !previous._deleted ? (previous as unknown as Survey) : undefined;
  return surveyTemplateViolations(doc as unknown as Survey, before).map((v) => ({
    status: 422,
    field: v.field,
    code: v.code,
    message: v.message,
  }));
}

/**
 * The per-collection write checks the server runs on every pushed document before writing any (the push's
 * effects only do side effects afterwards). A collection without an entry has only the access policy's checks.
 */
export const WRITE_CHECKS: Readonly<Partial<Record<ReplicatedCollection, WriteCheck>>> = {
  tickets: checkTicket,
  ticket_events: checkTicketEvent,
  kb_articles: checkArticle,
  surveys: checkSurvey,
  survey_responses: checkSurveyResponse,
  directory: checkDirectoryEntry,
};

/**
 * Who wrote it is the server's to say: a ticket's `updatedBy` and an article's `authorId` (its last writer: the desk
 * sets it on every edit) are the pusher's id. Returns the document to store (the same object when nothing changed),
 * so a client cannot name another user. Stamped rather than refused: after a merge in which the server's side was
 * newer, an honest device pushes the other writer's name in these bookkeeping fields.
 */
export function attributeWrite(collection: ReplicatedCollection, actor: Actor, doc: Doc, previous: Doc | undefined): Doc {
  if (collection === 'tickets' && doc.updatedBy !== actor.id) return { ...doc, updatedBy: actor.id };
  // A rating is the reader's, not an edit of the article: its author stays.
  if (collection === 'kb_articles' && previous && onlyRatingsChanged(previous, doc)) return doc;
  if (collection === 'kb_articles' && doc.authorId !== actor.id) return { ...doc, authorId: actor.id };
  return doc;
}

/** What a push's write checks need the server to load before they run. */
export interface WriteCheckNeeds {
  ticketIds: string[];
  surveyVersions: { surveyId: string; version: number }[];
  directory?: true;
  /** The change settings and board members (approval events, changes entering "scheduled"). */
  changeBoards?: true;
  /** Changes whose stored approval events the checks read. */
  approvalsOf?: string[];
}

/** What a collection's write checks need loaded: the ticket ids (responses, stakeholder updates) and survey versions. */
export function writeCheckNeeds(
  collection: ReplicatedCollection,
  docs: readonly Readonly<Record<string, unknown>>[],
): WriteCheckNeeds {
  if (collection === 'directory') return { ticketIds: [], surveyVersions: [], directory: true };
  if (collection === 'ticket_events') {
    const ticketIds = docs
      .filter((e) => (e.kind === 'communication' && e.toValue === STAKEHOLDER_UPDATE) || e.kind === 'approval')
      .map((e) => String(e.ticketId));
    const boards = docs.some((e) => e.kind === 'approval');
    return { ticketIds: [...new Set(ticketIds)], surveyVersions: [], ...(boards ? { changeBoards: true as const } : {}) };
  }
  if (collection === 'tickets') {
    // Past the CAB (or the catalogue, for a standard change): the quorum or the template is judged.
    const scheduling = docs
      .filter((t) => t.type === 'change' && (APPROVED_PHASES as readonly unknown[]).includes(t.changePhase))
      .map((t) => String(t.id));
    if (scheduling.length === 0) return { ticketIds: [], surveyVersions: [] };
    return { ticketIds: [], surveyVersions: [], changeBoards: true, approvalsOf: scheduling };
  }
  if (collection !== 'survey_responses') return { ticketIds: [], surveyVersions: [] };
  const responses = docs as unknown as readonly SurveyResponse[];
  return {
    ticketIds: [...new Set(responses.map((r) => r.ticketId))],
    surveyVersions: responses.map((r) => ({ surveyId: r.surveyId, version: r.surveyVersion })),
  };
}
