import { FIELD_REVISION_MAX, TICKET_REVISED_FIELDS, type FieldRevisions } from '../domain/field-revisions.js';
import type { CollectionDefinition, JsonSchemaProperty } from './json-schema.js';
import { idProp, refProp, timeProp } from './json-schema.js';

export const TICKET_TYPES = ['incident', 'request', 'problem', 'change', 'release'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PENDING_REASONS = ['', 'customer', 'vendor', 'change'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

/** Most configuration items one ticket names as affected. */
export const TICKET_CI_MAX = 20;

export const CHANNELS = ['phone', 'email', 'walk_in', 'portal', 'field'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RESOLUTION_CODES = ['', 'fixed', 'workaround', 'no_fault_found', 'user_error', 'duplicate', 'cancelled'] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** Impact and urgency: 1 is high, 3 is low. Priority: 1 (critical) to 5 (planning). */
export type Level = 1 | 2 | 3;
export type Priority = 1 | 2 | 3 | 4 | 5;

/** One work item of any type (incident, request, later problem/change/release), as ServiceNow's task table. */
export interface Ticket {
  id: string;
  number: string;
  type: TicketType;
  title: string;
  description: string;
  status: TicketStatus;
  pendingReason: PendingReason;
  impact: Level;
  urgency: Level;
  priority: Priority;
  /** Non-empty when a person overrode the computed priority; the reason is required then. */
  priorityOverrideReason: string;
  categoryId: string;
  groupId: string;
  /** Empty string when unassigned: RxDB indexes need a value. */
  assigneeId: string;
  callerId: string;
  channel: Channel;
  /** Security incidents are visible only to the security group and supervisors. */
  security: boolean;
  resolutionCode: ResolutionCode;
  resolutionNotes: string;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
  /** MAX_SAFE_INTEGER - updatedAt: ascends in queue order, because descending sorts are not index-served. */
  queueKey: number;
  // Since schema v1, optional so that v0 documents stay valid as they are.
  /** A caller who is not in the directory yet: name and e-mail as given. */
  callerName?: string;
  callerEmail?: string;
  /** Affected service or configuration item as free text (before the CMDB): kept and shown until a CI is linked. */
  affectedItem?: string;
  /** Since v4: the affected configuration items (CMDB), whose impact the ticket shows. */
  ciIds?: string[];
  /** People notified of every update to this ticket. */
  watcherIds?: string[];
  /** Major incident: gets a manager, a communications log and child incidents. */
  major?: boolean;
  majorManagerId?: string;
  /** The major incident (or other parent) this ticket is a child of. */
  parentId?: string;
  /** Functional escalation tier: 1 service desk, 2 and 3 specialist groups. */
  escalationTier?: 1 | 2 | 3;
  /** Hierarchical escalation: flagged to a supervisor. */
  escalatedToSupervisor?: boolean;
  linkedArticleIds?: string[];
  /** The knowledge article the ticket was resolved with. */
  resolvedWithArticleId?: string;
  // Since schema v2, optional so that v1 documents stay valid as they are.
  /**
   * How many times each person-editable field was edited (see domain/field-revisions.ts), so the merge can tell
   * "changed and changed back" from "unchanged". Absent fields count as 0.
   */
  fieldRevs?: FieldRevisions;
}

const MAX_TEXT = 20_000;

const fieldRevsProp: JsonSchemaProperty = {
  type: 'object',
  properties: Object.fromEntries(
    TICKET_REVISED_FIELDS.map((field) => [field, { type: 'integer', minimum: 0, maximum: FIELD_REVISION_MAX, multipleOf: 1 }]),
  ),
  additionalProperties: false,
};

export const ticketDefinition: CollectionDefinition = {
  schema: {
    title: 'tickets',
    description: 'Incidents, service requests and later problems, changes and releases',
    version: 4,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      number: { type: 'string', maxLength: 24, minLength: 1 },
      type: { type: 'string', enum: TICKET_TYPES, maxLength: 10 },
      title: { type: 'string', minLength: 1, maxLength: 300 },
      description: { type: 'string', maxLength: MAX_TEXT },
      status: { type: 'string', enum: TICKET_STATUSES, maxLength: 12 },
      pendingReason: { type: 'string', enum: PENDING_REASONS },
      impact: { type: 'integer', enum: [1, 2, 3] },
      urgency: { type: 'integer', enum: [1, 2, 3] },
      priority: { type: 'integer', enum: [1, 2, 3, 4, 5], minimum: 1, maximum: 5, multipleOf: 1 },
      priorityOverrideReason: { type: 'string', maxLength: 500 },
      categoryId: refProp,
      groupId: refProp,
      assigneeId: refProp,
      callerId: refProp,
      channel: { type: 'string', enum: CHANNELS },
      security: { type: 'boolean' },
      resolutionCode: { type: 'string', enum: RESOLUTION_CODES },
      resolutionNotes: { type: 'string', maxLength: MAX_TEXT },
      createdAt: timeProp,
      updatedAt: timeProp,
      updatedBy: refProp,
      queueKey: { type: 'number', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, multipleOf: 1 },
      callerName: { type: 'string', maxLength: 200 },
      callerEmail: { type: 'string', maxLength: 254 },
      affectedItem: { type: 'string', maxLength: 200 },
      watcherIds: { type: 'array', maxItems: 50, items: refProp },
      major: { type: 'boolean' },
      majorManagerId: refProp,
      parentId: refProp,
      escalationTier: { type: 'integer', enum: [1, 2, 3] },
      escalatedToSupervisor: { type: 'boolean' },
      linkedArticleIds: { type: 'array', maxItems: 50, items: refProp },
      ciIds: { type: 'array', maxItems: TICKET_CI_MAX, items: idProp },
      resolvedWithArticleId: refProp,
      fieldRevs: fieldRevsProp,
    },
    required: [
      'id',
      'number',
      'type',
      'title',
      'description',
      'status',
      'pendingReason',
      'impact',
      'urgency',
      'priority',
      'priorityOverrideReason',
      'categoryId',
      'groupId',
      'assigneeId',
      'callerId',
      'channel',
      'security',
      'resolutionCode',
      'resolutionNotes',
      'createdAt',
      'updatedAt',
      'updatedBy',
      'queueKey',
    ],
    // The queue filters and sorts in memory (renderer queue-index); IndexedDB keeps only the queue order, read at
    // start-up. Every index costs each write of a first sync of 100,000 tickets (v2's three compound indexes: a third
    // of its time).
    indexes: ['queueKey'],
    additionalProperties: false,
  },
  migrationStrategies: {
    // v1 added optional fields only: v0 documents are valid v1 documents.
    1: (doc) => doc,
    // v2 added the optional edit counters: a document without them counts every field as edited 0 times, which
    // makes the merge compare values for it, as before. No counter can be invented for edits already made.
    2: (doc) => doc,
    // v3 dropped three indexes; documents are unchanged.
    3: (doc) => doc,
    // v4 added the optional affected CIs (`ciIds`) beside the free-text `affectedItem`, which stays readable: v3
    // documents are valid v4 documents. The replication is kept (no stored document changes shape), so no re-pull.
    4: (doc) => doc,
  },
  replicationVersion: 2,
};

/** The queue sort key for a given update time (see `Ticket.queueKey`). */
export function queueKeyFor(updatedAt: number): number {
  return Number.MAX_SAFE_INTEGER - updatedAt;
}
