import { can } from '../policy/can.js';
import type { Role } from '../schemas/directory.js';
import type { Ticket } from '../schemas/ticket.js';
import type { RuleViolation } from './ticket-rules.js';
import type { ReplicatedCollection } from '../sync/protocol.js';

/**
 * Which documents of a collection a role receives when pulling:
 * - all: every document;
 * - visible_tickets: tickets (or events of tickets) the user may see, see `canSeeTicket`;
 * - assigned_tickets: documents of tickets assigned to the user (that they may see), e.g. survey responses;
 * - visible_cis: configuration items the user may see (`ci.see`: technicians their sites' and groups' CIs and the
 *   services above them), or the history of those;
 * - none: nothing.
 */
export type PullScope = 'all' | 'visible_tickets' | 'assigned_tickets' | 'visible_cis' | 'none';

export interface CollectionGrant {
  pull: PullScope;
  create: boolean;
  update: boolean;
  delete: boolean;
  /** Fields this role may set on create but never change afterwards. */
  lockedFields: readonly string[];
}

const deny: CollectionGrant = { pull: 'none', create: false, update: false, delete: false, lockedFields: [] };
const readOnly: CollectionGrant = { ...deny, pull: 'all' };
const full: CollectionGrant = { pull: 'all', create: true, update: true, delete: true, lockedFields: [] };
/** Written once by anyone allowed to create them; never edited nor deleted. */
const appendOnly = (pull: PullScope): CollectionGrant => ({ pull, create: true, update: false, delete: false, lockedFields: [] });

// The security group's id lives with the role helpers (policy/roles.ts); re-exported for existing importers.
export { SECURITY_GROUP_ID } from '../policy/roles.js';

/** Fields nobody may change once a document exists. */
export const IMMUTABLE_FIELDS: Readonly<Partial<Record<ReplicatedCollection, readonly string[]>>> = {
  tickets: ['number', 'createdAt'],
  ticket_events: ['ticketId', 'authorId', 'occurredAt', 'kind'],
};

/**
 * The authorisation policy, role by collection: the one place it is written down. The server enforces it on
 * every pull and push; the client reads it to hide actions a user may not take.
 */
export const ACCESS_POLICY: Readonly<Record<ReplicatedCollection, Readonly<Record<Role, CollectionGrant>>>> = {
  tickets: {
    agent: { pull: 'visible_tickets', create: true, update: true, delete: false, lockedFields: [] },
    technician: {
      pull: 'visible_tickets',
      create: true,
      update: true,
      delete: false,
      lockedFields: ['security', 'callerId', 'type', 'priorityOverrideReason'],
    },
    supervisor: { pull: 'all', create: true, update: true, delete: true, lockedFields: [] },
    admin: full,
  },
  ticket_events: {
    agent: appendOnly('visible_tickets'),
    technician: appendOnly('visible_tickets'),
    supervisor: appendOnly('all'),
    admin: appendOnly('all'),
  },
  kb_articles: {
    agent: { pull: 'all', create: true, update: true, delete: false, lockedFields: [] },
    technician: readOnly,
    supervisor: full,
    admin: full,
  },
  // Written only by the server when an article is published (see the server's kb version effect).
  kb_article_versions: { agent: readOnly, technician: readOnly, supervisor: readOnly, admin: readOnly },
  surveys: { agent: readOnly, technician: readOnly, supervisor: full, admin: full },
  // Agents see the responses about tickets assigned to them; technicians record on-site responses but never read any.
  survey_responses: {
    agent: appendOnly('assigned_tickets'),
    technician: appendOnly('none'),
    supervisor: appendOnly('all'),
    admin: appendOnly('all'),
  },
  directory: { agent: readOnly, technician: readOnly, supervisor: readOnly, admin: full },
  // SLA policies and calendars (and later other settings): everyone replicates them so clocks work offline;
  // only admins write (the same rule as can('sla.settings.write'), which the server also checks per row).
  settings: { agent: readOnly, technician: readOnly, supervisor: readOnly, admin: full },
  // What each role may do by default; the server judges every CI row with the CMDB policy instead (`ci.manage`,
  // `ci.edit_field`, coded refusals), under which a member of the configuration-manager group of any role manages
  // CIs, and technicians change only a few fields of the CIs of their sites.
  config_items: {
    agent: { ...readOnly, pull: 'visible_cis' },
    technician: { ...readOnly, pull: 'visible_cis', update: true },
    supervisor: { ...full, pull: 'visible_cis' },
    admin: { ...full, pull: 'visible_cis' },
  },
  // Written only by the server, from each accepted CI change (see the server's CI history effect).
  ci_history: {
    agent: { ...readOnly, pull: 'visible_cis' },
    technician: { ...readOnly, pull: 'visible_cis' },
    supervisor: { ...readOnly, pull: 'visible_cis' },
    admin: { ...readOnly, pull: 'visible_cis' },
  },
};

/** The person a pull or push is made for. */
export interface Actor {
  id: string;
  role: Role;
  groupIds: readonly string[];
}

/** True when the actor may receive this ticket at all (security incidents are restricted). */
export function canSeeTicket(actor: Actor, ticket: Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>): boolean {
  return can(actor, 'ticket.see', ticket);
}

/**
 * The refusal of a ticket write after which the actor could no longer see the ticket (a technician handing it to a
 * group they are not in, a reclassification as security): checked on the device and again by the server.
 */
export function hiddenAfterChange(actor: Actor, next: Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>): RuleViolation | null {
  if (canSeeTicket(actor, next)) return null;
  const security = next.security && !can(actor, 'security.see');
  const why = security
    ? 'security tickets are restricted to the security group and supervisors'
    : 'technicians work on tickets assigned to them or to one of their groups';
  return {
    code: 'hidden_after_change',
    field: security ? 'security' : 'groupId',
    message: `You could not see this ticket after the change (${why}).`,
  };
}

/** True when the actor receives documents about this ticket under `assigned_tickets` (e.g. its survey responses). */
export function isAssignedTicket(actor: Actor, ticket: Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>): boolean {
  return ticket.assigneeId === actor.id && canSeeTicket(actor, ticket);
}
