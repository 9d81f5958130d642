import type { Ticket } from '../schemas/ticket.js';
import { queueKeyFor } from '../schemas/ticket.js';
import { isEmailAddress } from './email-address.js';
import { checkMajorIncidentRules } from './major-incident.js';
import { computePriority } from './priority-matrix.js';
import { checkProblemRules } from './problem-lifecycle.js';
import { checkChangeRules } from '../change/change-lifecycle.js';
import { checkReleaseRules } from '../change/release-rules.js';
import { canTransition } from './ticket-lifecycle.js';

/** Stable identifiers of broken rules; the UI translates each under the i18n key `violations.<code>`. */
export const VIOLATION_CODES = [
  'status_transition',
  'pending_reason_required',
  'resolution_code_required',
  'resolution_notes_required',
  'group_required',
  'priority_override',
  'queue_key',
  'title_required',
  'too_long',
  'caller_name_required',
  'caller_email_invalid',
  'priority_reason_required',
  'security_recorded_elsewhere',
  'major_manager_required',
  'parent_self',
  'major_as_child',
  'review_required',
  'review_field_required',
  'child_link',
  'escalation_reason_required',
  'escalation_group_required',
  'body_required',
  'minutes_range',
  'article_title_required',
  'article_bilingual_title',
  'article_bilingual_body',
  'article_status_transition',
  'article_version',
  'article_frozen',
  'article_tags',
  'not_permitted',
  'field_locked',
  'hidden_after_change',
  'out_of_scope',
  'not_found',
  'create_status',
  'field_revision_jump',
  'problem_phase_transition',
  'problem_phase_status',
  'problem_field_type',
  'problem_link',
  'known_error_incomplete',
  'root_cause_required',
  'change_field_type',
  'task_parent_required',
  'change_window_order',
  'change_phase_transition',
  'change_phase_status',
  'change_plan_incomplete',
  'change_window_required',
  'change_risk_incomplete',
  'change_outcome_required',
  'change_review_required',
  'change_approval_required',
  'change_template_required',
  'change_type_locked',
  'change_requester_locked',
  'change_fix_link',
  'change_window_too_long',
  'change_window_far',
  'change_template_plan',
  'release_change_duplicate',
  'release_change_limit',
  'release_actual_order',
  'release_change_not_change',
  'release_change_not_approved',
  'release_deployment_limit',
  'release_environment_required',
  'rating_unknown_article',
  'rating_not_yours',
  'rating_value',
  'review_by_format',
  'review_by_too_far',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** A broken domain rule, naming the field a person has to fix. */
export interface RuleViolation {
  /** Stable identifier the UI translates (see renderer i18n "violations"); `message` is the English fallback. */
  code: ViolationCode;
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
    violations.push({
      code: 'status_transition',
      field: 'status',
      message: `A ticket cannot move from "${previous.status}" to "${next.status}".`,
    });
  }
  if (next.status === 'pending' && next.pendingReason === '') {
    violations.push({
      code: 'pending_reason_required',
      field: 'pendingReason',
      message: 'A pending ticket needs a reason: customer, vendor or change.',
    });
  }
  if (next.status === 'resolved' || next.status === 'closed') {
    // A change with a phase ends by its own lifecycle: its outcome (successful, failed, backed out) is its resolution.
    if (next.resolutionCode === '' && !(next.type === 'change' && next.changePhase !== undefined)) {
      violations.push({
        code: 'resolution_code_required',
        field: 'resolutionCode',
        message: 'A resolved ticket needs a resolution code.',
      });
    }
    if (next.resolutionNotes.trim() === '') {
      violations.push({
        code: 'resolution_notes_required',
        field: 'resolutionNotes',
        message: 'A resolved ticket needs resolution notes.',
      });
    }
  }
  if (next.status !== 'new' && next.assigneeId === '' && next.groupId === '') {
    violations.push({
      code: 'group_required',
      field: 'groupId',
      message: 'A ticket past "new" must belong to an assignment group.',
    });
  }
  if (next.priorityOverrideReason.trim() === '' && next.priority !== computePriority(next.impact, next.urgency)) {
    violations.push({
      code: 'priority_override',
      field: 'priority',
      message: `Priority ${next.priority} differs from the matrix value ${computePriority(next.impact, next.urgency)}; give a reason to override it.`,
    });
  }
  if (next.queueKey !== queueKeyFor(next.updatedAt)) {
    violations.push({ code: 'queue_key', field: 'queueKey', message: 'queueKey must equal MAX_SAFE_INTEGER - updatedAt.' });
  }
  violations.push(...checkMajorIncidentRules(next));
  violations.push(...checkProblemRules(next, previous));
  violations.push(...checkChangeRules(next, previous));
  violations.push(...checkReleaseRules(next));
  violations.push(...callerEmailViolations(next, previous));
  return violations;
}

/**
 * The caller's contact address is exactly one valid address (isEmailAddress), or empty: a list would send the
 * desk's mail to several people. Judged when it is set or changed, so a ticket stored before this rule stays
 * editable (the outbox refuses such an address anyway).
 */
function callerEmailViolations(next: Ticket, previous?: Ticket): RuleViolation[] {
  const email = next.callerEmail ?? '';
  if (email === '' || email === previous?.callerEmail || isEmailAddress(email)) return [];
  const message = 'Give exactly one valid e-mail address for the caller (no list, no name, no line break).';
  return [{ code: 'caller_email_invalid', field: 'callerEmail', message }];
}

/** Recomputes a ticket's derived fields (priority unless overridden, queue key) after an edit or a merge. */
export function normalizeTicket(ticket: Ticket): Ticket {
  const priority = ticket.priorityOverrideReason.trim() === '' ? computePriority(ticket.impact, ticket.urgency) : ticket.priority;
  return { ...ticket, priority, queueKey: queueKeyFor(ticket.updatedAt) };
}
