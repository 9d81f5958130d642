import {
  ACCESS_POLICY,
  applyTicketPatch,
  checkReviewBeforeClose,
  checkTicketRules,
  closesMajorIncident,
  hiddenAfterChange,
  jsonEqual,
  meaningfulTicketChanges,
  ticketShapeViolations,
  withEditCounts,
} from '@shared';
import type { Role, RuleViolation, Ticket, TicketPatch } from '@shared';
import type { DeskDatabase } from '../types.js';
import { recordTicketChangeEvents } from './events.js';

/** Re-exported for the renderer's callers; the write rules live in shared/domain/ticket-writes.ts. */
export { applyTicketPatch, type TicketPatch };

/** Who makes a change: the signed-in user (a SessionUser fits). With a role, locked fields are enforced too. */
export interface CommandActor {
  id: string;
  role?: Role;
  /** Known for a signed-in user: the change must leave the ticket visible to them (the server checks it too). */
  groupIds?: string[];
}

/** The shared visibility rule, where the actor is fully known. */
function visibilityViolations(next: Ticket, actor: CommandActor): RuleViolation[] {
  if (!actor.role || !actor.groupIds) return [];
  const hidden = hiddenAfterChange({ id: actor.id, role: actor.role, groupIds: actor.groupIds }, next);
  return hidden ? [hidden] : [];
}

function lockedViolations(previous: Ticket, next: Ticket, actor: CommandActor): RuleViolation[] {
  if (!actor.role) return [];
  const grant = ACCESS_POLICY.tickets[actor.role];
  const out: RuleViolation[] = [];
  if (!grant.update) out.push({ code: 'not_permitted', field: 'id', message: 'You may not change tickets.' });
  for (const field of grant.lockedFields) {
    if (!jsonEqual(previous[field as keyof Ticket], next[field as keyof Ticket])) {
      out.push({ code: 'field_locked', field, message: `You may not change ${field}.` });
    }
  }
  return out;
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
  if (!doc) return [{ code: 'not_found', field: 'id', message: `Ticket ${id} does not exist on this device.` }];
  const previous = doc.toMutableJSON();
  const next = applyTicketPatch(previous, patch, actor.id);
  const violations = [
    ...ticketShapeViolations(next),
    ...lockedViolations(previous, next, actor),
    ...visibilityViolations(next, actor),
    ...checkTicketRules(next, previous),
  ];
  if (closesMajorIncident(next, previous)) {
    const review = await db.ticket_events.findOne({ selector: { ticketId: id, kind: 'review' } }).exec();
    violations.push(...checkReviewBeforeClose(next, previous, review !== null));
  }
  if (violations.length > 0) return violations;
  if (meaningfulTicketChanges(previous, next).length === 0) return [];
  const changes: Partial<Ticket> = {};
  for (const key of Object.keys(next) as (keyof Ticket)[]) {
    if (!jsonEqual(previous[key], next[key])) (changes as Record<string, unknown>)[key] = next[key];
  }
  const { fieldRevs: _counted, ...values } = changes;
  // The edit counters are counted again on the ticket as stored when written: another edit written since the read
  // above (a second click, a pulled change) keeps its counters, which the merge and the server rely on.
  await doc.incrementalModify((current) => withEditCounts(current, { ...current, ...values }));
  await recordTicketChangeEvents(db, previous, next, actor.id);
  return [];
}
