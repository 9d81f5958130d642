import { canSeeTicket, checkTicketRules, isEmailAddress, isSecurityCategory, newTicket, ticketShapeViolations } from '@shared';
import type { Actor, Channel, DirectoryEntry, Level, Priority, RuleViolation, Ticket, TicketType } from '@shared';
import { routeTicket } from '@shared/domain/routing.js';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';

/** What a person fills in to record a ticket. The command adds identity, routing and bookkeeping. */
export interface NewTicketInput {
  type: TicketType;
  title: string;
  description: string;
  /** A directory user, or '' for a new contact given by callerName and callerEmail. */
  callerId: string;
  callerName?: string;
  callerEmail?: string;
  channel: Channel;
  categoryId: string;
  affectedItem?: string;
  /** The affected configuration items (at most TICKET_CI_MAX, the schema's limit). */
  ciIds?: string[];
  impact: Level;
  urgency: Level;
  /** Set with a reason to override the matrix priority. */
  priority?: Priority;
  priorityOverrideReason?: string;
}

export interface CreateTicketResult {
  ticket: Ticket | null;
  violations: RuleViolation[];
}

function inputViolations(input: NewTicketInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  out.push(...ticketShapeViolations(input));
  if (input.callerId === '') {
    if (!input.callerName?.trim()) out.push({ code: 'caller_name_required', field: 'callerName', message: 'Name the caller.' });
    if (!isEmailAddress(input.callerEmail?.trim() ?? ''))
      out.push({ code: 'caller_email_invalid', field: 'callerEmail', message: 'Give a valid e-mail address.' });
  }
  if (input.priorityOverrideReason !== undefined && input.priority !== undefined && !input.priorityOverrideReason.trim()) {
    out.push({
      code: 'priority_reason_required',
      field: 'priorityOverrideReason',
      message: 'Give a reason to override the priority.',
    });
  }
  return out;
}

/** The ticket a creation would write, routed by its category (pure; exported for tests). */
export function buildNewTicket(
  input: NewTicketInput,
  categories: readonly DirectoryEntry[],
  actorId: string,
  now: number,
  id = newId(),
): Ticket {
  const newContact = input.callerId === '';
  return newTicket(
    {
      ...input,
      id,
      groupId: routeTicket(input.categoryId, categories),
      security: isSecurityCategory(input.categoryId, categories),
      callerName: newContact ? (input.callerName ?? '') : undefined,
      callerEmail: newContact ? (input.callerEmail ?? '') : undefined,
    },
    actorId,
    now,
  );
}

/**
 * A technician who records a ticket routed to a group they are not in would lose sight of it (and the server would
 * refuse it), so it is assigned to them: in the field, whoever logs the ticket on site owns it first.
 */
export function keepVisibleToCreator(ticket: Ticket, actor: { id: string } | Actor): Ticket {
  if (!('role' in actor) || canSeeTicket(actor, ticket)) return ticket;
  return { ...ticket, assigneeId: actor.id, status: 'assigned' };
}

/**
 * Records a new ticket on this device (works offline): a stable uuid, a provisional number (`NEW-…`) until the
 * server assigns one, status new, routed to its category's group. Returns the violations; nothing is written then.
 */
export async function createTicket(
  db: DeskDatabase,
  input: NewTicketInput,
  actor: { id: string } | Actor,
): Promise<CreateTicketResult> {
  const violations = inputViolations(input);
  if (violations.length > 0) return { ticket: null, violations };
  const docs = await db.directory.find({ selector: { kind: 'category' } }).exec();
  const categories = docs.map((d) => d.toJSON() as DirectoryEntry);
  const ticket = keepVisibleToCreator(buildNewTicket(input, categories, actor.id, Date.now()), actor);
  if (ticket.security && 'role' in actor && !canSeeTicket(actor, ticket)) {
    const message = 'Security incidents are recorded by the security group or a supervisor: transfer the caller to them.';
    return { ticket: null, violations: [{ code: 'security_recorded_elsewhere', field: 'categoryId', message }] };
  }
  const rules = checkTicketRules(ticket);
  if (rules.length > 0) return { ticket: null, violations: rules };
  await db.tickets.insert(ticket);
  const created = { ticketId: ticket.id, authorId: actor.id, occurredAt: ticket.createdAt, body: '', minutes: 0 };
  await db.ticket_events.insert({ ...created, id: newId(), kind: 'created', fromValue: '', toValue: ticket.status });
  return { ticket, violations: [] };
}
