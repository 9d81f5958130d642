import { EVENT_BODY_MAX, can, fieldChangeBody, ticketFieldChanges } from '@shared';
import type { Actor, RuleViolation, Ticket, TicketEvent } from '@shared';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';

export interface NewTicketEvent {
  ticketId: string;
  kind: 'comment' | 'worklog';
  body: string;
  /** Minutes of work: required (1..10000) for worklog entries, ignored for comments. */
  minutes?: number;
}

export interface AddTicketEventResult {
  event: TicketEvent | null;
  violations: RuleViolation[];
}

function validate(input: NewTicketEvent): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (input.body.trim() === '') out.push({ code: 'body_required', field: 'body', message: 'Write something first.' });
  if (input.body.length > EVENT_BODY_MAX) {
    out.push({
      code: 'too_long',
      field: 'body',
      message: `At most ${EVENT_BODY_MAX} characters.`,
      params: { max: EVENT_BODY_MAX },
    });
  }
  if (input.kind === 'worklog') {
    const m = input.minutes ?? 0;
    if (!Number.isInteger(m) || m < 1 || m > 10_000)
      out.push({ code: 'minutes_range', field: 'minutes', message: 'Minutes must be a whole number from 1 to 10000.' });
  }
  return out;
}

/**
 * Appends a comment or a worklog entry to a ticket's history: a new uuid and occurredAt = now, the time the
 * work was recorded on this device. Entries are append-only, so they never conflict.
 */
export async function addTicketEvent(
  db: DeskDatabase,
  input: NewTicketEvent,
  actor: { id: string },
): Promise<AddTicketEventResult> {
  const violations = validate(input);
  if (violations.length > 0) return { event: null, violations };
  const event: TicketEvent = {
    id: newId(),
    ticketId: input.ticketId,
    kind: input.kind,
    authorId: actor.id,
    occurredAt: Date.now(),
    body: input.body.trim(),
    minutes: input.kind === 'worklog' ? (input.minutes ?? 0) : 0,
    fromValue: '',
    toValue: '',
  };
  await db.ticket_events.insert(event);
  return { event, violations: [] };
}

/**
 * Records a public reply to the ticket's caller (a `reply` event, distinct from the internal comment). The server mails
 * it to the caller when the event reaches it, so it is recorded offline like any event and mailed once synced. Asks
 * the same rule as the push (`ticket.reply`): a role that cannot update the ticket may not write to its caller.
 */
export async function addPublicReply(
  db: DeskDatabase,
  input: { ticketId: string; body: string },
  actor: Actor,
): Promise<AddTicketEventResult> {
  const violations = validate({ ...input, kind: 'comment' });
  if (violations.length > 0) return { event: null, violations };
  const ticket = (await db.tickets.findOne(input.ticketId).exec())?.toJSON() as Ticket | undefined;
  if (!ticket || !can(actor, 'ticket.reply', ticket)) {
    return {
      event: null,
      violations: [{ code: 'not_permitted', field: 'body', message: 'Your role may not reply to the caller of this ticket.' }],
    };
  }
  const event: TicketEvent = {
    id: newId(),
    ticketId: input.ticketId,
    kind: 'reply',
    authorId: actor.id,
    occurredAt: Date.now(),
    body: input.body.trim(),
    minutes: 0,
    fromValue: '',
    toValue: '',
  };
  await db.ticket_events.insert(event);
  return { event, violations: [] };
}

/** History entries for the status, assignee and tracked-field changes (TRACKED_TICKET_FIELDS) made by `updateTicket`. */
export async function recordTicketChangeEvents(db: DeskDatabase, previous: Ticket, next: Ticket, actorId: string): Promise<void> {
  const events: TicketEvent[] = [];
  const base = { ticketId: next.id, authorId: actorId, occurredAt: next.updatedAt, body: '', minutes: 0 };
  if (previous.status !== next.status) {
    // A pause carries its reason (customer, vendor, change): the SLA clocks and their explanation name it.
    const body = next.status === 'pending' ? next.pendingReason : '';
    events.push({ ...base, id: newId(), body, kind: 'status_change', fromValue: previous.status, toValue: next.status });
  }
  if (previous.assigneeId !== next.assigneeId) {
    events.push({ ...base, id: newId(), kind: 'assignment', fromValue: previous.assigneeId, toValue: next.assigneeId });
  }
  for (const change of ticketFieldChanges(previous, next)) {
    events.push({ ...base, id: newId(), kind: 'field_change', body: fieldChangeBody(change), fromValue: '', toValue: '' });
  }
  if (events.length > 0) await db.ticket_events.bulkInsert(events);
}
