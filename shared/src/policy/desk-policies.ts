import { ACCESS_POLICY, type Actor } from '../domain/access-policy.js';
import type { Ticket } from '../schemas/ticket.js';
import { clearedForSecurity, isAdmin, isGroupBound, isOverseer, worksTickets } from './roles.js';

type TicketScope = Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>;
type MajorIncidentScope = TicketScope & Pick<Ticket, 'major' | 'majorManagerId'>;

/** Permissions of the existing desk: tickets, reports, surveys, directory. */
export const deskPolicies = {
  /** Receive the ticket at all: security incidents are restricted; technicians see their groups' and their own. */
  'ticket.see': (actor: Actor, ticket: TicketScope): boolean => {
    if (ticket.security && !clearedForSecurity(actor)) return false;
    if (isGroupBound(actor)) return ticket.assigneeId === actor.id || actor.groupIds.includes(ticket.groupId);
    return true;
  },
  /**
   * Change one field of a ticket one can see: the role may update tickets and the field is not locked for it
   * (ACCESS_POLICY, which the server enforces on push). The ticket page asks this to offer a field as editable.
   */
  'ticket.field.edit': (actor: Actor, subject: { ticket: TicketScope; field: keyof Ticket }): boolean => {
    const grant = ACCESS_POLICY.tickets[actor.role];
    return grant.update && !grant.lockedFields.includes(subject.field) && deskPolicies['ticket.see'](actor, subject.ticket);
  },
  /**
   * Send a public reply (mailed to the caller): the role may update tickets and sees this one. Reading is not enough:
   * the reply goes out under the desk's name.
   */
  'ticket.reply': (actor: Actor, ticket: TicketScope): boolean =>
    ACCESS_POLICY.tickets[actor.role].update && deskPolicies['ticket.see'](actor, ticket),
  /** Receive tickets of every group (not only one's own groups' and assigned ones). */
  'tickets.seeAllGroups': (actor: Actor): boolean => !isGroupBound(actor),
  'security.see': (actor: Actor): boolean => clearedForSecurity(actor),
  /** Be assigned tickets (seeded work, assignment pickers). */
  'tickets.work': (actor: Actor): boolean => worksTickets(actor),
  'reports.read': (actor: Actor): boolean => isOverseer(actor),
  'surveys.manage': (actor: Actor): boolean => isOverseer(actor),
  /** Follow survey responses live as they arrive (the supervisors' console). */
  'surveyResponses.watchLive': (actor: Actor): boolean => isOverseer(actor),
  /** Read the knowledge base (and be counted as a reader of an article). */
  'kb.read': (actor: Actor): boolean => ACCESS_POLICY.kb_articles[actor.role].pull !== 'none',
  /** Rate a knowledge article helpful or not: every role that reads the knowledge base, technicians included. */
  'kb.rate': (actor: Actor): boolean => ACCESS_POLICY.kb_articles[actor.role].pull !== 'none',
  /** Set an article's review date: whoever may write articles (their authors and the KB's owners). */
  'kb.review.set': (actor: Actor): boolean => ACCESS_POLICY.kb_articles[actor.role].update,
  'directory.edit': (actor: Actor): boolean => isAdmin(actor),
  /** Read who changed which person, group or category, and how (supervisors read what admins configure). */
  'directory.audit': (actor: Actor): boolean => isOverseer(actor),
  /** See the mail the desk holds back (over a user's hourly allowance, or an address the outbox refuses). */
  'mail.held.read': (actor: Actor): boolean => isOverseer(actor),
  /** Let held mail go: it lifts a user's hourly allowance for that message, so administrators only. */
  'mail.held.release': (actor: Actor): boolean => isAdmin(actor),
  /**
   * Send a stakeholder update (mailed by the desk to the watchers and the caller): only on a major incident, by its
   * manager or a supervisor (or admin) who can see it. Anyone else could use the desk as a mail relay.
   */
  'major.communicate': (actor: Actor, ticket: MajorIncidentScope): boolean =>
    ticket.major === true &&
    (ticket.majorManagerId === actor.id || isOverseer(actor)) &&
    deskPolicies['ticket.see'](actor, ticket),
} as const;
