import {
  SYSTEM_AUTHOR_ID,
  applySlaThresholdActions,
  matchTicketSlaPolicy,
  slaActionBody,
  type SlaTicketChange,
  type Ticket,
  type TicketEvent,
} from '@shared';
import type { Database, Transaction } from '../../db/database.js';
import { activeGroupIds } from '../../db/queries/directory.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { lockSequence } from '../../db/queries/sequence.js';
import { anySlaActionDue, takeDueSlaActions, type SlaDueRow } from '../../db/queries/sla-due.js';
import { loadSlaSettings } from '../../db/queries/sla-settings.js';
import { queueMail } from '../mail/mail-queue.js';
import { validateDocument, type SyncDocument } from '../sync/document-validation.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { recordTicketScopeExits, resequenceTicketDocuments } from '../sync/ticket-scope-exits.js';
import { slaConfigOf } from './sla-config.js';
import { feedSlaDue, QUIET_STATUSES, vipCallersOf } from './sla-feed.js';

type FiredAction = SlaDueRow & { id: number };

/** The ticket's history entry of a fired action: its id derives from the action's, so it is written once. */
function slaActionEvent(action: FiredAction, to: string[], change: SlaTicketChange | null, now: number): SyncDocument {
  const event: TicketEvent = {
    id: `sla-action-${action.id}`,
    ticketId: action.ticketId,
    kind: 'sla_action',
    authorId: SYSTEM_AUTHOR_ID,
    occurredAt: now,
    body: slaActionBody({
      clock: action.clock,
      percent: action.percent,
      notified: to.length,
      ...(to.length > 0 ? { to } : {}),
      ...(change?.reassignedTo === undefined ? {} : { reassignedTo: change.reassignedTo }),
      ...(change?.raisedTo === undefined ? {} : { raisedTo: change.raisedTo }),
    }),
    minutes: 0,
    fromValue: '',
    toValue: '',
  };
  return { ...event, _deleted: false };
}

const asDocument = (value: Ticket | TicketEvent): SyncDocument => ({ ...value, _deleted: false });

/**
 * The ticket changes of the fired actions (`reassign`, `raise_priority`), applied in firing order to the ticket as
 * stored (two thresholds of one ticket in one batch see each other's change): the policy matching the ticket now,
 * its thresholds at the action's percentage, then the shared applySlaThresholdActions. Quiet or deleted tickets
 * are left alone. Returns each action's change (null when it changed nothing) and the tickets before and after.
 */
async function ticketChangesOf(
  tx: Transaction,
  due: readonly FiredAction[],
  now: number,
): Promise<{ changes: Map<number, SlaTicketChange | null>; before: Map<string, Ticket>; after: Map<string, Ticket> }> {
  const changes = new Map<number, SlaTicketChange | null>();
  const before = new Map<string, Ticket>();
  const after = new Map<string, Ticket>();
  const config = slaConfigOf(await loadSlaSettings(tx));
  const wantsTicket = config.policies.some((p) =>
    p.thresholds.some((t) => t.actions.includes('reassign') || t.actions.includes('raise_priority')),
  );
  if (!wantsTicket) return { changes, before, after };
  const stored = await loadDocuments(tx, 'tickets', [...new Set(due.map((a) => a.ticketId))]);
  const vipCallerIds = await vipCallersOf(
    tx,
    [...stored.values()].map((doc) => String(doc.data.callerId)),
  );
  const groups = await activeGroupIds(
    tx,
    config.policies.flatMap((p) => p.thresholds.flatMap((t) => (t.groupId ? [t.groupId] : []))),
  );
  for (const action of due) {
    const doc = stored.get(action.ticketId);
    if (!doc || doc.deleted) continue;
    const ticket = after.get(action.ticketId) ?? (doc.data as unknown as Ticket);
    if (QUIET_STATUSES.has(ticket.status)) continue;
    const match = matchTicketSlaPolicy(config.policies, ticket, vipCallerIds);
    if (!match) continue;
    const change = applySlaThresholdActions(
      ticket,
      match.policy.thresholds.filter((t) => t.percent === action.percent),
      {
        clock: action.clock,
        percent: action.percent,
        now,
        eventIdPrefix: `sla-action-${action.id}`,
        isActiveGroup: (id) => groups.has(id),
      },
    );
    if (change && validateDocument('tickets', asDocument(change.ticket), 0).length > 0) {
      // Only a stored ticket the schema no longer accepts could cause this: the notification still goes out.
      console.error(`[sla] ticket ${action.ticketId} left unchanged by SLA action ${action.id}: not a valid ticket`);
      continue;
    }
    changes.set(action.id, change);
    if (!change) continue;
    if (!before.has(action.ticketId)) before.set(action.ticketId, doc.data as unknown as Ticket);
    after.set(action.ticketId, change.ticket);
  }
  return { changes, before, after };
}

/**
 * One pass of the authoritative SLA scheduler: fires every action that is due, each in the transaction that
 * queues its e-mail through the outbox, carries out its ticket changes (reassign, raise priority) and records it in
 * the ticket's history (an `sla_action` event, plus the hand-over, assignment, status and priority entries), so an
 * action is fired exactly once across instances (and never without its notification or its change). The
 * transaction takes the sequence lock before claiming rows, as a push does before re-planning them, so a pass and a
 * push touching one ticket's actions never wait on each other in opposite orders. A changed ticket is written with
 * new sequence numbers (it replicates and the live streams hear of it), its history is re-sequenced and its scope
 * exit recorded when its group or assignee changed (as a push does), and its SLA actions re-planned.
 * Returns how many actions this instance fired.
 */
export async function runSlaSchedulerPass(db: Database, instance: string, batch = 100): Promise<number> {
  let fired = 0;
  for (;;) {
    // An idle pass (the usual case) takes no lock at all.
    if (!(await anySlaActionDue(db))) return fired;
    const count = await db.transaction(async (tx) => {
      await lockSequence(tx);
      const due = await takeDueSlaActions(tx, instance, batch);
      if (due.length === 0) return 0;
      const now = Date.now();
      const { changes, before, after } = await ticketChangesOf(tx, due, now);
      const events: SyncDocument[] = [];
      for (const action of due) {
        const recipients = action.recipient
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean);
        const change = changes.get(action.id) ?? null;
        events.push(slaActionEvent(action, recipients, change, now));
        for (const entry of change?.events ?? []) events.push(asDocument(entry));
        // One message per person: the outbox holds any message whose recipient is not exactly one address.
        for (const to of recipients)
          await queueMail(tx, {
            kind: 'sla-warning',
            to,
            subject: action.subject,
            // The update clock's key names its cycle (`update@<start>`); the reader needs only the clock.
            text: `${action.subject}\n\nTicket ${action.ticketId}: ${action.clock.split('@')[0]} clock reached ${action.percent} % of its target.`,
            ticketId: action.ticketId,
          });
      }
      const changed = [...after.values()];
      let highest = await writeServerDocuments(tx, 'tickets', changed.map(asDocument));
      highest = Math.max(highest, await writeServerDocuments(tx, 'ticket_events', events));
      // Who sees the ticket changed with its group or assignee: its history follows it, and those who lost it drop it.
      const moved = changed
        .filter((t) => {
          const was = before.get(t.id);
          return was !== undefined && (was.groupId !== t.groupId || was.assigneeId !== t.assigneeId);
        })
        .map((t) => t.id);
      if (moved.length > 0) {
        highest = Math.max(highest, await resequenceTicketDocuments(tx, moved));
        const masters = new Map([...before].map(([id, t]) => [id, asDocument(t)]));
        await recordTicketScopeExits(tx, moved, masters, highest);
      }
      // A raised priority or another group may choose another policy: the ticket's actions follow its new clocks.
      await feedSlaDue(
        tx,
        changed.map((t) => t.id),
        now,
      );
      return due.length;
    });
    fired += count;
    if (count < batch) return fired;
  }
}
