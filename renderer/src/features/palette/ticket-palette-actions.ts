import { can, nextStatuses, type SessionUser, type Ticket } from '@shared';

/** The ticket page's actions the palette offers on an open ticket. */
export type TicketPaletteActionId = 'assign-me' | 'escalate' | 'resolve' | 'link-article' | 'link-problem';

/**
 * Which of the ticket page's actions this user may take on the ticket, each judged by the policy the page asks to
 * offer the field it writes (`ticket.field.edit`, which also holds the role's locked fields and the ticket's
 * visibility), so a refusal is rare and an action the page would not allow is never listed.
 */
export function ticketPaletteActions(
  user: SessionUser,
  ticket: Pick<Ticket, 'groupId' | 'assigneeId' | 'security' | 'status' | 'type'>,
): TicketPaletteActionId[] {
  const editable = (field: keyof Ticket) => can(user, 'ticket.field.edit', { ticket, field });
  const out: TicketPaletteActionId[] = [];
  // The page greys out "Assign to me" when the ticket is already theirs: nothing to do.
  if (ticket.assigneeId !== user.id && editable('assigneeId')) out.push('assign-me');
  if (editable('groupId') && editable('escalationTier')) out.push('escalate');
  // The status field offers only the lifecycle's next statuses; a problem resolves through its own phase form.
  if (ticket.type !== 'problem' && editable('status') && nextStatuses(ticket.status).includes('resolved')) out.push('resolve');
  if (editable('linkedArticleIds')) out.push('link-article');
  // Known errors are suggested on incidents only (KnownErrorSuggestions), which is where an incident takes its problem.
  if (ticket.type === 'incident' && editable('problemId')) out.push('link-problem');
  return out;
}
