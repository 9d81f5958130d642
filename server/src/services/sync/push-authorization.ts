import {
  ACCESS_POLICY,
  APPEND_ONLY_COLLECTIONS,
  IMMUTABLE_FIELDS,
  reachableStatus,
  can,
  canSeeTicket,
  hiddenAfterChange,
  checkArticleRules,
  onlyRatingsChanged,
  ratingViolations,
  reviewByViolations,
  calendarHistoryViolations,
  checkSlaSetting,
  slaSettingMessage,
  versionExceptionViolations,
  checkChangeSetting,
  isChangeSettingKind,
  checkReviewBeforeClose,
  checkTicketRules,
  decreasedFieldRevisions,
  jsonEqual,
  type Actor,
  type KbArticle,
  type BusinessCalendar,
  type SettingDocument,
  type ReplicatedCollection,
  type Ticket,
} from '@shared';
import { ciGrantViolations, ciWriteViolations, ticketCiViolations } from '../cmdb/ci-push-rules.js';
import type { SyncDocument } from './document-validation.js';
import type { Violation } from './violation.js';

/** What a row's check needs besides the row: for ticket events, the tickets they belong to. */
export interface RowContext {
  actor: Actor;
  collection: ReplicatedCollection;
  tickets: ReadonlyMap<string, SyncDocument>;
  /** For ticket pushes: the pushed tickets that already have a post-incident review on the server. */
  reviewedTicketIds?: ReadonlySet<string>;
  /** For settings pushes: the ids of the business calendars that exist (stored or in this push). */
  calendarIds?: readonly string[];
  /** For CI pushes: the sites (location CIs) the actor's groups own. */
  siteIds?: readonly string[];
  /** For ticket pushes: which of the CIs the tickets name exist on the server. */
  existingCiIds?: ReadonlySet<string>;
  /** The server's clock, to bound client times (defaults to now). */
  serverNow?: number;
}

const fieldsDiffer = (a: SyncDocument, b: SyncDocument): boolean => {
  const { _deleted: _a, ...restA } = a;
  const { _deleted: _b, ...restB } = b;
  return !jsonEqual(restA, restB);
};

const asTicket = (doc: SyncDocument): Ticket => doc as unknown as Ticket;

/**
 * May this role create, change or delete this document at all? Checked for every row that is not an
 * idempotent retry, before the conflict check, so a forbidden write is a 403 and never a conflict.
 */
export function checkGrant(ctx: RowContext, master: SyncDocument | undefined, next: SyncDocument): Violation[] {
  const { actor, collection } = ctx;
  const grant = ACCESS_POLICY[collection][actor.role];
  const documentId = next.id;
  const deny = (verb: string, field?: string): Violation => ({
    status: 403,
    documentId,
    ...(field ? { field } : {}),
    message: `Your role (${actor.role}) may not ${verb} ${collection} documents.`,
  });
  if (collection === 'config_items') return ciGrantViolations({ actor, siteIds: ctx.siteIds ?? [] }, master, next);
  if (collection === 'ci_history') {
    const message = 'CI history is written by the server from each accepted change; it cannot be pushed.';
    return [{ status: 403, documentId, code: 'ci_history_server_only', message }];
  }
  const violations: Violation[] = [];
  if (!master) {
    if (!grant.create) violations.push(deny('create'));
    if (next._deleted && !grant.delete) violations.push(deny('delete', '_deleted'));
    return violations;
  }
  const appendOnly = APPEND_ONLY_COLLECTIONS.includes(collection);
  if (appendOnly) {
    return [
      { status: 403, documentId, message: `${collection} are append-only: an existing document cannot be changed or deleted.` },
    ];
  }
  if (master._deleted !== next._deleted && !grant.delete) violations.push(deny(next._deleted ? 'delete' : 'restore', '_deleted'));
  // Rating an article is reading it, not editing it: the shared policy says who may, whatever the role's grant.
  if (collection === 'kb_articles' && !next._deleted && onlyRatingsChanged(master, next)) {
    if (!can(actor, 'kb.rate')) violations.push(deny('rate'));
    return violations;
  }
  if (fieldsDiffer(master, next) && !grant.update) violations.push(deny('change'));
  return violations;
}

/**
 * Edit counters only go up: a write based on the current master that lowers one would erase the trace of edits
 * other devices rely on to see a change that was undone (A -> B -> A), so it is refused, naming the counter.
 */
function revisionViolations(master: SyncDocument, next: SyncDocument): Violation[] {
  const documentId = next.id;
  const decreased = decreasedFieldRevisions(master.fieldRevs, next.fieldRevs);
  if (decreased.length === 0) return [];
  if (next.fieldRevs === undefined) {
    return [
      {
        status: 422,
        documentId,
        field: 'fieldRevs',
        message:
          'The field "fieldRevs" is missing, but the server\'s ticket has edit counters: send them back as pulled, ' +
          'each raised by one per edit of its field (this client may be older than the server).',
      },
    ];
  }
  return decreased.map(({ field, master: was, next: now }) => ({
    status: 422 as const,
    documentId,
    field: `fieldRevs.${field}`,
    message: `The edit counter "fieldRevs.${field}" went down from ${was} to ${now}; counters may only stay or go up.`,
  }));
}

function ticketViolations(ctx: RowContext, master: SyncDocument | undefined, next: SyncDocument): Violation[] {
  const { actor } = ctx;
  const documentId = next.id;
  const previous = master && asTicket(master);
  const violations: Violation[] = checkTicketRules(asTicket(next), previous)
    .filter((v) => !(v.field === 'status' && previous && reachableStatus(previous.status, asTicket(next).status)))
    .map((v) => ({
      status: 422 as const,
      documentId,
      field: v.field,
      message: v.message,
      code: v.code,
    }));
  if (master) violations.push(...revisionViolations(master, next));
  // The review is another collection's push: it may simply not have arrived yet, so the client retries.
  for (const v of checkReviewBeforeClose(asTicket(next), previous, ctx.reviewedTicketIds?.has(documentId) ?? false)) {
    violations.push({ status: 422, documentId, field: v.field, message: v.message, retryable: true });
  }
  if (master && !canSeeTicket(actor, asTicket(master))) {
    violations.push({
      status: 403,
      documentId,
      code: 'out_of_scope',
      message: `You cannot see ticket "${documentId}", so you cannot change it.`,
    });
  } else {
    const hidden = hiddenAfterChange(actor, asTicket(next));
    if (hidden) violations.push({ status: 403, documentId, field: hidden.field, message: hidden.message });
  }
  return violations;
}

function eventViolations(ctx: RowContext, next: SyncDocument): Violation[] {
  const { actor, tickets } = ctx;
  const documentId = next.id;
  const violations: Violation[] = [];
  if (next.authorId !== actor.id) {
    violations.push({
      status: 403,
      documentId,
      field: 'authorId',
      message: `Events are written in your own name: authorId must be "${actor.id}".`,
    });
  }
  const ticketId = String(next.ticketId);
  const ticket = tickets.get(ticketId);
  if (!ticket) {
    violations.push({
      status: 422,
      documentId,
      field: 'ticketId',
      message: `Ticket "${ticketId}" does not exist on the server; push the ticket before its events.`,
      retryable: true,
    });
  } else if (!canSeeTicket(actor, asTicket(ticket))) {
    violations.push({
      status: 403,
      documentId,
      field: 'ticketId',
      code: 'out_of_scope',
      message: `You cannot see ticket "${ticketId}", so you cannot add events to it.`,
    });
  }
  return violations;
}

/** Field-level policy and domain rules for a write that passed the grant and conflict checks. */
export function checkWrite(ctx: RowContext, master: SyncDocument | undefined, next: SyncDocument): Violation[] {
  const { actor, collection } = ctx;
  const documentId = next.id;
  const violations: Violation[] = [];
  if (master) {
    for (const field of IMMUTABLE_FIELDS[collection] ?? []) {
      if (!jsonEqual(master[field], next[field])) {
        violations.push({
          status: 422,
          documentId,
          field,
          message: `The field "${field}" cannot change once the document exists.`,
        });
      }
    }
    for (const field of ACCESS_POLICY[collection][actor.role].lockedFields) {
      if (!jsonEqual(master[field], next[field])) {
        violations.push({
          status: 403,
          documentId,
          field,
          message: `Your role (${actor.role}) may not change "${field}" on an existing document.`,
        });
      }
    }
  }
  if (collection === 'tickets') violations.push(...ticketViolations(ctx, master, next));
  if (collection === 'tickets') violations.push(...ticketCiViolations(master, next, ctx.existingCiIds ?? new Set()));
  if (collection === 'ticket_events') violations.push(...eventViolations(ctx, next));
  if (collection === 'settings') violations.push(...settingViolations(ctx, master, next));
  if (collection === 'config_items') violations.push(...ciWriteViolations(actor, next, ctx.serverNow ?? Date.now()));
  if (collection === 'kb_articles' && !next._deleted) {
    const previous = master && !master._deleted ? (master as unknown as KbArticle) : undefined;
    for (const v of checkArticleRules(next as unknown as KbArticle, previous)) {
      violations.push({ status: 422, documentId, field: v.field, message: v.message });
    }
    violations.push(...articleFeedbackViolations(ctx, previous, next as unknown as KbArticle));
  }
  return violations;
}

/** Ratings (each person's own, on an existing article), the server-counted views and the review date. */
function articleFeedbackViolations(ctx: RowContext, previous: KbArticle | undefined, next: KbArticle): Violation[] {
  const documentId = next.id;
  const violations: Violation[] = ratingViolations(ctx.actor.id, next.ratings, previous?.ratings, !previous).map((v) => ({
    status: v.code === 'rating_not_yours' ? (403 as const) : (422 as const),
    documentId,
    field: v.field,
    code: v.code,
    message: v.message,
  }));
  if ((next.views ?? 0) !== (previous?.views ?? 0)) {
    violations.push({
      status: 403,
      documentId,
      field: 'views',
      message: 'Views are counted by the server; they cannot be pushed.',
    });
  }
  if (next.reviewBy !== previous?.reviewBy) {
    if (!can(ctx.actor, 'kb.review.set')) {
      violations.push({ status: 403, documentId, field: 'reviewBy', message: 'Your role may not set review dates.' });
    }
    for (const v of reviewByViolations(next.reviewBy, ctx.serverNow ?? Date.now())) {
      violations.push({ status: 422, documentId, field: v.field, code: v.code, message: v.message });
    }
  }
  return violations;
}

/** SLA policies and calendars: only who `can('sla.settings.write')`, and only well-formed, valid content. */
function settingViolations(ctx: RowContext, master: SyncDocument | undefined, next: SyncDocument): Violation[] {
  const documentId = next.id;
  if (isChangeSettingKind(next.kind) || (master && isChangeSettingKind(master.kind))) {
    if (!can(ctx.actor, 'change.settings.write')) {
      return [
        {
          status: 403,
          documentId,
          message: 'Only administrators change the CAB, blackout and maintenance windows and standard changes.',
        },
      ];
    }
    if (next._deleted) return [];
    if (master && !master._deleted && master.kind !== next.kind) {
      return [
        { status: 422, documentId, field: 'kind', message: 'A setting keeps its kind: store the new one under another id.' },
      ];
    }
    return checkChangeSetting(next as unknown as SettingDocument).map((v) => ({
      status: 422,
      documentId,
      field: v.field,
      code: v.code,
      message: v.message,
    }));
  }
  if (!can(ctx.actor, 'sla.settings.write')) {
    return [{ status: 403, documentId, message: 'Only administrators change SLA policies and calendars.' }];
  }
  if (next._deleted) return [];
  const doc = next as unknown as SettingDocument;
  const violations: Violation[] = checkSlaSetting(doc, ctx.calendarIds ?? []).map((v) => ({
    status: 422,
    documentId,
    field: v.field,
    message: v.message,
    code: v.code,
  }));
  const stored = master && !master._deleted ? (master as unknown as SettingDocument) : undefined;
  if (violations.length === 0 && stored?.kind === 'sla_calendar' && doc.kind === 'sla_calendar') {
    const history = calendarHistoryViolations(
      stored.data as unknown as BusinessCalendar,
      doc.data as unknown as BusinessCalendar,
      ctx.serverNow ?? Date.now(),
    );
    if (history.length > 0)
      violations.push({
        status: 422,
        documentId,
        field: 'data.versions',
        message:
          'A calendar keeps the versions already in effect as they are; add a new version that starts after today instead.',
      });
  }
  if (violations.length === 0 && doc.kind === 'sla_calendar') {
    // The exception days of each version this write adds (every version of a new calendar): stored ones stay as they are.
    const before = stored?.kind === 'sla_calendar' ? (stored.data as unknown as BusinessCalendar).versions : [];
    const next = doc.data as unknown as BusinessCalendar;
    next.versions.forEach((version, i) => {
      if (before.some((old) => jsonEqual(old, version))) return;
      for (const v of versionExceptionViolations(version, ctx.serverNow ?? Date.now()))
        violations.push({
          status: 422,
          documentId,
          field: `data.versions.${i}.${v.field}`,
          message: slaSettingMessage(v.code),
          code: v.code,
        });
    });
  }
  return violations;
}
