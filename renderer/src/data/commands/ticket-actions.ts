import type { DirectoryEntry, RuleViolation, TicketEvent } from '@shared';
import { handOverPatch, recategorisePatch, watcherEventValues } from '@shared';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';
import type { CommandActor, TicketPatch } from './tickets.js';
import { updateTicket } from './tickets.js';
import { loadTicketByNumber, loadTicket as load, ticketMissing as missing } from './lookup.js';

async function recordEvent(
  db: DeskDatabase,
  ticketId: string,
  actorId: string,
  fields: Pick<TicketEvent, 'kind' | 'body' | 'fromValue' | 'toValue'>,
) {
  await db.ticket_events.insert({ id: newId(), ticketId, authorId: actorId, occurredAt: Date.now(), minutes: 0, ...fields });
}

/** Takes the ticket: the actor becomes its assignee (a new ticket moves to Assigned: shared statusForAssignee). */
export async function assignToMe(db: DeskDatabase, id: string, actor: CommandActor): Promise<RuleViolation[]> {
  return updateTicket(db, id, { assigneeId: actor.id }, actor);
}

export interface FunctionalEscalation {
  groupId: string;
  tier: 2 | 3;
  reason: string;
}

/**
 * Functional escalation: hands the ticket to a tier 2 or 3 group, unassigned there and back to New in its queue
 * (shared handOverPatch), with a reason in the history.
 */
export async function escalateTicket(
  db: DeskDatabase,
  id: string,
  e: FunctionalEscalation,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  if (!e.reason.trim())
    return [{ code: 'escalation_reason_required', field: 'reason', message: 'Give a reason for the escalation.' }];
  if (!e.groupId) return [{ code: 'escalation_group_required', field: 'groupId', message: 'Choose the group to escalate to.' }];
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  // Escalating within the same group still takes the ticket from its assignee: the next tier picks it up.
  const handOver = handOverPatch({ ...ticket, groupId: '' }, e.groupId);
  const patch: TicketPatch = { ...handOver, escalationTier: e.tier };
  const violations = await updateTicket(db, id, patch, actor);
  if (violations.length > 0) return violations;
  await recordEvent(db, id, actor.id, {
    kind: 'escalation',
    body: e.reason.trim(),
    fromValue: ticket.groupId,
    toValue: e.groupId,
  });
  return [];
}

/** Hierarchical escalation: flags the ticket to a supervisor (or clears the flag). */
export async function flagToSupervisor(
  db: DeskDatabase,
  id: string,
  on: boolean,
  reason: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const violations = await updateTicket(db, id, { escalatedToSupervisor: on }, actor);
  if (violations.length > 0) return violations;
  await recordEvent(db, id, actor.id, {
    kind: 'escalation',
    body: reason.trim(),
    fromValue: on ? '' : 'supervisor',
    toValue: on ? 'supervisor' : '',
  });
  return [];
}

/** Why a major incident is declared, and whether it goes to priority 1 in the same write. */
export interface MajorDeclaration {
  reason: string;
  raisePriority: boolean;
}

/**
 * Declares (or stands down) a major incident with its manager. A declaration carries its reason into the history
 * (the escalation event's body) and can raise the ticket to priority 1 through impact and urgency 1, which every
 * role may edit (a priority override is locked for technicians).
 */
export async function setMajor(
  db: DeskDatabase,
  id: string,
  on: boolean,
  managerId: string,
  actor: CommandActor,
  declaration?: MajorDeclaration,
): Promise<RuleViolation[]> {
  if (on && !managerId)
    return [{ code: 'major_manager_required', field: 'majorManagerId', message: 'A major incident needs a manager.' }];
  const reason = declaration?.reason.trim() ?? '';
  if (on && declaration && !reason)
    return [{ code: 'escalation_reason_required', field: 'reason', message: 'Give the reason for declaring a major incident.' }];
  const critical = { impact: 1, urgency: 1, priority: 1 } as const;
  const patch: TicketPatch = {
    major: on,
    majorManagerId: on ? managerId : '',
    ...(on && declaration?.raisePriority ? critical : {}),
  };
  const violations = await updateTicket(db, id, patch, actor);
  if (violations.length > 0) return violations;
  await recordEvent(db, id, actor.id, {
    kind: 'escalation',
    body: on ? reason : '',
    fromValue: on ? '' : 'major',
    toValue: on ? 'major' : '',
  });
  return [];
}

/** Adds or removes a watcher. */
export async function setWatcher(
  db: DeskDatabase,
  id: string,
  userId: string,
  watching: boolean,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  const current = ticket.watcherIds ?? [];
  const next = watching ? [...new Set([...current, userId])] : current.filter((w) => w !== userId);
  const violations = await updateTicket(db, id, { watcherIds: next }, actor);
  if (violations.length > 0) return violations;
  await recordEvent(db, id, actor.id, {
    kind: 'communication',
    body: '',
    ...watcherEventValues(userId, watching),
  });
  return [];
}

/**
 * Links or unlinks a knowledge article (linkedArticleIds) with its article_link history entry: to the article when
 * linked, from it when unlinked. Nothing changes, nor is recorded, when the link already stands as asked.
 */
async function setArticleLink(
  db: DeskDatabase,
  id: string,
  articleId: string,
  linked: boolean,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  const current = ticket.linkedArticleIds ?? [];
  if (current.includes(articleId) === linked) return [];
  const linkedArticleIds = linked ? [...current, articleId] : current.filter((a) => a !== articleId);
  const violations = await updateTicket(db, id, { linkedArticleIds }, actor);
  if (violations.length > 0) return violations;
  const [fromValue, toValue] = linked ? ['', articleId] : [articleId, ''];
  await recordEvent(db, id, actor.id, { kind: 'article_link', body: '', fromValue, toValue });
  return [];
}

/** Links a knowledge article to the ticket. */
export function linkArticle(db: DeskDatabase, id: string, articleId: string, actor: CommandActor): Promise<RuleViolation[]> {
  return setArticleLink(db, id, articleId, true, actor);
}

/** Unlinks a knowledge article from the ticket (the history says which article left). */
export function unlinkArticle(db: DeskDatabase, id: string, articleId: string, actor: CommandActor): Promise<RuleViolation[]> {
  return setArticleLink(db, id, articleId, false, actor);
}

/** Links a knowledge article to the ticket a person typed the number of (from the article's page). */
export async function linkArticleToNumber(
  db: DeskDatabase,
  number: string,
  articleId: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const ticket = await loadTicketByNumber(db, number);
  return Array.isArray(ticket) ? ticket : linkArticle(db, ticket.id, articleId, actor);
}

/** "Resolved with this article": links it, records it as the resolution article and prefills the resolution. */
export async function resolveWithArticle(
  db: DeskDatabase,
  id: string,
  article: { id: string; number: string; title: string },
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const linked = await linkArticle(db, id, article.id, actor);
  if (linked.length > 0) return linked;
  const ticket = await load(db, id);
  const notes = ticket?.resolutionNotes.trim() ? ticket.resolutionNotes : `${article.number}: ${article.title}`;
  return updateTicket(
    db,
    id,
    { resolvedWithArticleId: article.id, resolutionCode: ticket?.resolutionCode || 'fixed', resolutionNotes: notes },
    actor,
  );
}

/**
 * Saves what a person changed on the ticket page, through updateTicket (rules, limits, edit counters). A new category
 * routes the ticket as creation does when the category names a group (shared recategorisePatch); a group, assignee or
 * status the person chose in the same edit wins over the routing.
 */
export async function saveTicketEdits(
  db: DeskDatabase,
  id: string,
  changes: TicketPatch,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  if (changes.categoryId === undefined || changes.categoryId === ticket.categoryId) {
    return updateTicket(db, id, changes, actor);
  }
  const docs = await db.directory.find({ selector: { kind: 'category' } }).exec();
  const categories = docs.map((d) => d.toJSON() as DirectoryEntry);
  return updateTicket(db, id, { ...recategorisePatch(ticket, changes.categoryId, categories), ...changes }, actor);
}

/** Re-categorises the ticket, routing it when the category says so (see saveTicketEdits). */
export async function recategoriseTicket(
  db: DeskDatabase,
  id: string,
  categoryId: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  return saveTicketEdits(db, id, { categoryId }, actor);
}
