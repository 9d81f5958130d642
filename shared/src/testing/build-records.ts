import { newTicket } from '../domain/ticket-writes.js';
import { normalizeTicket } from '../domain/ticket-rules.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { DirectoryEntry } from '../schemas/directory.js';
import type { Survey } from '../schemas/survey.js';

// The one builder per record type that every suite, benchmark and load generator uses. Pure data, no test framework.

let counter = 0;
/** A unique id with a readable prefix. */
export const uniqueId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** The fixed moment test records are written at, so results never depend on the day the suite runs. */
export const BUILD_NOW = 1_780_000_000_000;

/**
 * A ticket that passes every rule, made the way the desk makes one (newTicket), then moved to `assigned` with a
 * confirmed number; override fields to shape it. Priority and queue key are recomputed from the result.
 */
export function buildTicket(overrides: Partial<Ticket> = {}): Ticket {
  const id = overrides.id ?? uniqueId('t');
  const created = newTicket(
    {
      id,
      type: 'incident',
      title: 'Printer jams on floor 2',
      description: 'Paper jams every few pages.',
      impact: 2,
      urgency: 2,
      categoryId: 'cat-hardware-printer',
      groupId: 'grp-field',
      callerId: 'usr-0002',
      channel: 'phone',
      security: false,
    },
    'usr-agent',
    BUILD_NOW,
  );
  const number = `INC${String(9_000_000 + (counter++ % 999_999)).padStart(7, '0')}`;
  return normalizeTicket({ ...created, number, status: 'assigned', ...overrides, id });
}

/** A comment event on a ticket by an author; override fields to make it a work log, a status change, ... */
export function buildEvent(ticketId: string, authorId: string, overrides: Partial<TicketEvent> = {}): TicketEvent {
  return {
    id: uniqueId('e'),
    ticketId,
    kind: 'comment',
    authorId,
    occurredAt: BUILD_NOW + 1000,
    body: 'Called the user.',
    minutes: 0,
    fromValue: '',
    toValue: '',
    ...overrides,
  };
}

/** A bilingual draft knowledge article (drafts are freely editable; published content is frozen by the lifecycle). */
export function buildArticle(overrides: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    id: uniqueId('kb'),
    number: 'KB0009999',
    title: { en: 'Reset your password', fr: 'Réinitialiser votre mot de passe' },
    body: { en: '# Steps\n1. Open the portal.', fr: '# Étapes\n1. Ouvrez le portail.' },
    status: 'draft',
    categoryId: 'cat-access-password',
    tags: ['password'],
    version: 1,
    authorId: 'usr-supervisor',
    updatedAt: BUILD_NOW,
    ...overrides,
  };
}

/** A directory entry (a person by default: an active agent in no group); override `kind` and fields for groups and categories. */
export function buildDirectoryEntry(overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  const id = overrides.id ?? uniqueId(overrides.kind === 'group' ? 'grp' : overrides.kind === 'category' ? 'cat' : 'usr');
  const kind = overrides.kind ?? 'user';
  return {
    id,
    kind,
    name: `Entry ${id}`,
    nameFr: kind === 'user' ? '' : `Entrée ${id}`,
    email: kind === 'user' ? `${id}@example.org` : '',
    role: kind === 'user' ? 'agent' : '',
    groupIds: [],
    parentId: '',
    groupId: '',
    locale: 'en',
    active: true,
    updatedAt: BUILD_NOW,
    ...overrides,
  };
}

/** A published survey complete in English and French: a CSAT question and a single-choice one; override to shape it. */
export function buildSurvey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: uniqueId('srv'),
    title: { en: 'How did we do?', fr: 'Comment avons-nous fait?' },
    version: 1,
    status: 'active',
    questions: [
      {
        id: 'q-csat',
        type: 'csat',
        label: { en: 'How satisfied are you?', fr: 'Êtes-vous satisfait?' },
        required: true,
        options: [],
      },
      {
        id: 'q-channel',
        type: 'single',
        label: { en: 'How did you reach us?', fr: 'Comment nous avez-vous joints?' },
        required: false,
        options: [
          { id: 'o-phone', label: { en: 'Phone', fr: 'Téléphone' } },
          { id: 'o-mail', label: { en: 'E-mail', fr: 'Courriel' } },
        ],
      },
    ],
    updatedAt: BUILD_NOW,
    ...overrides,
  };
}
