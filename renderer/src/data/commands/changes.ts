import {
  approvalBeforeSchedule,
  approvalBoardGroupId,
  approvalRefusals,
  approvalState,
  can,
  canMoveChange,
  changeFingerprint,
  changePhaseOf,
  changeBoardsOf,
  fixLinkRefusals,
  plannedTooFarViolations,
  checkTicketRules,
  hiddenAfterChange,
  standardTemplateViolations,
  changeTypeOf,
  isChangeManager,
  newTicket,
  normalizeTicket,
  statusForChangePhase,
  EVENT_BODY_MAX,
  TICKET_TEXT_LIMITS,
} from '@shared';
import type {
  Actor,
  ApprovalDecision,
  ApprovalRefusalCode,
  ApprovalState,
  ChangePhase,
  ChangeBoards,
  DirectoryEntry,
  RuleViolation,
  SettingDocument,
  Ticket,
  TicketEvent,
  ViolationCode,
  WriteCheckCode,
} from '@shared';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';
import type { CommandActor, TicketPatch } from './tickets.js';
import { applyTicketPatch, updateTicket } from './tickets.js';
import { loadTicketByNumber, loadTicket as load, ticketMissing as missing } from './lookup.js';

/**
 * Change management on this device (issue 20): phase moves, plans, CAB decisions, tasks and "caused by" links. Each
 * command asks the policy (`can`) and the shared rules the server's push runs, with what the device holds (its
 * events, directory and settings), so a decision recorded offline counts when it syncs and a refusal here is the one
 * the server would give.
 */
export type ChangeViolation = Omit<RuleViolation, 'code'> & { code: ViolationCode | WriteCheckCode | ApprovalRefusalCode };

const policyActor = (actor: CommandActor): Actor => ({
  id: actor.id,
  role: actor.role ?? 'agent',
  groupIds: actor.groupIds ?? [],
});

/** True for change managers, supervisors and admins (they move changes through every phase). */
export function canManageChanges(actor: CommandActor): boolean {
  return actor.role !== undefined && isChangeManager(policyActor(actor));
}

/** True when this user may move this change from its phase to `to` (the policy the server's write check asks). */
export function canMoveChangeTo(actor: CommandActor, ticket: Ticket, to: ChangePhase): boolean {
  return actor.role !== undefined && can(policyActor(actor), 'change.move', { ticket, from: changePhaseOf(ticket), to });
}

const notChange = (ticket: Ticket): ChangeViolation[] => [
  {
    code: 'change_field_type',
    field: 'type',
    message: `${ticket.number} is a ${ticket.type}, not a change.`,
    params: { type: ticket.type },
  },
];

/** Who approves changes, read once from this device's settings and directory. */
export async function loadChangeBoards(db: DeskDatabase): Promise<ChangeBoards> {
  const settings = (await db.settings.find().exec()).map((d) => d.toJSON() as SettingDocument);
  const directory = (await db.directory.find({ selector: { kind: 'user' } }).exec()).map((d) => d.toJSON() as DirectoryEntry);
  return changeBoardsOf(settings, directory);
}

/** Where a change's approval stands from the decisions on this device. */
export function approvalStateOf(change: Ticket, events: readonly TicketEvent[], boards: ChangeBoards): ApprovalState {
  return approvalState(change, events, boards.membersOf(approvalBoardGroupId(change, boards.settings)), boards.settings);
}

async function localApprovalState(db: DeskDatabase, change: Ticket, boards: ChangeBoards): Promise<ApprovalState> {
  const events = (await db.ticket_events.find({ selector: { ticketId: change.id, kind: 'approval' } }).exec()).map(
    (d) => d.toJSON() as TicketEvent,
  );
  return approvalStateOf(change, events, boards);
}

/** What a move records beside the phase: the closing notes of a final phase, the outcome and review of an implementation. */
export interface ChangeMoveDetails {
  resolutionNotes?: string;
  changeOutcome?: Ticket['changeOutcome'];
  reviewNotes?: string;
}

/**
 * Moves a change one step along its lifecycle, with the status the phase goes with. Ending the implementation
 * (to review) records when it ended, which "caused by" suggestions count from; a final phase takes its closing notes
 * and, for cancelled and rejected, the resolution code "cancelled". Past "awaiting approval" a normal change needs
 * its quorum from the decisions on this device, as the server will judge from the ones it holds.
 */
export async function moveChange(
  db: DeskDatabase,
  id: string,
  to: ChangePhase,
  actor: CommandActor,
  details: ChangeMoveDetails = {},
): Promise<ChangeViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  if (ticket.type !== 'change') return notChange(ticket);
  const from = changePhaseOf(ticket);
  if (!canMoveChangeTo(actor, ticket, to)) {
    const message = `Only change managers and supervisors move ${ticket.number} from "${from}" to "${to}".`;
    return [{ code: 'change_move_forbidden', field: 'changePhase', message }];
  }
  if (!canMoveChange(changeTypeOf(ticket), from, to)) {
    const message = `A ${changeTypeOf(ticket)} change cannot move from "${from}" to "${to}".`;
    return [{ code: 'change_phase_transition', field: 'changePhase', message, params: { from, to } }];
  }
  const patch: TicketPatch = { changePhase: to, status: statusForChangePhase(to, ticket.status, ticket.assigneeId) };
  if (details.changeOutcome !== undefined) patch.changeOutcome = details.changeOutcome;
  if (details.reviewNotes !== undefined) patch.reviewNotes = details.reviewNotes.trim();
  if (to === 'review') patch.implementedAt = Date.now();
  if (to === 'closed' || to === 'cancelled' || to === 'rejected') {
    patch.resolutionNotes = (details.resolutionNotes ?? '').trim();
    patch.resolutionCode = to === 'closed' ? '' : 'cancelled';
  }
  const boards = await loadChangeBoards(db);
  const next = normalizeTicket({ ...ticket, ...patch });
  const gate = [
    ...approvalBeforeSchedule(next, ticket, await localApprovalState(db, next, boards)),
    ...standardTemplateViolations(next, ticket, boards.templates),
  ];
  if (gate.length > 0) return gate;
  return updateTicket(db, id, patch, actor);
}

/** The parts of a change people plan and assess; an approval is given on the plan, window and CIs. */
export type ChangePlanPatch = Pick<
  TicketPatch,
  | 'changeType'
  | 'changeTemplateId'
  | 'changePlan'
  | 'plannedStart'
  | 'plannedEnd'
  | 'riskAnswers'
  | 'ciIds'
  | 'changeOutcome'
  | 'reviewNotes'
  | 'fixesTicketIds'
>;

/**
 * Saves a change's plan, schedule, risk answers, CIs or outcome. A change replanned while scheduled goes back to
 * awaiting approval in the same write (applyTicketPatch): the CAB approved another plan, and its members are asked
 * again, which only those who may make that move may cause.
 */
export async function saveChangePlan(
  db: DeskDatabase,
  id: string,
  plan: ChangePlanPatch,
  actor: CommandActor,
): Promise<ChangeViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  if (ticket.type !== 'change') return notChange(ticket);
  const next = applyTicketPatch(ticket, plan, actor.id);
  const far = plannedTooFarViolations(next, ticket, Date.now());
  if (far.length > 0) return far;
  if (next.changePhase !== ticket.changePhase && !canMoveChangeTo(actor, ticket, changePhaseOf(next))) {
    const message = `${ticket.number} is scheduled on the plan its CAB approved: only a change manager replans it.`;
    return [{ code: 'change_move_forbidden', field: 'changePhase', message }];
  }
  return updateTicket(db, id, plan, actor);
}

/**
 * Records a CAB member's decision on the change as it is now (its fingerprint), on this device: it counts once it
 * syncs, and stops counting if the plan, window or CIs change after it. Only members of the change's board who did
 * not request it decide; a comment is required to reject.
 */
export async function recordApproval(
  db: DeskDatabase,
  changeId: string,
  decision: ApprovalDecision,
  comment: string,
  actor: CommandActor,
): Promise<ChangeViolation[]> {
  const change = await load(db, changeId);
  if (!change) return missing(changeId);
  const boards = await loadChangeBoards(db);
  const members = boards.membersOf(approvalBoardGroupId(change, boards.settings));
  const refusals = approvalRefusals(actor.id, change, members, boards.settings);
  if (refusals.length > 0) return refusals.map((r) => ({ code: r.code, field: 'authorId', message: r.message }));
  const body = comment.trim().slice(0, EVENT_BODY_MAX);
  if (decision === 'rejected' && body === '') {
    return [{ code: 'body_required', field: 'body', message: 'Say why you reject the change.' }];
  }
  const event: TicketEvent = {
    id: newId(),
    ticketId: change.id,
    kind: 'approval',
    authorId: actor.id,
    occurredAt: Date.now(),
    body,
    minutes: 0,
    fromValue: changeFingerprint(change),
    toValue: decision,
  };
  await db.ticket_events.insert(event);
  return [];
}

/**
 * What a task carries of its change: number, title, window and the implementation and back-out plans. The assignee
 * may not see the change itself (a field technician outside its group), yet does the work offline from this.
 */
export function taskBrief(change: Ticket): string {
  const plan = change.changePlan;
  const window =
    change.plannedStart && change.plannedEnd
      ? `${new Date(change.plannedStart).toISOString().slice(0, 16)} – ${new Date(change.plannedEnd).toISOString().slice(0, 16)} UTC`
      : '';
  const parts = [
    `${change.number}: ${change.title}`,
    window,
    plan?.implementation ? `Implementation / Mise en œuvre:\n${plan.implementation}` : '',
    plan?.backout ? `Back-out / Retour arrière:\n${plan.backout}` : '',
  ];
  return parts
    .filter((p) => p !== '')
    .join('\n\n')
    .slice(0, TICKET_TEXT_LIMITS.description);
}

/** A task of a change: what to do and who does it (a field technician, who completes it offline too). */
export interface NewChangeTask {
  title: string;
  assigneeId: string;
}

/**
 * Adds a task under a change (a ticket of type `task` whose parent is the change), in the change's group and
 * assigned to whoever does it: the change's group keeps seeing it (a technician managing the change too), and the
 * assignee receives it wherever their own groups are.
 */
export async function addChangeTask(
  db: DeskDatabase,
  changeId: string,
  task: NewChangeTask,
  actor: CommandActor,
): Promise<{ task: Ticket | null; violations: ChangeViolation[] }> {
  const change = await load(db, changeId);
  if (!change) return { task: null, violations: missing(changeId) };
  if (change.type !== 'change') return { task: null, violations: notChange(change) };
  if (task.title.trim() === '')
    return { task: null, violations: [{ code: 'title_required', field: 'title', message: 'Name the task.' }] };
  const created = newTicket(
    {
      id: newId(),
      type: 'task',
      title: task.title.trim(),
      description: taskBrief(change),
      impact: change.impact,
      urgency: change.urgency,
      categoryId: change.categoryId,
      groupId: change.groupId,
      callerId: actor.id,
      channel: 'field',
      security: false,
      parentId: change.id,
    },
    actor.id,
    Date.now(),
  );
  const ticket = normalizeTicket({
    ...created,
    assigneeId: task.assigneeId,
    status: task.assigneeId === '' ? 'new' : 'assigned',
    ciIds: change.ciIds,
  });
  // What the server's push would refuse is refused here, before anything is written (never a task set aside later).
  const hidden = actor.role ? hiddenAfterChange(policyActor(actor), ticket) : null;
  const violations = [...checkTicketRules(ticket), ...(hidden ? [hidden] : [])];
  if (violations.length > 0) return { task: null, violations };
  await db.tickets.insert(ticket);
  const base = { ticketId: ticket.id, authorId: actor.id, occurredAt: ticket.createdAt, body: '', minutes: 0 };
  await db.ticket_events.insert({ ...base, id: newId(), kind: 'created', fromValue: '', toValue: ticket.status });
  return { task: ticket, violations: [] };
}

/** Records a task done (resolved as fixed with what was done): by its assignee in the field, offline too. */
export function completeChangeTask(
  db: DeskDatabase,
  taskId: string,
  notes: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  return updateTicket(db, taskId, { status: 'resolved', resolutionCode: 'fixed', resolutionNotes: notes.trim() }, actor);
}

/** Links an incident to the change that caused it (one click on a suggestion), or unlinks it with ''. */
export async function linkCausingChange(
  db: DeskDatabase,
  incidentId: string,
  changeId: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  return updateTicket(db, incidentId, { causedByChangeId: changeId }, actor);
}

/** Adds an incident or problem, by number, to the tickets a change fixes (fixLinkRefusals, then the ticket rules). */
export async function linkFixedTicket(
  db: DeskDatabase,
  changeId: string,
  number: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const change = await load(db, changeId);
  if (!change) return missing(changeId);
  const target = await loadTicketByNumber(db, number);
  if (Array.isArray(target)) return target;
  const refusals = fixLinkRefusals(change, target);
  if (refusals.length > 0) return refusals;
  return updateTicket(db, changeId, { fixesTicketIds: [...(change.fixesTicketIds ?? []), target.id] }, actor);
}

/** Takes a ticket off the list a change fixes. */
export async function unlinkFixedTicket(
  db: DeskDatabase,
  changeId: string,
  ticketId: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const change = await load(db, changeId);
  if (!change) return missing(changeId);
  return updateTicket(db, changeId, { fixesTicketIds: (change.fixesTicketIds ?? []).filter((id) => id !== ticketId) }, actor);
}
