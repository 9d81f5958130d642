import type { DirectoryEntry } from '../schemas/directory.js';
import type { Channel, Level, Priority, TicketType } from '../schemas/ticket.js';
import { ticketDefinition, type Ticket } from '../schemas/ticket.js';
import { TICKET_REVISED_FIELDS, bumpFieldRevisions } from './field-revisions.js';
import { changeFingerprint } from '../change/change-approvals.js';
import { changeTypeOf } from '../change/change-lifecycle.js';
import { ticketMergePolicy } from './merge-policies.js';
import { jsonEqual } from './three-way-merge.js';
import { routeTicket } from './routing.js';
import { isSecurityCategory } from './security-incident.js';
import { statusAfterHandOver, statusForAssignee } from './ticket-lifecycle.js';
import { provisionalNumber } from './ticket-numbering.js';
import { normalizeTicket, type RuleViolation } from './ticket-rules.js';

/** Fields a person edits on a ticket. Identity and bookkeeping fields are set by the write itself. */
export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'title'
    | 'description'
    | 'status'
    | 'pendingReason'
    | 'impact'
    | 'urgency'
    | 'priority'
    | 'priorityOverrideReason'
    | 'categoryId'
    | 'groupId'
    | 'assigneeId'
    | 'callerId'
    | 'callerName'
    | 'callerEmail'
    | 'affectedItem'
    | 'ciIds'
    | 'channel'
    | 'security'
    | 'type'
    | 'resolutionCode'
    | 'resolutionNotes'
    | 'escalationTier'
    | 'escalatedToSupervisor'
    | 'major'
    | 'majorManagerId'
    | 'watcherIds'
    | 'linkedArticleIds'
    | 'resolvedWithArticleId'
    | 'parentId'
    | 'problemId'
    | 'problemPhase'
    | 'rootCause'
    | 'workaround'
    | 'knownError'
    | 'resolvedByProblemCount'
    | 'changeType'
    | 'changePhase'
    | 'changePlan'
    | 'changeTemplateId'
    | 'riskAnswers'
    | 'plannedStart'
    | 'plannedEnd'
    | 'implementedAt'
    | 'changeOutcome'
    | 'reviewNotes'
    | 'fixesTicketIds'
    | 'causedByChangeId'
    | 'releaseChangeIds'
    | 'releaseDeployments'
    | 'releaseNotes'
    | 'actualStart'
    | 'actualEnd'
  >
>;

/** Free-text fields a person types into; their limits are read from the ticket schema, never written here. */
const TEXT_FIELDS = [
  'title',
  'description',
  'resolutionNotes',
  'priorityOverrideReason',
  'callerName',
  'callerEmail',
  'affectedItem',
] as const;
export type TicketTextField = (typeof TEXT_FIELDS)[number];

/** The longest value of each free-text ticket field, in characters, as the JSON schema states it. */
export const TICKET_TEXT_LIMITS: Readonly<Record<TicketTextField, number>> = Object.fromEntries(
  TEXT_FIELDS.map((field) => {
    const max = ticketDefinition.schema.properties[field]?.maxLength;
    if (max === undefined) throw new Error(`The ticket schema gives ${field} no maxLength.`);
    return [field, max];
  }),
) as Record<TicketTextField, number>;

/** Fields that record who wrote and when, not what: a write changing only these changes nothing. */
export const TICKET_BOOKKEEPING_FIELDS: readonly (keyof Ticket)[] = [...ticketMergePolicy.bookkeepingFields, 'fieldRevs'];

/** Shape problems of a ticket about to be written: an empty title, text longer than the schema allows. */
export function ticketShapeViolations(next: Partial<Ticket>): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (typeof next.title === 'string' && next.title.trim() === '') {
    out.push({ code: 'title_required', field: 'title', message: 'A ticket needs a title.' });
  }
  for (const field of TEXT_FIELDS) {
    const value = next[field];
    const max = TICKET_TEXT_LIMITS[field];
    if (typeof value === 'string' && value.length > max) {
      out.push({ code: 'too_long', field, message: `At most ${max} characters.`, params: { max } });
    }
  }
  return out;
}

/**
 * `next` with one more edit counted for each field changed since `previous`: a change undone later still reads as a
 * change to the merge.
 */
export function withEditCounts<T extends Pick<Ticket, 'fieldRevs'>>(previous: T, next: T): T {
  const fieldRevs = bumpFieldRevisions(previous.fieldRevs, previous, next, TICKET_REVISED_FIELDS, jsonEqual);
  return fieldRevs === undefined ? next : { ...next, fieldRevs };
}

/**
 * The ticket after a patch, with bookkeeping, edit counters and derived fields recomputed. A patch that changes the
 * assignee without choosing a status gets the status consistent with the assignment (statusForAssignee), so every
 * action that assigns, unassigns, hands over or escalates leaves no "Assigned" ticket without an assignee. A status
 * the person chose explicitly is kept and judged by checkTicketRules.
 */
export function applyTicketPatch(previous: Ticket, patch: TicketPatch, actorId: string, now = Date.now()): Ticket {
  const merged: Ticket = { ...previous, ...patch };
  const statusChosen = patch.status !== undefined && patch.status !== previous.status;
  if (merged.assigneeId !== previous.assigneeId && !statusChosen) {
    merged.status = statusForAssignee(merged.status, merged.assigneeId);
  }
  if (merged.status !== 'pending' && patch.pendingReason === undefined) merged.pendingReason = '';
  // A scheduled change replanned (plan, window, CIs) goes back to its CAB, which approved another plan.
  if (merged.type === 'change' && merged.changePhase === 'scheduled' && previous.changePhase === 'scheduled') {
    if (changeTypeOf(merged) !== 'standard' && changeFingerprint(merged) !== changeFingerprint(previous)) {
      merged.changePhase = 'awaiting_approval';
    }
  }
  // updatedAt must move forward even when the device clock lags behind the last writer's.
  const updatedAt = Math.max(now, previous.updatedAt + 1);
  return withEditCounts(previous, normalizeTicket({ ...merged, updatedAt, updatedBy: actorId }));
}

/** The fields a write changes, leaving out bookkeeping: empty when the write would change nothing a person sees. */
export function meaningfulTicketChanges(previous: Ticket, next: Ticket): (keyof Ticket)[] {
  return (Object.keys(next) as (keyof Ticket)[]).filter(
    (key) => !TICKET_BOOKKEEPING_FIELDS.includes(key) && !jsonEqual(previous[key], next[key]),
  );
}

/** What a new ticket is made of; everything else (status, number, bookkeeping, derived fields) the write sets. */
export interface NewTicketFields {
  id: string;
  type: TicketType;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  /** With a non-blank override reason only; otherwise the matrix decides. */
  priority?: Priority;
  priorityOverrideReason?: string;
  categoryId: string;
  groupId: string;
  callerId: string;
  callerName?: string;
  callerEmail?: string;
  affectedItem?: string;
  /** The affected configuration items; empty or absent when none is linked. */
  ciIds?: string[];
  channel: Channel;
  security: boolean;
  parentId?: string;
}

/**
 * A new ticket as every writer creates it (the desk, the server's own follow-ups, the seed, benchmarks): status new,
 * a provisional number, unassigned, texts trimmed, priority and queue key computed (a problem in phase new). Check it
 * with checkTicketRules.
 */
export function newTicket(fields: NewTicketFields, actorId: string, now: number): Ticket {
  const reason = fields.priorityOverrideReason?.trim() ?? '';
  const ticket: Ticket = {
    id: fields.id,
    number: provisionalNumber(fields.id),
    type: fields.type,
    title: fields.title.trim(),
    description: fields.description.trim(),
    status: 'new',
    pendingReason: '',
    impact: fields.impact,
    urgency: fields.urgency,
    priority: reason && fields.priority ? fields.priority : 3,
    priorityOverrideReason: reason,
    categoryId: fields.categoryId,
    groupId: fields.groupId,
    assigneeId: '',
    callerId: fields.callerId,
    channel: fields.channel,
    security: fields.security,
    resolutionCode: '',
    resolutionNotes: '',
    createdAt: now,
    updatedAt: now,
    updatedBy: actorId,
    queueKey: 0,
  };
  const callerName = fields.callerName?.trim();
  const callerEmail = fields.callerEmail?.trim();
  const affectedItem = fields.affectedItem?.trim();
  if (callerName !== undefined) ticket.callerName = callerName;
  if (callerEmail !== undefined) ticket.callerEmail = callerEmail;
  if (affectedItem) ticket.affectedItem = affectedItem;
  if (fields.ciIds?.length) ticket.ciIds = [...new Set(fields.ciIds)];
  if (fields.parentId) ticket.parentId = fields.parentId;
  // A problem starts its own lifecycle at once (problem-lifecycle.ts): the desk moves its phases (the problem panel),
  // so a problem recorded now never follows the plain ticket lifecycle as those stored before schema v5 do.
  if (fields.type === 'problem') ticket.problemPhase = 'new';
  // Likewise a change starts as a draft RFC (change-lifecycle.ts), normal unless it is made from a standard template.
  if (fields.type === 'change') {
    ticket.changePhase = 'draft';
    ticket.changeType = 'normal';
  }
  return normalizeTicket(ticket);
}

/** `text` cut to the schema's limit for a ticket field, for texts the server composes itself (quotes, summaries). */
export function clipTicketText(field: TicketTextField, text: string): string {
  return text.slice(0, TICKET_TEXT_LIMITS[field]);
}

/**
 * Handing the ticket to another group without an assignee (functional escalation, re-routing by category): the
 * previous assignee belongs to the group it leaves, and the work starts again in the new group's queue
 * (statusAfterHandOver). The same group is no hand-over: nothing changes.
 */
export function handOverPatch(ticket: Pick<Ticket, 'groupId' | 'status'>, groupId: string): TicketPatch {
  if (groupId === ticket.groupId) return {};
  return { groupId, assigneeId: '', status: statusAfterHandOver(ticket.status) };
}

type CategoryLike = Pick<DirectoryEntry, 'id' | 'parentId' | 'groupId'>;

/**
 * Re-categorising a ticket: routed the way creation routes it (routeTicket), but only when the category or one of its
 * ancestors names a group; a category that names none keeps the ticket where it is rather than sending it back to
 * the service desk. A security category marks the ticket restricted, as at creation; leaving one does not lift the
 * restriction, which stays a deliberate act.
 */
export function recategorisePatch(
  ticket: Pick<Ticket, 'groupId' | 'status' | 'security'>,
  categoryId: string,
  categories: ReadonlyMap<string, CategoryLike> | readonly CategoryLike[],
): TicketPatch {
  const routed = categoryId === '' ? '' : routeTicket(categoryId, categories, '');
  const patch: TicketPatch = { categoryId, ...(routed ? handOverPatch(ticket, routed) : {}) };
  if (!ticket.security && isSecurityCategory(categoryId, categories)) patch.security = true;
  return patch;
}
