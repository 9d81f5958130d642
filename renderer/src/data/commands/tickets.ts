import {
  ACCESS_POLICY,
  TICKET_REVISED_FIELDS,
  bumpFieldRevisions,
  checkReviewBeforeClose,
  checkTicketRules,
  closesMajorIncident,
  jsonEqual,
  normalizeTicket,
} from '@shared';
import type { Role, RuleViolation, Ticket } from '@shared';
import type { DeskDatabase } from '../types.js';
import { recordTicketChangeEvents } from './events.js';

/** Fields a person edits on a ticket. Identity and bookkeeping fields are set by the command itself. */
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
  >
>;

/** Who makes a change: the signed-in user (a SessionUser fits). With a role, locked fields are enforced too. */
export interface CommandActor {
  id: string;
  role?: Role;
}

const LIMITS: Partial<Record<keyof Ticket, number>> = {
  title: 300,
  description: 20_000,
  resolutionNotes: 20_000,
  priorityOverrideReason: 500,
};

function shapeViolations(next: Ticket): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (next.title.trim() === '') out.push({ field: 'title', message: 'A ticket needs a title.' });
  for (const [field, max] of Object.entries(LIMITS)) {
    const v = next[field as keyof Ticket];
    if (typeof v === 'string' && v.length > (max ?? 0)) out.push({ field, message: `At most ${max} characters.` });
  }
  return out;
}

function lockedViolations(previous: Ticket, next: Ticket, actor: CommandActor): RuleViolation[] {
  if (!actor.role) return [];
  const grant = ACCESS_POLICY.tickets[actor.role];
  const out: RuleViolation[] = [];
  if (!grant.update) out.push({ field: 'id', message: 'You may not change tickets.' });
  for (const field of grant.lockedFields) {
    if (!jsonEqual(previous[field as keyof Ticket], next[field as keyof Ticket])) {
      out.push({ field, message: `You may not change ${field}.` });
    }
  }
  return out;
}

/** The ticket after a patch, with bookkeeping, edit counters and derived fields recomputed. */
export function applyTicketPatch(previous: Ticket, patch: TicketPatch, actorId: string, now = Date.now()): Ticket {
  const merged: Ticket = { ...previous, ...patch };
  if (merged.status !== 'pending' && patch.pendingReason === undefined) merged.pendingReason = '';
  // updatedAt must move forward even when the device clock lags behind the last writer's.
  const updatedAt = Math.max(now, previous.updatedAt + 1);
  return withEditCounts(previous, normalizeTicket({ ...merged, updatedAt, updatedBy: actorId }));
}

/**
 * `next` with one more edit counted for each field changed since `previous`: a change undone later still reads as a
 * change to the merge.
 */
function withEditCounts<T extends Pick<Ticket, 'fieldRevs'>>(previous: T, next: T): T {
  const fieldRevs = bumpFieldRevisions(previous.fieldRevs, previous, next, TICKET_REVISED_FIELDS, jsonEqual);
  return fieldRevs === undefined ? next : { ...next, fieldRevs };
}

/**
 * Edits a ticket: applies the patch, recomputes priority and queue key (shared normalizeTicket), checks the shared
 * domain rules, and writes only when nothing is violated. Returns the violations; an empty list means written.
 * Status and assignee changes are also appended to the ticket's history (ticket_events).
 */
export async function updateTicket(
  db: DeskDatabase,
  id: string,
  patch: TicketPatch,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const doc = await db.tickets.findOne(id).exec();
  if (!doc) return [{ field: 'id', message: `Ticket ${id} does not exist on this device.` }];
  const previous = doc.toMutableJSON();
  const next = applyTicketPatch(previous, patch, actor.id);
  const violations = [...shapeViolations(next), ...lockedViolations(previous, next, actor), ...checkTicketRules(next, previous)];
  if (closesMajorIncident(next, previous)) {
    const review = await db.ticket_events.findOne({ selector: { ticketId: id, kind: 'review' } }).exec();
    violations.push(...checkReviewBeforeClose(next, previous, review !== null));
  }
  if (violations.length > 0) return violations;
  const changes: Partial<Ticket> = {};
  for (const key of Object.keys(next) as (keyof Ticket)[]) {
    if (!jsonEqual(previous[key], next[key])) (changes as Record<string, unknown>)[key] = next[key];
  }
  const meaningful = Object.keys(changes).filter(
    (k) => k !== 'updatedAt' && k !== 'updatedBy' && k !== 'queueKey' && k !== 'fieldRevs',
  );
  if (meaningful.length === 0) return [];
  const { fieldRevs: _counted, ...values } = changes;
  // The edit counters are counted again on the ticket as stored when written: another edit written since the read
  // above (a second click, a pulled change) keeps its counters, which the merge and the server rely on.
  await doc.incrementalModify((current) => withEditCounts(current, { ...current, ...values }));
  await recordTicketChangeEvents(db, previous, next, actor.id);
  return [];
}
