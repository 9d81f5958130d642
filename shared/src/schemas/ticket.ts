import { FIELD_REVISION_MAX, TICKET_REVISED_FIELDS, type FieldRevisions } from '../domain/field-revisions.js';
import type { BilingualText } from './bilingual.js';
import type { CollectionDefinition, JsonSchemaProperty } from './json-schema.js';
import { bilingualProp, idProp, refProp, timeProp } from './json-schema.js';

/** `task`: one piece of a change's work (parentId names the change), given to whoever does it, done offline too. */
export const TICKET_TYPES = ['incident', 'request', 'problem', 'change', 'release', 'task'] as const;
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

/**
 * The phases of a problem (type 'problem'), kept beside its ticket status (see domain/problem-lifecycle.ts, which
 * says which statuses each phase goes with and how phases follow one another).
 */
export const PROBLEM_PHASES = ['new', 'assessment', 'root_cause_analysis', 'known_error', 'resolved', 'closed'] as const;
export type ProblemPhase = (typeof PROBLEM_PHASES)[number];

/**
 * Change management (type 'change', see change/change-lifecycle.ts): standard changes come from the catalogue of
 * pre-approved templates and need no CAB; normal ones are assessed and approved by the CAB; emergency ones by the
 * emergency CAB, and may be implemented before the approval is complete.
 */
export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** The phases of a change, kept beside its ticket status as a problem's are. */
export const CHANGE_PHASES = [
  'draft',
  'assessment',
  'awaiting_approval',
  'scheduled',
  'implementing',
  'review',
  'closed',
  'cancelled',
  'rejected',
] as const;
export type ChangePhase = (typeof CHANGE_PHASES)[number];

/** How the implementation went ('' until it is known). */
export const CHANGE_OUTCOMES = ['', 'successful', 'failed', 'backed_out'] as const;
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];

/** What a change is for and how it is done, tested and undone: an approval is given on these. */
export interface ChangePlan {
  reason: string;
  implementation: string;
  test: string;
  backout: string;
}

/** One answer of the risk questionnaire (change/change-risk.ts names the questions and their answers). */
export interface RiskAnswer {
  questionId: string;
  answer: string;
}

export const RELEASE_STAGES = ['build', 'test', 'deploy'] as const;
export type ReleaseStage = (typeof RELEASE_STAGES)[number];

/** One deployment record of a release: a stage run in an environment, with its result. */
export interface ReleaseDeployment {
  stage: ReleaseStage;
  environment: string;
  result: 'planned' | 'succeeded' | 'failed';
  at: number;
}

/** One dated entry of a root-cause analysis's timeline (what happened when, as the analysts reconstructed it). */
export interface RootCauseTimelineEntry {
  at: number;
  text: string;
}

/** A problem's root-cause analysis, in structure so reports and the known error can read its parts. */
export interface RootCause {
  timeline: RootCauseTimelineEntry[];
  /** The 5-whys chain, first "why" first. */
  whys: string[];
  contributingFactors: string[];
  statement: string;
  /** The change that fixes the cause ('' until change management links one). */
  fixChangeId: string;
}

/** What agents read about a known error, in both languages: how it shows, why, and how to get round it. */
export interface KnownError {
  symptoms: BilingualText;
  cause: BilingualText;
  workaround: BilingualText;
}

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
  // Since schema v5 (problem management), optional so that v4 documents stay valid as they are.
  /** On an incident: the problem it is linked to. */
  problemId?: string;
  /** On a problem: its phase (absent on problems stored before v5: derived from the status, problemPhaseOf). */
  problemPhase?: ProblemPhase;
  rootCause?: RootCause;
  /** On a problem: the workaround as the analysts write it, before it is published in the known error. */
  workaround?: string;
  /** On a problem in (or past) the known-error phase: what agents find when they search known errors. */
  knownError?: KnownError;
  /** On a problem: how many linked incidents were resolved with it ("fixed by problem PRB…"). */
  resolvedByProblemCount?: number;
  // Since schema v6 (change and release management), optional so that v5 documents stay valid as they are.
  changeType?: ChangeType;
  /** On a change: its phase (changes stored before v6 have none and follow the plain ticket lifecycle). */
  changePhase?: ChangePhase;
  changePlan?: ChangePlan;
  /** On a standard change: the catalogue template it was made from (a `change_template` setting). */
  changeTemplateId?: string;
  riskAnswers?: RiskAnswer[];
  /** On a change or release: the planned window (0 or absent: not scheduled). */
  plannedStart?: number;
  plannedEnd?: number;
  /** On a change: when the implementation ended (set when it moves to review), which "caused by" suggestions count from. */
  implementedAt?: number;
  changeOutcome?: ChangeOutcome;
  /** On a change: the post-implementation review, required to close a failed, backed-out or emergency change. */
  reviewNotes?: string;
  /** On a change: the incidents and problems it fixes. */
  fixesTicketIds?: string[];
  /** On an incident: the change that caused it. */
  causedByChangeId?: string;
  /** On a release: the changes it bundles, its deployments and its notes as published. */
  releaseChangeIds?: string[];
  releaseDeployments?: ReleaseDeployment[];
  releaseNotes?: BilingualText;
  actualStart?: number;
  actualEnd?: number;
}

const MAX_TEXT = 20_000;
/** Longest line of a root-cause analysis (a why, a factor, a timeline entry) and of a known error's parts. */
const ANALYSIS_LINE_MAX = 2_000;
const KNOWN_ERROR_TEXT_MAX = 5_000;

const rootCauseProp: JsonSchemaProperty = {
  type: 'object',
  properties: {
    timeline: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { at: timeProp, text: { type: 'string', maxLength: ANALYSIS_LINE_MAX } },
        required: ['at', 'text'],
        additionalProperties: false,
      },
    },
    whys: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: ANALYSIS_LINE_MAX } },
    contributingFactors: { type: 'array', maxItems: 30, items: { type: 'string', maxLength: ANALYSIS_LINE_MAX } },
    statement: { type: 'string', maxLength: KNOWN_ERROR_TEXT_MAX },
    fixChangeId: refProp,
  },
  required: ['timeline', 'whys', 'contributingFactors', 'statement', 'fixChangeId'],
  additionalProperties: false,
};

const knownErrorProp: JsonSchemaProperty = {
  type: 'object',
  properties: {
    symptoms: bilingualProp(KNOWN_ERROR_TEXT_MAX),
    cause: bilingualProp(KNOWN_ERROR_TEXT_MAX),
    workaround: bilingualProp(KNOWN_ERROR_TEXT_MAX),
  },
  required: ['symptoms', 'cause', 'workaround'],
  additionalProperties: false,
};

const PLAN_TEXT_MAX = 10_000;
/** Most changes a release bundles and tickets a change says it fixes. */
export const CHANGE_LINKS_MAX = 100;

const changePlanProp: JsonSchemaProperty = {
  type: 'object',
  properties: {
    reason: { type: 'string', maxLength: PLAN_TEXT_MAX },
    implementation: { type: 'string', maxLength: PLAN_TEXT_MAX },
    test: { type: 'string', maxLength: PLAN_TEXT_MAX },
    backout: { type: 'string', maxLength: PLAN_TEXT_MAX },
  },
  required: ['reason', 'implementation', 'test', 'backout'],
  additionalProperties: false,
};

const riskAnswersProp: JsonSchemaProperty = {
  type: 'array',
  maxItems: 20,
  items: {
    type: 'object',
    properties: { questionId: { type: 'string', maxLength: 40 }, answer: { type: 'string', maxLength: 40 } },
    required: ['questionId', 'answer'],
    additionalProperties: false,
  },
};

const releaseDeploymentsProp: JsonSchemaProperty = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    properties: {
      stage: { type: 'string', enum: RELEASE_STAGES },
      environment: { type: 'string', minLength: 1, maxLength: 60 },
      result: { type: 'string', enum: ['planned', 'succeeded', 'failed'] },
      at: timeProp,
    },
    required: ['stage', 'environment', 'result', 'at'],
    additionalProperties: false,
  },
};

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
    version: 6,
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
      problemId: refProp,
      problemPhase: { type: 'string', enum: PROBLEM_PHASES, maxLength: 20 },
      rootCause: rootCauseProp,
      workaround: { type: 'string', maxLength: MAX_TEXT },
      knownError: knownErrorProp,
      resolvedByProblemCount: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
      changeType: { type: 'string', enum: CHANGE_TYPES },
      changePhase: { type: 'string', enum: CHANGE_PHASES },
      changePlan: changePlanProp,
      changeTemplateId: refProp,
      riskAnswers: riskAnswersProp,
      plannedStart: timeProp,
      plannedEnd: timeProp,
      implementedAt: timeProp,
      changeOutcome: { type: 'string', enum: CHANGE_OUTCOMES },
      reviewNotes: { type: 'string', maxLength: MAX_TEXT },
      fixesTicketIds: { type: 'array', maxItems: CHANGE_LINKS_MAX, items: idProp },
      causedByChangeId: refProp,
      releaseChangeIds: { type: 'array', maxItems: CHANGE_LINKS_MAX, items: idProp },
      releaseDeployments: releaseDeploymentsProp,
      releaseNotes: bilingualProp(MAX_TEXT),
      actualStart: timeProp,
      actualEnd: timeProp,
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
    // v5 added the optional problem-management fields (problemId, problemPhase, rootCause, workaround, knownError,
    // resolvedByProblemCount): v4 documents are valid v5 documents, so the replication is kept as for v4.
    5: (doc) => doc,
    // v6 added the task type and the optional change and release fields: v5 documents are valid v6 documents.
    6: (doc) => doc,
  },
  replicationVersion: 2,
};

/** The queue sort key for a given update time (see `Ticket.queueKey`). */
export function queueKeyFor(updatedAt: number): number {
  return Number.MAX_SAFE_INTEGER - updatedAt;
}
