import { STAKEHOLDER_UPDATE, checkChildLink, checkReview, serializeReview, EVENT_BODY_MAX } from '@shared';
import type { PostIncidentReview, ResolutionCode, RuleViolation, Ticket } from '@shared';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';
import type { BulkRefusal } from './bulk.js';
import { bulkUpdateTickets } from './bulk.js';
import type { CommandActor } from './tickets.js';
import { updateTicket } from './tickets.js';
import { loadTicket as load } from './lookup.js';

const missing = (what: string): RuleViolation[] => [
  { code: 'not_found', field: 'id', message: `${what} is not on this device.` },
];

/** Names the major-incident manager. */
export function setMajorManager(db: DeskDatabase, id: string, managerId: string, actor: CommandActor) {
  if (!managerId)
    return Promise.resolve<RuleViolation[]>([
      { code: 'major_manager_required', field: 'majorManagerId', message: 'Choose a manager.' },
    ]);
  return updateTicket(db, id, { majorManagerId: managerId }, actor);
}

/** Posts an update to the stakeholders (watchers and caller): a timestamped 'communication' event. */
export async function postStakeholderUpdate(
  db: DeskDatabase,
  ticketId: string,
  body: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const text = body.trim();
  if (!text) return [{ code: 'body_required', field: 'body', message: 'Write the update first.' }];
  if (text.length > EVENT_BODY_MAX) {
    return [
      { code: 'too_long', field: 'body', message: `At most ${EVENT_BODY_MAX} characters.`, params: { max: EVENT_BODY_MAX } },
    ];
  }
  await db.ticket_events.insert({
    id: newId(),
    ticketId,
    kind: 'communication',
    authorId: actor.id,
    occurredAt: Date.now(),
    body: text,
    minutes: 0,
    fromValue: '',
    toValue: STAKEHOLDER_UPDATE,
  });
  return [];
}

/** Links the incident with this number as a child of the major incident. */
export async function linkChildByNumber(
  db: DeskDatabase,
  parentId: string,
  number: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const parent = await load(db, parentId);
  if (!parent) return missing(`Ticket ${parentId}`);
  const doc = await db.tickets.findOne({ selector: { number: number.trim().toUpperCase() } }).exec();
  if (!doc) return [{ code: 'not_found', field: 'number', message: `No ticket ${number.trim()} on this device.` }];
  const child = doc.toJSON() as Ticket;
  const refused = checkChildLink(parent, child);
  if (refused.length > 0) return refused;
  return updateTicket(db, child.id, { parentId: parent.id }, actor);
}

/** Detaches a child incident from its major incident. */
export function unlinkChild(db: DeskDatabase, childId: string, actor: CommandActor) {
  return updateTicket(db, childId, { parentId: '' }, actor);
}

export interface Resolution {
  resolutionCode: ResolutionCode;
  resolutionNotes: string;
}

/**
 * Resolves the major incident and, in the same action, the chosen open children with the same resolution. Each
 * child goes through the ordinary ticket rules and gets its own status change in its history.
 */
export async function resolveWithChildren(
  db: DeskDatabase,
  parentId: string,
  resolution: Resolution,
  childIds: readonly string[],
  actor: CommandActor,
): Promise<{ violations: RuleViolation[]; updated: number; refused: BulkRefusal[] }> {
  const parent = await load(db, parentId);
  if (!parent) return { violations: missing(`Ticket ${parentId}`), updated: 0, refused: [] };
  if (parent.status !== 'resolved') {
    const violations = await updateTicket(db, parentId, { status: 'resolved', ...resolution }, actor);
    if (violations.length > 0) return { violations, updated: 0, refused: [] };
  }
  const { updated, refused } = await bulkUpdateTickets(db, childIds, { status: 'resolved', ...resolution }, actor);
  return { violations: [], updated, refused };
}

/** Records the post-incident review (every field required) as a 'review' event. */
export async function recordReview(
  db: DeskDatabase,
  ticketId: string,
  review: PostIncidentReview,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const violations = checkReview(review);
  if (violations.length > 0) return violations;
  await db.ticket_events.insert({
    id: newId(),
    ticketId,
    kind: 'review',
    authorId: actor.id,
    occurredAt: Date.now(),
    body: serializeReview(review),
    minutes: 0,
    fromValue: '',
    toValue: '',
  });
  return [];
}
