import {
  computePriority,
  newTicket,
  normalizeTicket,
  type Channel,
  type DirectoryEntry,
  type Level,
  type PendingReason,
  type Priority,
  type ResolutionCode,
  type Ticket,
  type TicketEvent,
  type TicketStatus,
  type TicketType,
} from '@shared';
import { CATEGORIES, DEMO_USERS, GROUP_IDS } from './directory-data.js';
import type { Random } from './random.js';
import {
  COMMENTS,
  DESCRIPTION_OPENERS,
  REGULAR_CATEGORIES,
  RESOLUTION_NOTES,
  SECURITY_CATEGORIES,
  TICKET_SUBJECTS,
} from './ticket-text.js';

const DAY = 86_400_000;
const STATUS_WEIGHTS: [TicketStatus, number][] = [
  ['new', 10],
  ['assigned', 15],
  ['in_progress', 20],
  ['pending', 10],
  ['resolved', 15],
  ['closed', 30],
];
const LEVELS: [Level, number][] = [
  [1, 15],
  [2, 35],
  [3, 50],
];
const CHANNELS: [Channel, number][] = [
  ['phone', 35],
  ['email', 30],
  ['portal', 20],
  ['walk_in', 10],
  ['field', 5],
];
const CODES: ResolutionCode[] = ['fixed', 'fixed', 'fixed', 'workaround', 'no_fault_found', 'user_error', 'duplicate'];
const PENDING: PendingReason[] = ['customer', 'vendor', 'change'];
/** The statuses a ticket went through to reach its current one, for legal status-change history. */
const PATHS: Record<TicketStatus, TicketStatus[]> = {
  new: ['new', 'assigned'],
  assigned: ['new', 'assigned'],
  in_progress: ['new', 'assigned', 'in_progress'],
  pending: ['new', 'assigned', 'in_progress', 'pending'],
  resolved: ['new', 'assigned', 'in_progress', 'resolved'],
  closed: ['new', 'assigned', 'in_progress', 'resolved', 'closed'],
};
const ROUTING = new Map(CATEGORIES.map(([id, , , , groupId]) => [id, groupId]));

export interface TicketContext {
  rng: Random;
  now: number;
  users: DirectoryEntry[];
  byGroup: Map<string, DirectoryEntry[]>;
}

const pad = (n: number): string => String(n).padStart(7, '0');
export const ticketId = (index: number): string => `tkt-${pad(index + 1)}`;

/** One realistic ticket: valid fields for its status, priority from the matrix, queue key from updatedAt. */
export function makeTicket(ctx: TicketContext, index: number): Ticket {
  const { rng, now } = ctx;
  const security = rng.chance(0.03);
  const type: TicketType = security || rng.chance(0.65) ? 'incident' : 'request';
  let categoryId = rng.pick(security ? SECURITY_CATEGORIES : REGULAR_CATEGORIES);
  if (type === 'request' && TICKET_SUBJECTS[categoryId].request.length === 0) categoryId = 'cat-access-password';
  let groupId = security ? GROUP_IDS.security : (ROUTING.get(categoryId) ?? GROUP_IDS.serviceDesk);
  // A good share of the work lands on the field group, so the demo technician has a queue.
  const forTechnician = !security && rng.chance(0.22);
  if (forTechnician) groupId = GROUP_IDS.field;
  const status = rng.weighted(STATUS_WEIGHTS);
  const members = ctx.byGroup.get(groupId) ?? [];
  let assigneeId = '';
  if (status !== 'new' || rng.chance(0.2)) {
    assigneeId = forTechnician && rng.chance(0.6) ? DEMO_USERS.technician.id : members.length ? rng.pick(members).id : '';
  }
  const caller = rng.pick(ctx.users);
  const lang = caller.locale === 'fr' ? 1 : 0;
  const subject = rng.pick(TICKET_SUBJECTS[categoryId][type === 'incident' ? 'incident' : 'request']);
  const impact = rng.weighted(LEVELS);
  const urgency = rng.weighted(LEVELS);
  const override = rng.chance(0.02);
  const computed = computePriority(impact, urgency);
  const priority: Priority = override ? (computed === 1 ? 2 : ((computed - 1) as Priority)) : computed;
  const createdAt = now - rng.int(1, 120 * DAY);
  const updatedAt = Math.min(now, createdAt + rng.int(0, 10 * DAY));
  const closing = status === 'resolved' || status === 'closed';
  const prefix = type === 'incident' ? 'INC' : 'REQ';
  // The random draws keep their order (the demo data stays the same for a seed); the ticket is made the way every
  // writer makes one (newTicket), then given the state its history reached.
  const description = `${rng.pick(DESCRIPTION_OPENERS)[lang]}\n\n${subject[lang]}.`;
  const pendingReason = status === 'pending' ? rng.pick(PENDING) : '';
  const channel = rng.weighted(CHANNELS);
  const resolutionCode = closing ? rng.pick(CODES) : '';
  const resolutionNotes = closing ? rng.pick(RESOLUTION_NOTES)[lang] : '';
  const updatedBy = assigneeId || DEMO_USERS.agent.id;
  const created = newTicket(
    {
      id: ticketId(index),
      type,
      title: subject[lang],
      description,
      impact,
      urgency,
      priority,
      priorityOverrideReason: override ? (lang ? 'Demande de la direction.' : 'Requested by management.') : '',
      categoryId,
      groupId,
      callerId: caller.id,
      channel,
      security,
    },
    updatedBy,
    createdAt,
  );
  return normalizeTicket({
    ...created,
    number: `${prefix}${pad(1001 + index)}`,
    status,
    pendingReason,
    assigneeId,
    resolutionCode,
    resolutionNotes,
    updatedAt,
  });
}

/** 0 to 5 history entries for a ticket: comments, worklog, status and assignment changes. */
export function makeEvents(ctx: TicketContext, ticket: Ticket): TicketEvent[] {
  const { rng } = ctx;
  const count = rng.int(0, 5);
  const events: TicketEvent[] = [];
  const span = Math.max(1, ticket.updatedAt - ticket.createdAt);
  const author = ticket.assigneeId || DEMO_USERS.agent.id;
  for (let k = 0; k < count; k++) {
    const occurredAt = ticket.createdAt + Math.floor((span * (k + 1)) / (count + 1));
    const kind =
      k === 0 && ticket.assigneeId
        ? 'assignment'
        : rng.weighted([
            ['comment', 4],
            ['worklog', 3],
            ['status_change', 2],
          ] as const);
    const lang = rng.chance(0.5) ? 1 : 0;
    const event: TicketEvent = {
      id: `evt-${ticket.id.slice(4)}-${k + 1}`,
      ticketId: ticket.id,
      kind,
      authorId: author,
      occurredAt,
      body: '',
      minutes: 0,
      fromValue: '',
      toValue: '',
    };
    if (kind === 'assignment') Object.assign(event, { fromValue: '', toValue: ticket.assigneeId });
    if (kind === 'comment') event.body = rng.pick(COMMENTS)[lang];
    if (kind === 'worklog')
      Object.assign(event, {
        minutes: rng.int(1, 48) * 5,
        body: lang ? 'Diagnostic et suivi.' : 'Troubleshooting and follow-up.',
      });
    if (kind === 'status_change') {
      const path = PATHS[ticket.status];
      const step = rng.int(0, path.length - 2);
      Object.assign(event, { fromValue: path[step], toValue: path[step + 1] });
    }
    events.push(event);
  }
  return events;
}
