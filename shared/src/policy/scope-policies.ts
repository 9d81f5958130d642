import type { Actor } from '../domain/access-policy.js';
import type { Ticket } from '../schemas/ticket.js';
import { deskPolicies } from './desk-policies.js';
import { isOverseer } from './roles.js';

type TicketScope = Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>;

/** Permissions around a ticket's scope on devices: bringing back a ticket the server deleted. */
export const scopePolicies = {
  /** Restore a ticket deleted on the server while this actor edited it: overseers who may see it. */
  'ticket.restore': (actor: Actor, ticket: TicketScope): boolean =>
    isOverseer(actor) && deskPolicies['ticket.see'](actor, ticket),
} as const;
