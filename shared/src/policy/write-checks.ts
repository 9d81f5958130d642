import type { Actor } from '../domain/access-policy.js';
import { onsiteResponseId, validateAnswers } from '../domain/survey-rules.js';
import type { Survey, SurveyResponse } from '../schemas/survey.js';
import type { Ticket } from '../schemas/ticket.js';
import type { ReplicatedCollection } from '../sync/protocol.js';
import { CLIENT_CLOCK_TOLERANCE_MS, isTooFarAhead } from '../domain/client-time.js';
import { FIELD_REVISION_STEP_MAX, excessiveFieldRevisionRises } from '../domain/field-revisions.js';
import { INITIAL_STATUSES } from '../domain/ticket-lifecycle.js';
import type { ViolationCode } from '../domain/ticket-rules.js';
import { can } from './can.js';

/** One reason a pushed document is refused before anything is written: 403 forbidden, 422 wrong data. */
export interface WriteProblem {
  status: 403 | 422;
  field: string;
  message: string;
  /** Stable code the UI translates (`violations.<code>`), for problems that have one. */
  code?: ViolationCode;
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

/** A ticket is created in an initial status (new, or assigned to whoever records it on site), never further on. */
function initialStatusProblems(doc: Doc, previous: Doc | undefined): WriteProblem[] {
  if (previous !== undefined || doc._deleted === true) return [];
  const status = doc.status as Ticket['status'];
  if (INITIAL_STATUSES.includes(status)) return [];
  return [
    {
      status: 422,
      field: 'status',
      code: 'create_status',
      message: `A new ticket starts as ${INITIAL_STATUSES.map((s) => `"${s}"`).join(' or ')}, not "${status}": create it, then move it along its lifecycle.`,
    },
  ];
}

/**
 * A pushed ticket (deletions too: a tombstone keeps its counters for a restore): times bounded by the server's clock,
 * counters raised by at most one push's edits, and a create in an initial status.
 */
function checkTicket(context: WriteCheckContext, doc: Doc, previous: Doc | undefined): WriteProblem[] {
  return [
    ...futureTimeProblems(context, doc, ['createdAt', 'updatedAt']),
    ...fieldRevisionProblems(doc, previous),
    ...initialStatusProblems(doc, previous),
  ];
}

/** A pushed knowledge article: its time is bounded by the server's clock. */
function checkArticle(context: WriteCheckContext, doc: Doc): WriteProblem[] {
  if (doc._deleted === true) return [];
  return futureTimeProblems(context, doc, ['updatedAt']);
}

/** The key of a survey version in `WriteCheckContext.surveyVersions`. */
export function surveyVersionKey(surveyId: string, version: number): string {
  return `${surveyId}@${version}`;
}

/**
 * A pushed survey response: never by e-mail (the server records those from the survey link), about a ticket the
 * pusher can see, on-site ones under the ticket's one id, answering a published version with valid answers.
 */
function checkSurveyResponse(context: WriteCheckContext, doc: Doc): WriteProblem[] {
  if (doc._deleted === true) return [];
  const response = doc as unknown as SurveyResponse;
  if (response.channel === 'email') {
    const message =
      'E-mail responses are recorded by the server from the survey link; record on-site responses with channel "onsite".';
    return [{ status: 403, field: 'channel', message }];
  }
  const ticket = context.tickets.get(response.ticketId);
  if (!ticket) {
    const message = `Ticket "${response.ticketId}" does not exist on the server; push the ticket before its survey response.`;
    return [{ status: 422, field: 'ticketId', message, retryable: true }];
  }
  if (!can(context.actor, 'ticket.see', ticket)) {
    const message = `You cannot see ticket "${response.ticketId}", so you cannot record a survey response for it.`;
    return [{ status: 403, field: 'ticketId', message }];
  }
  if (response.channel === 'onsite' && response.id !== onsiteResponseId(response.ticketId)) {
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

/**
 * The per-collection write checks the server runs on every pushed document before writing any (the push's
 * effects only do side effects afterwards). A collection without an entry has only the access policy's checks.
 */
export const WRITE_CHECKS: Readonly<Partial<Record<ReplicatedCollection, WriteCheck>>> = {
  tickets: checkTicket,
  kb_articles: checkArticle,
  survey_responses: checkSurveyResponse,
};

/**
 * Who wrote it is the server's to say: a ticket's `updatedBy` and an article's `authorId` (its last writer: the desk
 * sets it on every edit) are the pusher's id. Returns the document to store (the same object when nothing changed),
 * so a client cannot name another user. Stamped rather than refused: after a merge in which the server's side was
 * newer, an honest device pushes the other writer's name in these bookkeeping fields.
 */
export function attributeWrite(collection: ReplicatedCollection, actor: Actor, doc: Doc, _previous: Doc | undefined): Doc {
  if (collection === 'tickets' && doc.updatedBy !== actor.id) return { ...doc, updatedBy: actor.id };
  if (collection === 'kb_articles' && doc.authorId !== actor.id) return { ...doc, authorId: actor.id };
  return doc;
}

/** What a collection's write checks need loaded: the ticket ids and survey versions the documents name. */
export function writeCheckNeeds(
  collection: ReplicatedCollection,
  docs: readonly Readonly<Record<string, unknown>>[],
): { ticketIds: string[]; surveyVersions: { surveyId: string; version: number }[] } {
  if (collection !== 'survey_responses') return { ticketIds: [], surveyVersions: [] };
  const responses = docs as unknown as readonly SurveyResponse[];
  return {
    ticketIds: [...new Set(responses.map((r) => r.ticketId))],
    surveyVersions: responses.map((r) => ({ surveyId: r.surveyId, version: r.surveyVersion })),
  };
}
