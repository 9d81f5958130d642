import type { Ticket } from '../schemas/ticket.js';
import { OPEN_STATUSES } from './ticket-lifecycle.js';
import type { RuleViolation } from './ticket-rules.js';

/**
 * Major incidents: a ticket flagged `major` has a manager, a communications log ('communication' events whose
 * `toValue` is `STAKEHOLDER_UPDATE`), child incidents (`parentId`) and, before it is closed, a post-incident
 * review ('review' event).
 */

/** `toValue` of a communication event that is an update sent to the stakeholders (not a watcher change). */
export const STAKEHOLDER_UPDATE = 'stakeholders';

/** Rules on the ticket itself: a manager for a major incident, no major incident as a child, no self-parent. */
export function checkMajorIncidentRules(next: Ticket): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (next.major && !next.majorManagerId) {
    out.push({
      code: 'major_manager_required',
      field: 'majorManagerId',
      message: 'A major incident needs a major-incident manager.',
    });
  }
  if (next.parentId && next.parentId === next.id) {
    out.push({ code: 'parent_self', field: 'parentId', message: 'A ticket cannot be its own parent.' });
  }
  if (next.major && next.parentId) {
    out.push({ code: 'major_as_child', field: 'parentId', message: 'A major incident cannot be the child of another ticket.' });
  }
  return out;
}

/** True when this write closes a major incident, which needs a post-incident review first. */
export function closesMajorIncident(next: Pick<Ticket, 'major' | 'status'>, previous?: Pick<Ticket, 'status'>): boolean {
  return next.major === true && next.status === 'closed' && previous?.status !== 'closed';
}

/** The review rule: closing a major incident needs its post-incident review recorded (a 'review' event). */
export function checkReviewBeforeClose(
  next: Pick<Ticket, 'major' | 'status'>,
  previous: Pick<Ticket, 'status'> | undefined,
  hasReview: boolean,
): RuleViolation[] {
  return closesMajorIncident(next, previous) && !hasReview
    ? [{ code: 'review_required', field: 'review', message: 'Record the post-incident review before closing a major incident.' }]
    : [];
}

/** Why `child` cannot be linked under `parent`, or nothing when it can. */
export function checkChildLink(
  parent: Pick<Ticket, 'id' | 'major'>,
  child: Pick<Ticket, 'id' | 'major' | 'parentId' | 'status' | 'type'>,
): RuleViolation[] {
  const refuse = (message: string): RuleViolation[] => [{ code: 'child_link', field: 'parentId', message }];
  if (!parent.major) return refuse('Only a major incident takes child incidents.');
  if (child.id === parent.id) return refuse('A ticket cannot be its own child.');
  if (child.type !== 'incident') return refuse('Only incidents can be linked as children.');
  if (child.major) return refuse('A major incident cannot be the child of another one.');
  if (child.status === 'closed') return refuse('A closed ticket cannot be linked.');
  if (child.parentId === parent.id) return refuse('This incident is already linked.');
  if (child.parentId) return refuse('This incident is already linked to another major incident.');
  return [];
}

/** The children a parent's resolution would also resolve: those still open. */
export function childrenToResolve<T extends Pick<Ticket, 'status'>>(children: readonly T[]): T[] {
  return children.filter((c) => OPEN_STATUSES.includes(c.status));
}

/** Who receives stakeholder updates: the watchers and the caller, each once. */
export function stakeholderIds(ticket: Pick<Ticket, 'watcherIds' | 'callerId'>): string[] {
  return [...new Set([...(ticket.watcherIds ?? []), ticket.callerId].filter((id) => id !== ''))];
}

/** The post-incident review, stored as JSON in the body of a 'review' event. */
export interface PostIncidentReview {
  summary: string;
  rootCause: string;
  wentWell: string;
  actions: string;
}

export const REVIEW_FIELDS = ['summary', 'rootCause', 'wentWell', 'actions'] as const;

/** The fields of a review that are missing: every one is required. */
export function checkReview(review: PostIncidentReview): RuleViolation[] {
  return REVIEW_FIELDS.filter((f) => review[f].trim() === '').map((field) => ({
    code: 'review_field_required',
    field,
    message: `The review needs "${field}".`,
  }));
}

/** A review as an event body. */
export function serializeReview(review: PostIncidentReview): string {
  const trimmed = Object.fromEntries(REVIEW_FIELDS.map((f) => [f, review[f].trim()]));
  return JSON.stringify(trimmed);
}

/** A review event body back to its fields; a body that is not a review becomes its summary. */
export function parseReview(body: string): PostIncidentReview {
  const empty: PostIncidentReview = { summary: '', rootCause: '', wentWell: '', actions: '' };
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return { ...empty, summary: body };
    const record = parsed as Record<string, unknown>;
    return Object.fromEntries(
      REVIEW_FIELDS.map((f) => [f, typeof record[f] === 'string' ? record[f] : '']),
    ) as unknown as PostIncidentReview;
  } catch {
    return { ...empty, summary: body };
  }
}
