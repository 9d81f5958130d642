import { computePriority, queueKeyFor, type Ticket, type TicketEvent } from '@shared';

let counter = 0;
/** A unique id with a readable prefix. */
export const uniqueId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

const NOW = 1_780_000_000_000;

/** A ticket that passes every rule; override fields to shape it. Priority and queue key are recomputed. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket & { _deleted: boolean } {
  const base: Ticket = {
    id: uniqueId('t'),
    number: `INC${String(9_000_000 + (counter++ % 999_999)).padStart(7, '0')}`,
    type: 'incident',
    title: 'Printer jams on floor 2',
    description: 'Paper jams every few pages.',
    status: 'assigned',
    pendingReason: '',
    impact: 2,
    urgency: 2,
    priority: 3,
    priorityOverrideReason: '',
    categoryId: 'cat-hardware-printer',
    groupId: 'grp-field',
    assigneeId: '',
    callerId: 'usr-0002',
    channel: 'phone',
    security: false,
    resolutionCode: '',
    resolutionNotes: '',
    createdAt: NOW,
    updatedAt: NOW,
    updatedBy: 'usr-agent',
    queueKey: queueKeyFor(NOW),
  };
  const ticket = { ...base, ...overrides };
  const priority = ticket.priorityOverrideReason ? ticket.priority : computePriority(ticket.impact, ticket.urgency);
  return { ...ticket, priority, queueKey: queueKeyFor(ticket.updatedAt), _deleted: false };
}

/** A comment event on a ticket by an author. */
export function makeEvent(
  ticketId: string,
  authorId: string,
  overrides: Partial<TicketEvent> = {},
): TicketEvent & { _deleted: boolean } {
  return {
    id: uniqueId('e'),
    ticketId,
    kind: 'comment',
    authorId,
    occurredAt: NOW + 1000,
    body: 'Called the user.',
    minutes: 0,
    fromValue: '',
    toValue: '',
    ...overrides,
    _deleted: false,
  };
}

/** A knowledge article. */
export function makeArticle(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { id: string; _deleted: boolean } {
  return {
    id: uniqueId('kb'),
    number: 'KB0009999',
    title: { en: 'Reset your password', fr: 'Réinitialiser votre mot de passe' },
    body: { en: '# Steps\n1. Open the portal.', fr: '# Étapes\n1. Ouvrez le portail.' },
    // A draft: freely editable (published content is frozen by the lifecycle rules).
    status: 'draft',
    categoryId: 'cat-access-password',
    tags: ['password'],
    version: 1,
    authorId: 'usr-supervisor',
    updatedAt: NOW,
    ...overrides,
    _deleted: false,
  };
}
