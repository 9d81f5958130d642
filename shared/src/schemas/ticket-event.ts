import type { CollectionDefinition } from './json-schema.js';
import { idProp, refProp, timeProp } from './json-schema.js';

/**
 * comment, worklog; status_change and assignment (fromValue -> toValue); escalation (functional: toValue is the
 * new group, hierarchical: toValue 'supervisor'); communication (major-incident stakeholder update); article_link
 * (toValue is the KB article linked; fromValue alone, the one unlinked); review (post-incident review notes).
 */
export const TICKET_EVENT_KINDS = [
  'comment',
  'worklog',
  'status_change',
  'assignment',
  'escalation',
  'communication',
  'article_link',
  'review',
  // Since v1:
  'created',
  /** A tracked field changed (`body` names it, `fromValue` → `toValue`; TRACKED_TICKET_FIELDS). */
  'field_change',
  /** Written by the server's SLA scheduler when a threshold's actions fire (never pushed by a device). */
  'sla_action',
  /** Written by the server when the caller's survey answer arrives (no score, no word of it: only that it came). */
  'survey_response',
  // Since v2:
  /**
   * A CAB member's decision on a change: `toValue` 'approved' or 'rejected', `fromValue` the fingerprint of the plan,
   * schedule and CIs decided on (changeFingerprint), `body` the comment. Counts only while the change still matches.
   */
  'approval',
  // Since v3:
  /**
   * Public reply, mailed to the caller (unlike `comment`, the internal note). `fromValue` '' = the desk wrote it (the
   * server mails it on push); `fromValue` 'inbound' = the caller's e-mail, threaded in by the server (never pushed).
   */
  'reply',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

/**
 * Append-only history of a ticket. Written once and never edited, so replicas never conflict on it.
 * `occurredAt` is when the work happened on the author's device; the server records its own time beside it.
 */
export interface TicketEvent {
  id: string;
  ticketId: string;
  kind: TicketEventKind;
  authorId: string;
  occurredAt: number;
  body: string;
  /** Minutes of work, for worklog entries; 0 otherwise. */
  minutes: number;
  /** Previous and new value, for status and assignment changes. */
  fromValue: string;
  toValue: string;
}

export const ticketEventDefinition: CollectionDefinition = {
  schema: {
    title: 'ticket_events',
    description: 'Comments, worklog, status and assignment changes: append-only',
    version: 3,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      ticketId: idProp,
      kind: { type: 'string', enum: TICKET_EVENT_KINDS },
      authorId: idProp,
      occurredAt: timeProp,
      body: { type: 'string', maxLength: 20_000 },
      minutes: { type: 'integer', minimum: 0, maximum: 10_000 },
      fromValue: refProp,
      toValue: refProp,
    },
    required: ['id', 'ticketId', 'kind', 'authorId', 'occurredAt', 'body', 'minutes', 'fromValue', 'toValue'],
    indexes: [['ticketId', 'occurredAt']],
    additionalProperties: false,
  },
  migrationStrategies: {
    // v1 added event kinds only: v0 entries are valid v1 entries.
    1: (doc) => doc,
    // v2 added the approval kind: v1 entries are valid v2 entries.
    2: (doc) => doc,
    // v3 added the reply kind: v2 entries are valid v3 entries.
    3: (doc) => doc,
  },
  // No stored entry changes shape, so the replication carries on (no re-pull of the whole history).
  replicationVersion: 0,
};
