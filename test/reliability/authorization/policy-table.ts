import type { ReplicatedCollection } from '@shared';

/**
 * THE authorisation table: every role x collection x action, with the answer the server must give. It is the
 * policy written out as a person reads it; `authorization.test.ts` runs every cell against the real server and
 * checks that the table agrees with the code's ACCESS_POLICY, so neither can drift alone.
 *
 * Actors: the four roles, plus an agent in the security group (security incidents depend on it).
 * Outcomes: 'allow' (200, stored), 'deny' (403, nothing stored), 'invalid' (422: a data rule, e.g. a field that
 * never changes once the document exists, refuses it for everybody).
 * Pull: which of the fixture tickets (and their events) the actor receives, or 'all' / 'none' for the others.
 */
export const ACTORS = ['agent', 'securityAgent', 'technician', 'supervisor', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];
export type Outcome = 'allow' | 'deny' | 'invalid';

/**
 * Fixture tickets for pull visibility: the field group's, another group's, another group's assigned to the
 * technician, the service desk's assigned to the agent, a security incident. Each has an event and a survey response.
 */
export const FIXTURE_TICKETS = [
  'fieldGroup',
  'otherGroup',
  'assignedToTechnician',
  'assignedToAgent',
  'securityIncident',
] as const;
export type FixtureTicket = (typeof FIXTURE_TICKETS)[number];

export type PullExpectation = 'all' | 'none' | readonly FixtureTicket[];
type PerActor<T> = Readonly<Record<ActorName, T>>;

/** `update` changes an ordinary field; `update:<field>` changes that field only. */
export type Action = 'create' | 'update' | 'delete' | `update:${string}`;

export interface CollectionRow {
  pull: PerActor<PullExpectation>;
  actions: Readonly<Record<Action, PerActor<Outcome>>>;
}

const every = (outcome: Outcome): PerActor<Outcome> => ({
  agent: outcome,
  securityAgent: outcome,
  technician: outcome,
  supervisor: outcome,
  admin: outcome,
});
const only = (...allowed: ActorName[]): PerActor<Outcome> =>
  Object.fromEntries(
    ['agent', 'securityAgent', 'technician', 'supervisor', 'admin'].map((a) => [
      a,
      allowed.includes(a as ActorName) ? 'allow' : 'deny',
    ]),
  ) as Record<ActorName, Outcome>;
const allBut = (...denied: ActorName[]): PerActor<Outcome> =>
  only(...(['agent', 'securityAgent', 'technician', 'supervisor', 'admin'] as ActorName[]).filter((a) => !denied.includes(a)));

const NOT_SECURITY = ['fieldGroup', 'otherGroup', 'assignedToTechnician', 'assignedToAgent'] as const;

export const AUTHORIZATION_TABLE: Readonly<Record<ReplicatedCollection, CollectionRow>> = {
  tickets: {
    pull: {
      agent: NOT_SECURITY,
      securityAgent: 'all',
      // Technicians: tickets of their groups and tickets assigned to them, never security incidents of others.
      technician: ['fieldGroup', 'assignedToTechnician'],
      supervisor: 'all',
      admin: 'all',
    },
    actions: {
      create: every('allow'),
      update: every('allow'),
      // Marking a ticket as a security incident hides it from whoever is not cleared: refused for them.
      'update:security': only('securityAgent', 'supervisor', 'admin'),
      // Fields a technician sets when creating a ticket but never changes afterwards.
      'update:callerId': allBut('technician'),
      'update:type': allBut('technician'),
      'update:priorityOverrideReason': allBut('technician'),
      // Moving a ticket to a group the technician is not in (and not assigned): he would lose it.
      'update:groupId': allBut('technician'),
      // Identity fields never change once the ticket exists.
      'update:number': every('invalid'),
      'update:createdAt': every('invalid'),
      delete: only('supervisor', 'admin'),
    },
  },
  ticket_events: {
    pull: {
      agent: NOT_SECURITY,
      securityAgent: 'all',
      technician: ['fieldGroup', 'assignedToTechnician'],
      supervisor: 'all',
      admin: 'all',
    },
    actions: {
      // Everybody writes history in their own name on tickets they see; nobody edits or deletes it.
      create: every('allow'),
      update: every('deny'),
      'update:ticketId': every('deny'),
      'update:authorId': every('deny'),
      'update:occurredAt': every('deny'),
      'update:kind': every('deny'),
      delete: every('deny'),
    },
  },
  kb_articles: {
    pull: { agent: 'all', securityAgent: 'all', technician: 'all', supervisor: 'all', admin: 'all' },
    actions: {
      create: allBut('technician'),
      update: allBut('technician'),
      delete: only('supervisor', 'admin'),
      // Rating is reading, not editing: everyone who reads the KB rates (can('kb.rate')), in their own name only.
      'update:ratings': allBut(),
      // The review date is the article writers' (can('kb.review.set')).
      'update:reviewBy': allBut('technician'),
    },
  },
  kb_article_versions: {
    // Published versions are written by the server alone (when an article is published): history cannot be forged.
    pull: { agent: 'all', securityAgent: 'all', technician: 'all', supervisor: 'all', admin: 'all' },
    actions: { create: every('deny'), update: every('deny'), delete: every('deny') },
  },
  surveys: {
    pull: { agent: 'all', securityAgent: 'all', technician: 'all', supervisor: 'all', admin: 'all' },
    actions: { create: only('supervisor', 'admin'), update: only('supervisor', 'admin'), delete: only('supervisor', 'admin') },
  },
  survey_responses: {
    // Agents read the responses about tickets assigned to them; technicians record on-site responses but never read any.
    pull: { agent: ['assignedToAgent'], securityAgent: [], technician: 'none', supervisor: 'all', admin: 'all' },
    actions: { create: every('allow'), update: every('deny'), delete: every('deny') },
  },
  directory: {
    pull: { agent: 'all', securityAgent: 'all', technician: 'all', supervisor: 'all', admin: 'all' },
    actions: { create: only('admin'), update: only('admin'), delete: only('admin') },
  },
  // SLA policies and calendars replicate to everyone (clocks work offline); only admins change them.
  settings: {
    pull: { agent: 'all', securityAgent: 'all', technician: 'all', supervisor: 'all', admin: 'all' },
    actions: { create: only('admin'), update: only('admin'), delete: only('admin') },
  },
  config_items: {
    // The fixture CI belongs to the technician's group, so every role receives it (the site rules: pull test of cmdb).
    pull: { agent: 'all', securityAgent: 'all', technician: 'all', supervisor: 'all', admin: 'all' },
    actions: {
      // Creating, retiring (delete) and relinking are the configuration managers' (here: supervisors and admins).
      create: only('supervisor', 'admin'),
      // An ordinary update is a status change on site: technicians may, on the CIs of their sites and groups.
      update: allBut('agent', 'securityAgent'),
      'update:name': only('supervisor', 'admin'),
      'update:relations': only('supervisor', 'admin'),
      delete: only('supervisor', 'admin'),
    },
  },
  ci_history: {
    // Written by the server alone from each accepted CI change: history cannot be forged.
    pull: { agent: 'all', securityAgent: 'all', technician: 'all', supervisor: 'all', admin: 'all' },
    actions: { create: every('deny'), update: every('deny'), delete: every('deny') },
  },
};

/**
 * Endpoints outside sync that one permission guards, by actor: 'allow' (2xx) or 'deny' (403). The CMDB import is for
 * configuration managers and administrators (`ci.import`; supervisors manage configuration), the export for whoever
 * receives every CI anyway (`ci.export`).
 */
export const ENDPOINT_TABLE = {
  'POST /api/cmdb/import/dry-run': { action: 'ci.import', outcome: only('supervisor', 'admin') },
  'POST /api/cmdb/import': { action: 'ci.import', outcome: only('supervisor', 'admin') },
  'GET /api/cmdb/export/cis.csv': { action: 'ci.export', outcome: allBut('technician') },
  'GET /api/cmdb/export/relations.csv': { action: 'ci.export', outcome: allBut('technician') },
} as const satisfies Record<string, { action: 'ci.import' | 'ci.export'; outcome: PerActor<Outcome> }>;
