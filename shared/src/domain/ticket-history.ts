import type { Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';

/**
 * What a ticket's history records beyond its status and assignee (which have events of their own): the fields a
 * person sets, whose every change is a `field_change` event, so the history is the record (issue 22).
 */
export const TRACKED_TICKET_FIELDS = [
  'type',
  'title',
  'description',
  'impact',
  'urgency',
  'priority',
  'categoryId',
  'callerId',
  'callerName',
  'callerEmail',
  'channel',
  'affectedItem',
  'ciIds',
  'parentId',
  // A change's phase moves: when it reached the board, was scheduled, implemented (the change report's lead times).
  'changePhase',
  // A problem's phase moves and an incident's link to a problem: when the root cause was found, the known error
  // published, and whether an incident was linked before or after (the problem report's times and avoided incidents).
  'problemPhase',
  'problemId',
] as const satisfies readonly (keyof Ticket)[];
export type TrackedTicketField = (typeof TRACKED_TICKET_FIELDS)[number];

/** The author of the entries the server writes itself (SLA actions, survey answers): shown as the service desk. */
export const SYSTEM_AUTHOR_ID = 'system';

// Long text is kept in part: the history says what changed and how it began; the ticket holds the whole.
const SHOWN_CHARACTERS = 500;

/** One field's change, as a `field_change` event records it. */
export interface FieldChange {
  field: TrackedTicketField;
  from: string;
  to: string;
}

// Tracked fields hold text, numbers, a list of ids (`ciIds`, kept as `a,b`) or nothing (TRACKED_TICKET_FIELDS).
const shown = (value: string | number | readonly string[] | undefined): string => {
  const text = value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS - 1)}…` : text;
};

/** The tracked fields that differ between two versions of a ticket, in TRACKED_TICKET_FIELDS order. */
export function ticketFieldChanges(previous: Ticket, next: Ticket): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TRACKED_TICKET_FIELDS) {
    const from = shown(previous[field]);
    const to = shown(next[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}

/** The body of the `field_change` event that records `change`. */
export function fieldChangeBody(change: FieldChange): string {
  return JSON.stringify(change);
}

/** The change a `field_change` event records; null for any other event or a body this version cannot read. */
export function parseFieldChange(event: Pick<TicketEvent, 'kind' | 'body'>): FieldChange | null {
  if (event.kind !== 'field_change') return null;
  try {
    const parsed: unknown = JSON.parse(event.body);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { field, from, to } = parsed as Record<string, unknown>;
    if (!(TRACKED_TICKET_FIELDS as readonly unknown[]).includes(field)) return null;
    if (typeof from !== 'string' || typeof to !== 'string') return null;
    return { field: field as TrackedTicketField, from, to };
  } catch {
    return null;
  }
}

/** Who, when and under which id prefix the desk itself recorded a change of a ticket (see changeEntries). */
export interface ChangeAuthor {
  authorId: string;
  occurredAt: number;
  /** Each entry's id is this plus what it records, so recording the same change again writes the same entries. */
  idPrefix: string;
}

/**
 * The history entries of a ticket change the server makes on its own (an SLA threshold, a caller's reply reopening
 * it): assignment, status and each tracked field, in that order, as the desk records a person's change.
 */
export function changeEntries(before: Ticket, after: Ticket, by: ChangeAuthor): TicketEvent[] {
  const base = { ticketId: before.id, authorId: by.authorId, occurredAt: by.occurredAt, minutes: 0 };
  const events: TicketEvent[] = [];
  if (after.assigneeId !== before.assigneeId)
    events.push({
      ...base,
      id: `${by.idPrefix}-assignment`,
      kind: 'assignment',
      body: '',
      fromValue: before.assigneeId,
      toValue: after.assigneeId,
    });
  if (after.status !== before.status)
    events.push({
      ...base,
      id: `${by.idPrefix}-status`,
      kind: 'status_change',
      body: '',
      fromValue: before.status,
      toValue: after.status,
    });
  for (const change of ticketFieldChanges(before, after))
    events.push({
      ...base,
      id: `${by.idPrefix}-${change.field}`,
      kind: 'field_change',
      body: fieldChangeBody(change),
      fromValue: '',
      toValue: '',
    });
  return events;
}

/** What an `sla_action` event records: which clock reached which share of its target, and how many were told. */
export interface SlaActionRecord {
  clock: string;
  percent: number;
  /** People notified by e-mail (the outbox holds each message until sent). */
  notified: number;
  /** Their addresses: each of them also finds the warning in the app (notification centre, desktop notice). */
  to?: string[];
  /** The group the ticket was handed to (the `reassign` action), when it moved. */
  reassignedTo?: string;
  /** The ticket's new priority (the `raise_priority` action), when it was raised. */
  raisedTo?: number;
}

/** The body of an `sla_action` event. */
export function slaActionBody(record: SlaActionRecord): string {
  return JSON.stringify(record);
}

/** The record of an `sla_action` event; null for any other event or an unreadable body. */
export function parseSlaAction(event: Pick<TicketEvent, 'kind' | 'body'>): SlaActionRecord | null {
  if (event.kind !== 'sla_action') return null;
  try {
    const parsed: unknown = JSON.parse(event.body);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { clock, percent, notified, to, reassignedTo, raisedTo } = parsed as Record<string, unknown>;
    if (typeof clock !== 'string' || typeof percent !== 'number' || typeof notified !== 'number') return null;
    return {
      clock,
      percent,
      notified,
      ...(Array.isArray(to) ? { to: to.filter((address): address is string => typeof address === 'string') } : {}),
      ...(typeof reassignedTo === 'string' && reassignedTo !== '' ? { reassignedTo } : {}),
      ...(typeof raisedTo === 'number' ? { raisedTo } : {}),
    };
  } catch {
    return null;
  }
}

/** True when the SLA warning `event` was sent to `email` (case ignored): that person is told in the app too. */
export function slaWarningReaches(event: Pick<TicketEvent, 'kind' | 'body'>, email: string): boolean {
  const wanted = email.trim().toLowerCase();
  return wanted !== '' && (parseSlaAction(event)?.to ?? []).some((address) => address.toLowerCase() === wanted);
}

/** Event kinds only the server writes: a device that pushes one is refused (it would forge the desk's record). */
export const SERVER_ONLY_EVENT_KINDS: readonly TicketEvent['kind'][] = ['sla_action', 'survey_response'];

/**
 * Event kinds that record a change of the ticket itself, written beside the ticket's own write (creation, status,
 * assignee, tracked fields). The ticket carries the change: where the server refuses such an entry for good, the
 * ticket's refusal (or its leaving the user's scope) already tells the user, so the entry needs no refusal of its own.
 */
export const TICKET_CHANGE_RECORD_KINDS: readonly TicketEvent['kind'][] = [
  'created',
  'status_change',
  'assignment',
  'field_change',
];
