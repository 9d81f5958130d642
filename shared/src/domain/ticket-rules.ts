import type { Ticket } from '../schemas/ticket.js';
import { queueKeyFor } from '../schemas/ticket.js';
import { checkMajorIncidentRules } from './major-incident.js';
import { computePriority } from './priority-matrix.js';
import { canTransition } from './ticket-lifecycle.js';

/** A broken domain rule, naming the field a person has to fix. */
export interface RuleViolation {
  /** Stable identifier the UI translates (see renderer i18n "violations"); `message` is the English fallback. */
  code?: string;
  field: string;
  message: string;
  /** Values the translated message needs (a limit, a status). */
  params?: Record<string, string | number>;
}

/**
 * Checks a ticket write against the domain rules: lifecycle transitions, fields each status requires,
 * and the computed priority. `previous` is the stored state, absent for a new ticket.
 */
export function checkTicketRules(next: Ticket, previous?: Ticket): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (previous && !canTransition(previous.status, next.status)) {
    violations.push({ field: 'status', message: `A ticket cannot move from "${previous.status}" to "${next.status}".` });
  }
  if (next.status === 'pending' && next.pendingReason === '') {
    violations.push({ field: 'pendingReason', message: 'A pending ticket needs a reason: customer, vendor or change.' });
  }
  if (next.status === 'resolved' || next.status === 'closed') {
    if (next.resolutionCode === '') {
      violations.push({ field: 'resolutionCode', message: 'A resolved ticket needs a resolution code.' });
    }
    if (next.resolutionNotes.trim() === '') {
      violations.push({ field: 'resolutionNotes', message: 'A resolved ticket needs resolution notes.' });
    }
  }
  if (next.status !== 'new' && next.assigneeId === '' && next.groupId === '') {
    violations.push({ field: 'groupId', message: 'A ticket past "new" must belong to an assignment group.' });
  }
  if (next.priorityOverrideReason.trim() === '' && next.priority !== computePriority(next.impact, next.urgency)) {
    violations.push({
      field: 'priority',
      message: `Priority ${next.priority} differs from the matrix value ${computePriority(next.impact, next.urgency)}; give a reason to override it.`,
    });
  }
  if (next.queueKey !== queueKeyFor(next.updatedAt)) {
    violations.push({ field: 'queueKey', message: 'queueKey must equal MAX_SAFE_INTEGER - updatedAt.' });
  }
  violations.push(...checkMajorIncidentRules(next));
  return violations;
}

/** Recomputes a ticket's derived fields (priority unless overridden, queue key) after an edit or a merge. */
export function normalizeTicket(ticket: Ticket): Ticket {
  const priority = ticket.priorityOverrideReason.trim() === '' ? computePriority(ticket.impact, ticket.urgency) : ticket.priority;
  return { ...ticket, priority, queueKey: queueKeyFor(ticket.updatedAt) };
}
