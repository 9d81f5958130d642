import {
  EVENT_BODY_MAX,
  OPEN_STATUSES,
  TICKET_TEXT_LIMITS,
  can,
  canMovePhase,
  isProblemManager,
  problemPhaseOf,
  statusForPhase,
  WORKAROUND_APPLIED,
} from '@shared';
import type {
  Actor,
  KnownError,
  Level,
  ProblemCandidate,
  ProblemPhase,
  ResolutionCode,
  RootCause,
  RuleViolation,
  Ticket,
  ViolationCode,
  WriteCheckCode,
} from '@shared';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';
import type { BulkRefusal } from './bulk.js';
import { bulkUpdateTickets } from './bulk.js';
import { createTicket } from './create-ticket.js';
import type { CommandActor, TicketPatch } from './tickets.js';
import { updateTicket } from './tickets.js';
import { loadTicketByNumber, loadTicket as load, ticketMissing as missing } from './lookup.js';

/**
 * Problem management on this device (issue 19): the phase moves, the analysis, the known error, the incident links
 * and candidates made problems. Each command asks the same policy (`can`) and rules (`checkTicketRules`, through
 * updateTicket) the server's push runs, so what the desk refuses here is what the server would refuse, and a
 * refusal comes back as coded violations the screen translates.
 */

/**
 * A refusal of a problem command: a ticket rule's violation, or the write check the server would answer with
 * (`problem_move_forbidden`, `known_error_edit_forbidden`), asked here first so nothing refused is written.
 */
export type ProblemViolation = Omit<RuleViolation, 'code'> & { code: ViolationCode | WriteCheckCode };

/** The actor as the policies read it; a session user always has a role and groups. */
const policyActor = (actor: CommandActor): Actor => ({
  id: actor.id,
  role: actor.role ?? 'agent',
  groupIds: actor.groupIds ?? [],
});

/** True when this user may move this problem between phases (problem managers, supervisors, admins). */
export function canMoveProblem(actor: CommandActor, ticket: Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>): boolean {
  return actor.role !== undefined && can(policyActor(actor), 'problem.move', ticket);
}

/** True when this user may write this problem's known error, which every agent reads. */
export function canPublishKnownError(actor: CommandActor, ticket: Pick<Ticket, 'groupId' | 'assigneeId' | 'security'>): boolean {
  return actor.role !== undefined && can(policyActor(actor), 'problem.publish', ticket);
}

/**
 * True when this user may turn a candidate into a problem: the problem managers who will move it. Anyone may record
 * a problem by hand; the candidates' one-step creation is the problem manager's tool (issue 19).
 */
export function canManageProblems(actor: CommandActor): boolean {
  return actor.role !== undefined && isProblemManager(policyActor(actor));
}

const notProblem = (ticket: Ticket): RuleViolation[] => [
  {
    code: 'problem_field_type',
    field: 'type',
    message: `${ticket.number} is a ${ticket.type}, not a problem.`,
    params: { type: ticket.type },
  },
];

const moveForbidden = (ticket: Ticket, to: ProblemPhase): ProblemViolation => ({
  code: 'problem_move_forbidden',
  field: 'problemPhase',
  message: `Only problem managers and supervisors move ${ticket.number} to "${to}".`,
});

const publishForbidden: ProblemViolation = {
  code: 'known_error_edit_forbidden',
  field: 'knownError',
  message: "Only problem managers and supervisors write a problem's known error.",
};

/** What resolving a problem records beside its phase (the ticket rules require a code and notes). */
export interface ProblemResolution {
  resolutionCode: ResolutionCode;
  resolutionNotes: string;
}

/**
 * Moves a problem to the next phase, with the ticket status the phase goes with (statusForPhase). Only one step
 * along the lifecycle: the page offers the next phases, and a jump is what an offline device's pushes look like, not
 * what a person chooses. Resolving takes its resolution code and notes in the same write.
 */
export async function moveProblemPhase(
  db: DeskDatabase,
  id: string,
  to: ProblemPhase,
  actor: CommandActor,
  resolution?: ProblemResolution,
): Promise<ProblemViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  if (ticket.type !== 'problem') return notProblem(ticket);
  if (!canMoveProblem(actor, ticket)) return [moveForbidden(ticket, to)];
  const from = problemPhaseOf(ticket);
  if (!canMovePhase(from, to)) {
    return [
      {
        code: 'problem_phase_transition',
        field: 'problemPhase',
        message: `A problem cannot move from "${from}" to "${to}".`,
        params: { from, to },
      },
    ];
  }
  const patch: TicketPatch = { problemPhase: to, status: statusForPhase(to, ticket.status, ticket.assigneeId) };
  if (to === 'resolved' && resolution) Object.assign(patch, resolution);
  return updateTicket(db, id, patch, actor);
}

/** The linked incidents a problem's resolution may resolve too: those still open. */
export function openIncidentsOf(incidents: readonly Ticket[]): Ticket[] {
  return incidents.filter((i) => i.type === 'incident' && OPEN_STATUSES.includes(i.status));
}

/**
 * Resolves the problem and, in the same action, the chosen open linked incidents (issue 19): each incident through
 * the ordinary ticket rules, resolved as fixed with notes naming the problem (the caller hears of it through the
 * resolution mail every resolved ticket sends), and the problem counts how many were resolved that way.
 */
export async function resolveProblemWithIncidents(
  db: DeskDatabase,
  problemId: string,
  resolution: ProblemResolution,
  incidentIds: readonly string[],
  actor: CommandActor,
): Promise<{ violations: ProblemViolation[]; updated: number; refused: BulkRefusal[] }> {
  const problem = await load(db, problemId);
  if (!problem) return { violations: missing(problemId), updated: 0, refused: [] };
  if (problemPhaseOf(problem) !== 'resolved') {
    const violations = await moveProblemPhase(db, problemId, 'resolved', actor, resolution);
    if (violations.length > 0) return { violations, updated: 0, refused: [] };
  }
  const resolved = (await load(db, problemId)) ?? problem;
  const notes = `Fixed by problem ${resolved.number}: ${resolution.resolutionNotes.trim()}`.slice(
    0,
    TICKET_TEXT_LIMITS.resolutionNotes,
  );
  const patch: TicketPatch = { status: 'resolved', resolutionCode: 'fixed', resolutionNotes: notes };
  const { updated, refused } = await bulkUpdateTickets(db, incidentIds, patch, actor);
  if (updated > 0) {
    const count = (resolved.resolvedByProblemCount ?? 0) + updated;
    const violations = await updateTicket(db, problemId, { resolvedByProblemCount: count }, actor);
    if (violations.length > 0) return { violations, updated, refused };
  }
  return { violations: [], updated, refused };
}

/** Blank lines and entries dropped, texts trimmed: what the form leaves behind is not part of the analysis. */
export function cleanRootCause(rootCause: RootCause): RootCause {
  const lines = (list: readonly string[]) => list.map((s) => s.trim()).filter((s) => s !== '');
  return {
    timeline: rootCause.timeline
      .map((entry) => ({ at: entry.at, text: entry.text.trim() }))
      .filter((entry) => entry.text !== '')
      .sort((a, b) => a.at - b.at),
    whys: lines(rootCause.whys),
    contributingFactors: lines(rootCause.contributingFactors),
    statement: rootCause.statement.trim(),
    fixChangeId: rootCause.fixChangeId,
  };
}

/** Records the root-cause analysis (anyone who may edit the problem: the analysis is not a phase move). */
export async function recordRootCause(db: DeskDatabase, id: string, rootCause: RootCause, actor: CommandActor) {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  if (ticket.type !== 'problem') return notProblem(ticket);
  return updateTicket(db, id, { rootCause: cleanRootCause(rootCause) }, actor);
}

/** Records the analysts' workaround (before it is published in the known error). */
export async function recordWorkaround(db: DeskDatabase, id: string, workaround: string, actor: CommandActor) {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  if (ticket.type !== 'problem') return notProblem(ticket);
  return updateTicket(db, id, { workaround: workaround.trim() }, actor);
}

const trimKnownError = (k: KnownError): KnownError => ({
  symptoms: { en: k.symptoms.en.trim(), fr: k.symptoms.fr.trim() },
  cause: { en: k.cause.en.trim(), fr: k.cause.fr.trim() },
  workaround: { en: k.workaround.en.trim(), fr: k.workaround.fr.trim() },
});

/**
 * Saves the known error and, with `publish`, moves the problem to the known-error phase in the same write, so the
 * rule that a published known error is complete in both languages judges the texts being published.
 */
export async function saveKnownError(
  db: DeskDatabase,
  id: string,
  knownError: KnownError,
  actor: CommandActor,
  publish = false,
): Promise<ProblemViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  if (ticket.type !== 'problem') return notProblem(ticket);
  if (!canPublishKnownError(actor, ticket)) return [publishForbidden];
  const patch: TicketPatch = { knownError: trimKnownError(knownError) };
  const from = problemPhaseOf(ticket);
  if (publish && from !== 'known_error') {
    if (!canMoveProblem(actor, ticket)) return [moveForbidden(ticket, 'known_error')];
    if (!canMovePhase(from, 'known_error')) {
      const message = `A problem cannot move from "${from}" to "known_error".`;
      return [{ code: 'problem_phase_transition', field: 'problemPhase', message, params: { from, to: 'known_error' } }];
    }
    patch.problemPhase = 'known_error';
    patch.status = statusForPhase('known_error', ticket.status, ticket.assigneeId);
  }
  return updateTicket(db, id, patch, actor);
}

/** Links incidents to a problem (or unlinks them with ''), each through the ticket rules; refusals per incident. */
export async function linkIncidents(
  db: DeskDatabase,
  problemId: string,
  incidentIds: readonly string[],
  actor: CommandActor,
): Promise<{ violations: RuleViolation[]; updated: number; refused: BulkRefusal[] }> {
  if (problemId !== '') {
    const problem = await load(db, problemId);
    if (!problem) return { violations: missing(problemId), updated: 0, refused: [] };
    if (problem.type !== 'problem') return { violations: notProblem(problem), updated: 0, refused: [] };
  }
  const { updated, refused } = await bulkUpdateTickets(db, incidentIds, { problemId }, actor);
  return { violations: [], updated, refused };
}

/** Links the incident with this number to the problem (the problem page's "link an incident"). */
export async function linkIncidentByNumber(db: DeskDatabase, problemId: string, number: string, actor: CommandActor) {
  const incident = await loadTicketByNumber(db, number);
  if (Array.isArray(incident)) return incident;
  const { violations, refused } = await linkIncidents(db, problemId, [incident.id], actor);
  return [...violations, ...refused.flatMap((r) => r.violations)];
}

/** What a person gives a problem made from a candidate; the rest comes from the candidate's incidents. */
export interface ProblemFromCandidate {
  title: string;
  description: string;
  impact?: Level;
  urgency?: Level;
}

/** The category most of the incidents share ('' when none): where the problem is routed, as they were. */
function commonCategory(incidents: readonly Ticket[]): string {
  const counts = new Map<string, number>();
  for (const i of incidents) if (i.categoryId) counts.set(i.categoryId, (counts.get(i.categoryId) ?? 0) + 1);
  let best = '';
  for (const [id, n] of counts) if (n > (counts.get(best) ?? 0)) best = id;
  return best;
}

/**
 * Creates a problem from a candidate in one step and links all its incidents (issue 19). The problem takes the
 * shared category (or the most common one), the shared CI, and the highest impact and urgency among the incidents
 * unless given. Incidents no longer on the device or refused are reported; the problem stays created.
 */
export async function createProblemFromCandidate(
  db: DeskDatabase,
  candidate: Pick<ProblemCandidate, 'trait' | 'incidentIds'>,
  input: ProblemFromCandidate,
  actor: CommandActor & Actor,
): Promise<{ problem: Ticket | null; violations: RuleViolation[]; linked: number; refused: BulkRefusal[] }> {
  if (!canManageProblems(actor)) {
    const message = 'Only problem managers and supervisors create problems from candidates.';
    return { problem: null, violations: [{ code: 'not_permitted', field: 'id', message }], linked: 0, refused: [] };
  }
  const docs = await db.tickets.findByIds([...candidate.incidentIds]).exec();
  const incidents = [...docs.values()].map((d) => d.toJSON() as Ticket);
  const highest = (pick: (t: Ticket) => Level): Level => (incidents.length ? (Math.min(...incidents.map(pick)) as Level) : 3);
  const categoryId = candidate.trait.kind === 'category' ? candidate.trait.categoryId : commonCategory(incidents);
  const ciIds = candidate.trait.kind === 'ci' ? [candidate.trait.ciId] : [];
  const { ticket, violations } = await createTicket(
    db,
    {
      type: 'problem',
      title: input.title,
      description: input.description,
      callerId: actor.id,
      channel: 'portal',
      categoryId,
      ciIds,
      impact: input.impact ?? highest((t) => t.impact),
      urgency: input.urgency ?? highest((t) => t.urgency),
    },
    actor,
  );
  if (!ticket) return { problem: null, violations, linked: 0, refused: [] };
  const linked = await linkIncidents(db, ticket.id, candidate.incidentIds, actor);
  return { problem: ticket, violations: linked.violations, linked: linked.updated, refused: linked.refused };
}

/**
 * "Apply workaround" from an incident: links the incident to the problem and records in its history which known
 * error's workaround was applied (a comment naming the problem in `toValue`, so reports can count the uses).
 */
export async function applyWorkaround(
  db: DeskDatabase,
  incidentId: string,
  problem: Pick<Ticket, 'id' | 'number'>,
  workaroundText: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const incident = await load(db, incidentId);
  if (!incident) return missing(incidentId);
  if (incident.problemId !== problem.id) {
    const violations = await updateTicket(db, incidentId, { problemId: problem.id }, actor);
    if (violations.length > 0) return violations;
  }
  await db.ticket_events.insert({
    id: newId(),
    ticketId: incidentId,
    kind: 'comment',
    authorId: actor.id,
    occurredAt: Date.now(),
    body: `${problem.number}: ${workaroundText.trim()}`.slice(0, EVENT_BODY_MAX),
    minutes: 0,
    fromValue: WORKAROUND_APPLIED,
    toValue: problem.id,
  });
  return [];
}

/** `fromValue` of the comment that records an applied workaround (shared: the problem report counts them). */
export { WORKAROUND_APPLIED };

/** Dismissed candidates, kept on this device (the detection hides them until they grow). */
interface DismissalsDoc {
  dismissed: { key: string; count: number }[];
}
export const DISMISSALS_DOC_ID = 'problem-candidate-dismissals';

/** Dismisses a candidate at its current size: it comes back only with more incidents. */
export async function dismissCandidate(db: DeskDatabase, candidate: Pick<ProblemCandidate, 'key' | 'count'>): Promise<void> {
  const entry = { key: candidate.key, count: candidate.count };
  const update = (data: DismissalsDoc): DismissalsDoc => ({
    dismissed: [...data.dismissed.filter((d) => d.key !== entry.key), entry],
  });
  const doc = await db.getLocal<DismissalsDoc>(DISMISSALS_DOC_ID);
  if (doc) await doc.incrementalModify((data) => update({ dismissed: data.dismissed ?? [] }));
  else await db.upsertLocal<DismissalsDoc>(DISMISSALS_DOC_ID, update({ dismissed: [] }));
}
