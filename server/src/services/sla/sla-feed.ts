import {
  computeSlaClocks,
  matchTicketSlaPolicy,
  scheduleSlaActions,
  thresholdsChangeTicket,
  type SlaClock,
  type SlaResult,
  type SlaThreshold,
  type Ticket,
  type TicketEvent,
  vipCallerIdsOf,
} from '@shared';
import type { Transaction } from '../../db/database.js';
import { activeSupervisors, groupLeads, usersByIds } from '../../db/queries/directory.js';
import { loadDocuments } from '../../db/queries/documents.js';
import {
  replaceUnfiredSlaDue,
  slaDueKey,
  unfiredSlaDueKeys,
  type SlaDueRow,
  type SlaReachedAction,
} from '../../db/queries/sla-due.js';
import { loadSlaSettings } from '../../db/queries/sla-settings.js';
import { eventsOfTickets, type ReceivedEvent } from '../../db/queries/ticket-events.js';
import type { SyncDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';
import { slaConfigOf, type SlaConfig } from './sla-config.js';
import { slaRecipients, type SlaPeople } from './sla-recipients.js';

/** While a ticket is in one of these states nothing may fire, whatever events are still on their way. */
export const QUIET_STATUSES: ReadonlySet<string> = new Set(['pending', 'resolved', 'closed']);

const CLOCK_LABELS: Record<string, string> = {
  first_response: 'first response',
  resolution: 'resolution',
  update: 'customer update',
};

/**
 * The key of a clock's actions in sla_due. The update clock starts again at every customer-visible update, so its
 * key names the cycle (`update@<start ms>`): each cycle warns once, and a fired warning of an earlier cycle is not
 * mistaken for this one's. The other clocks run once per ticket.
 */
export function slaClockKey(clock: SlaClock, ticketCreatedAt: number): string {
  if (clock.kind !== 'update') return clock.kind;
  return `update@${clock.segments[0]?.start ?? ticketCreatedAt}`;
}

/** What the scheduler must hold for one ticket: actions to store or move, and passed thresholds still to fire. */
export interface TicketSlaPlan {
  scheduled: SlaDueRow[];
  reached: SlaReachedAction[];
}

const NO_PLAN: TicketSlaPlan = { scheduled: [], reached: [] };

function subjectOf(ticket: Ticket, clockKind: string, percent: number): string {
  const what = percent >= 100 ? 'SLA breached' : `SLA warning (${percent} %)`;
  const subject = `${what}: ${ticket.number} ${CLOCK_LABELS[clockKind] ?? clockKind} — ${ticket.title}`;
  return subject.length > 200 ? `${subject.slice(0, 199)}…` : subject;
}

/**
 * One ticket's SLA actions from the shared clock function, at the server's `now`. Event times are the device's,
 * bounded by computeSlaClocks with `receivedAt` (never before the ticket, never after the server received the
 * event + tolerance). Unreached thresholds of running clocks are scheduled (held to business hours when the policy
 * says so, scheduleSlaActions); thresholds a clock has passed while not stopped are `reached` when their action is
 * stored and not fired yet (`unfired`, slaDueKey): it fires at the next pass.
 */
export function planTicketSla(
  ticket: Ticket,
  events: readonly ReceivedEvent[],
  config: SlaConfig,
  people: SlaPeople,
  now: number,
  unfired: ReadonlySet<string> = new Set(),
): TicketSlaPlan {
  if (QUIET_STATUSES.has(ticket.status)) return NO_PLAN;
  const match = matchTicketSlaPolicy(config.policies, ticket, people.vipCallerIds);
  const calendar = match && config.calendars.get(match.policy.calendarId);
  if (!match || !calendar) return NO_PLAN;
  const result: SlaResult = computeSlaClocks({
    ticket,
    events: events.map((e) => e.data as unknown as TicketEvent),
    match,
    calendar,
    now,
    receivedAt: new Map(events.map((e) => [String(e.data.id), e.receivedAt])),
  });
  const thresholdsAt = (percent: number): SlaThreshold[] => match.policy.thresholds.filter((t) => t.percent === percent);
  const keys = new Map(result.clocks.map((clock) => [clock.kind, slaClockKey(clock, ticket.createdAt)]));
  const scheduled: SlaDueRow[] = [];
  for (const action of scheduleSlaActions(result, match.policy, calendar)) {
    const thresholds = thresholdsAt(action.percent);
    const recipients = slaRecipients(
      thresholds.flatMap((t) => t.actions),
      ticket,
      people,
    );
    // Nobody to tell and nothing to change on the ticket: nothing to store until a later write finds someone.
    if (recipients.length === 0 && !thresholdsChangeTicket(thresholds)) continue;
    scheduled.push({
      ticketId: ticket.id,
      clock: keys.get(action.clock as SlaClock['kind']) ?? action.clock,
      percent: action.percent,
      dueAt: action.dueAt,
      recipient: recipients.join(', '),
      subject: subjectOf(ticket, action.clock, action.percent),
    });
  }
  // Passed thresholds of clocks still counting or paused, due when reached (held to business hours by the same rule).
  const passed: SlaResult = {
    ...result,
    clocks: result.clocks
      .filter((clock) => clock.stoppedAt === undefined)
      .map((clock) => ({
        ...clock,
        state: 'running',
        warnings: clock.warnings
          .filter(
            (w) =>
              w.reached &&
              unfired.has(slaDueKey({ ticketId: ticket.id, clock: keys.get(clock.kind) ?? clock.kind, percent: w.percent })),
          )
          .map((w) => ({ ...w, reached: false })),
      })),
  };
  const reached = scheduleSlaActions(passed, match.policy, calendar).map((action) => ({
    ticketId: ticket.id,
    clock: keys.get(action.clock as SlaClock['kind']) ?? action.clock,
    percent: action.percent,
    dueAt: action.dueAt,
  }));
  return { scheduled, reached };
}

/** The callers among these ids whose directory entry marks them VIP (the shared vipCallerIdsOf). */
export async function vipCallersOf(tx: Transaction, callerIds: readonly string[]): Promise<Set<string>> {
  const people = await usersByIds(tx, callerIds);
  return vipCallerIdsOf(people.map((p) => ({ id: String(p.id), kind: 'user' as const, vip: p.vip === true })));
}

/**
 * Brings the stored SLA actions of these tickets in line with their clocks, in the caller's transaction (the write
 * that changed them): matching policy from the stored settings, the ticket's events, computeSlaClocks, then
 * scheduleSlaActions; unfired actions are stored, moved or removed, fired ones never touched. Batched: a handful of
 * queries whatever the number of tickets. A ticket whose SLA cannot be computed (bad setting, unexpected data) is
 * logged and left without actions; it never fails the write.
 */
export async function feedSlaDue(tx: Transaction, ticketIds: readonly string[], now = Date.now()): Promise<void> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return;
  const config = slaConfigOf(await loadSlaSettings(tx));
  if (config.policies.length === 0) {
    await replaceUnfiredSlaDue(tx, ids, []);
    return;
  }
  const stored = await loadDocuments(tx, 'tickets', ids);
  const live = [...stored.values()]
    .filter((doc) => !doc.deleted)
    .map((doc) => doc.data as unknown as Ticket)
    .filter((t) => !QUIET_STATUSES.has(t.status));
  const vipCallerIds = await vipCallersOf(
    tx,
    live.map((t) => t.callerId),
  );
  const tickets = live.filter((t) => matchTicketSlaPolicy(config.policies, t, vipCallerIds) !== undefined);
  const plans: TicketSlaPlan[] = [];
  if (tickets.length > 0) {
    const events = new Map<string, ReceivedEvent[]>();
    for (const event of await eventsOfTickets(
      tx,
      tickets.map((t) => t.id),
    )) {
      const ticketId = String(event.data.ticketId);
      events.set(ticketId, [...(events.get(ticketId) ?? []), event]);
    }
    const unfired = await unfiredSlaDueKeys(
      tx,
      tickets.map((t) => t.id),
    );
    const people: SlaPeople = {
      users: new Map(
        (
          await usersByIds(
            tx,
            tickets.map((t) => t.assigneeId),
          )
        ).map((u) => [String(u.id), u]),
      ),
      supervisors: await activeSupervisors(tx),
      leads: await groupLeads(
        tx,
        tickets.map((t) => t.groupId),
      ),
      vipCallerIds,
    };
    for (const ticket of tickets) {
      try {
        plans.push(planTicketSla(ticket, events.get(ticket.id) ?? [], config, people, now, unfired));
      } catch (error) {
        console.error(`[sla] no SLA actions for ticket ${ticket.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  await replaceUnfiredSlaDue(
    tx,
    ids,
    plans.flatMap((p) => p.scheduled),
    plans.flatMap((p) => p.reached),
  );
}

/** The ticket fields an SLA plan reads (policy match, quiet states, recipients, subject); other edits leave it as is. */
const PLAN_FIELDS = [
  'type',
  'priority',
  'categoryId',
  'groupId',
  'affectedItem',
  'callerId',
  'status',
  'assigneeId',
  'number',
  'title',
];

const planInputsChanged = (doc: SyncDocument, before: SyncDocument | undefined): boolean =>
  before === undefined || before._deleted !== doc._deleted || PLAN_FIELDS.some((field) => before[field] !== doc[field]);

/**
 * Push effect: every ticket a push wrote (a ticket whose plan inputs changed, or an event of it) has its SLA actions
 * re-planned in the push's transaction, so the due table never disagrees with what was committed. A change of
 * policies or calendars applies to a ticket at its next such write.
 */
export const feedSlaFromPush: PushEffect = async ({ tx, collection, writes, previous }) => {
  if (collection === 'tickets')
    await feedSlaDue(
      tx,
      writes.filter((doc) => planInputsChanged(doc, previous.get(doc.id))).map((doc) => doc.id),
    );
  if (collection === 'ticket_events')
    await feedSlaDue(
      tx,
      writes.map((doc) => String(doc.ticketId)),
    );
};
