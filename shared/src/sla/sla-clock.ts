import { boundClientTime } from '../domain/client-time.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import type { Ticket } from '../schemas/ticket.js';
import { addBusinessMs, CalendarSpanReader, type BusinessCalendar, type OffHoursReason } from './business-calendar.js';
import type { SlaMatch, SlaPolicy } from './sla-policy.js';

/** The clocks an SLA policy runs on a ticket. */
export type SlaClockKind = 'first_response' | 'resolution' | 'update';

/** Running: counting now. Paused: pending. Met: stopped within target. Breached: past target (running or stopped). */
export type SlaClockState = 'running' | 'paused' | 'met' | 'breached';

/** One stretch of a clock's timeline and why it counted or not. */
export interface SlaSegment {
  start: number;
  end: number;
  kind: 'counted' | 'paused' | 'not_started' | 'stopped' | OffHoursReason;
  /** Holiday or exception name, or the pending reason. */
  label?: string;
  /** The event that put the clock into this state (absent for the ticket's creation). */
  causeEventId?: string;
}

/** A warning threshold and when it was or will be reached. */
export interface SlaWarning {
  percent: number;
  at?: number;
  reached: boolean;
}

/** One clock's answer and its explanation. */
export interface SlaClock {
  kind: SlaClockKind;
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  state: SlaClockState;
  /** When the target is (predicted to be) reached while running; absent while paused or stopped in time. */
  dueAt?: number;
  /** When the clock crossed its target, if it did. */
  breachedAt?: number;
  stoppedAt?: number;
  warnings: SlaWarning[];
  segments: SlaSegment[];
}

/** Every clock of a ticket with the policy that chose them and the event times that had to be clamped. */
export interface SlaResult {
  policyId: string;
  policyName: string;
  matchedOn: string[];
  calendarId: string;
  clocks: SlaClock[];
  /** Events whose device time could not be believed and was bounded (the ticket says so). */
  clampedEventIds: string[];
}

/** The inputs of the one clock function used by the client, the server, reports and tests. */
export interface SlaClockInput {
  ticket: Pick<Ticket, 'id' | 'createdAt' | 'callerId'>;
  events: readonly TicketEvent[];
  match: SlaMatch;
  calendar: BusinessCalendar;
  /** The time the clocks are read at: the server's now, or the device's (offline prediction). */
  now: number;
  /** When the server received each event (ms), to bound device times; absent for events not yet synced. */
  receivedAt?: ReadonlyMap<string, number>;
}

type Phase = 'open' | 'pending' | 'done';
/** One point of the ticket's timeline: its creation (no event) or an event, with the phase from then on. */
interface Step {
  at: number;
  phase: Phase;
  eventId: string | undefined;
  reason: string | undefined;
  reopened: boolean;
  responded: boolean;
  updated: boolean;
}

const MINUTE = 60_000;

function phaseOf(status: string): Phase {
  if (status === 'pending') return 'pending';
  if (status === 'resolved' || status === 'closed') return 'done';
  return 'open';
}

/** A note or a public reply written by the desk; a caller's e-mail answer (inbound reply) is not the desk's word. */
const isDeskMessage = (e: TicketEvent): boolean => e.kind === 'comment' || (e.kind === 'reply' && e.fromValue !== 'inbound');

/** An event that counts as the desk's response to the caller: a comment, a public reply or a start of work by someone else. */
function isResponse(e: TicketEvent, callerId: string): boolean {
  if (e.authorId === callerId) return false;
  if (isDeskMessage(e)) return true;
  return e.kind === 'status_change' && (e.toValue === 'in_progress' || e.toValue === 'pending' || e.toValue === 'resolved');
}

/**
 * The ticket's events at their bounded device times, in time order. Ties keep the log's order (the server's
 * sequence), never a second look at device clocks. Logs almost always arrive in time order, so the sort (and its
 * index array) only happens when they do not.
 */
function orderedEvents(input: SlaClockInput, clamped: string[]): { events: TicketEvent[]; times: number[] } {
  const events: TicketEvent[] = [];
  const times: number[] = [];
  let inOrder = true;
  for (const e of input.events) {
    if (e.ticketId !== input.ticket.id) continue;
    const bounded = boundClientTime(e.occurredAt, {
      notBefore: input.ticket.createdAt,
      serverNow: input.receivedAt?.get(e.id) ?? input.now,
    });
    if (bounded.clamped) clamped.push(e.id);
    // `!(a <= b)` rather than `a > b`: a NaN time must take the sort, as the comparator would.
    if (times.length > 0 && !((times[times.length - 1] ?? 0) <= bounded.time)) inOrder = false;
    events.push(e);
    times.push(bounded.time);
  }
  if (inOrder) return { events, times };
  const order = events.map((_, index) => index).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  return { events: order.map((i) => events[i]), times: order.map((i) => times[i] ?? 0) };
}

/** The ticket's event log as time-ordered steps, each event at its bounded device time. */
function stepsOf(input: SlaClockInput): { steps: Step[]; clamped: string[] } {
  const clamped: string[] = [];
  const { events, times } = orderedEvents(input, clamped);
  const callerId = input.ticket.callerId;
  const steps: Step[] = [
    {
      at: input.ticket.createdAt,
      phase: 'open',
      eventId: undefined,
      reason: undefined,
      reopened: false,
      responded: false,
      updated: false,
    },
  ];
  let phase: Phase = 'open';
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    let reopened = false;
    let reason: string | undefined;
    if (e.kind === 'status_change' && TICKET_STATUS_SET.has(e.toValue)) {
      const next = phaseOf(e.toValue);
      reopened = phase === 'done' && next !== 'done';
      if (next === 'pending') reason = e.body;
      phase = next;
    }
    steps.push({
      at: times[k] ?? 0,
      phase,
      eventId: e.id,
      reason,
      reopened,
      responded: isResponse(e, callerId),
      updated: isDeskMessage(e) && e.authorId !== callerId,
    });
  }
  return { steps, clamped };
}
const TICKET_STATUS_SET = new Set<string>(['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed']);

type Run = 'running' | 'paused' | 'stopped';

/**
 * A clock's intervals without an object each: interval i runs from step i to the next step (at most `now`), as
 * `runs[i]` says. With `since`, only the intervals ending after it count, from it on (the update clock counts
 * only since the last update). This runs for every clock of every ticket, so it allocates only its answer.
 */
interface ClockIntervals {
  steps: readonly Step[];
  /** Each interval's end: the next step's time (or now), never before its own step, at most now. */
  ends: readonly number[];
  runs: readonly Run[];
  since?: number;
  /** Filled with where each interval's segments begin in the clock's list (and, last, the list's length). */
  firstSegment?: number[];
  /**
   * A clock already walked over the same runs (the resolution clock, for the update clock): an interval the two
   * share whole has the same segments, so they are taken from it, not walked and built again. Results are read,
   * never changed, so the two clocks may hold the same segment objects.
   */
  walked?: { segments: readonly SlaSegment[]; firstSegment: readonly number[] };
}

/**
 * A clock's counted time so far, and where it crossed each threshold mark (by index) and its target. A class, not a
 * closure per clock: this runs for every clock of every ticket.
 */
class ClockTally {
  elapsed = 0;
  breachedAt: number | undefined = undefined;
  readonly thresholdAt: (number | undefined)[];
  constructor(
    private readonly targetMs: number,
    /** Each mark in counted ms. */
    private readonly markMs: readonly number[],
  ) {
    this.thresholdAt = markMs.map(() => undefined);
  }

  /** Counts the working stretch [from, to). */
  count(from: number, to: number): void {
    const before = this.elapsed;
    const elapsed = (this.elapsed = before + (to - from));
    const { markMs, thresholdAt, targetMs } = this;
    for (let m = 0; m < markMs.length; m++) {
      const at = markMs[m] ?? 0;
      if (thresholdAt[m] === undefined && before < at && elapsed >= at) thresholdAt[m] = from + (at - before);
    }
    if (this.breachedAt === undefined && before < targetMs && elapsed > targetMs) this.breachedAt = from + (targetMs - before);
  }
}

/** Walks a clock's run/pause/stop intervals through the calendar, accumulating counted time and the explanation. */
function runClock(
  kind: SlaClockKind,
  intervals: ClockIntervals,
  targetMs: number,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: number,
  stoppedAt: number | undefined,
  spans: CalendarSpanReader,
): SlaClock {
  const segments: SlaSegment[] = [];
  const marks = policy.thresholds.map((t) => t.percent);
  const tally = new ClockTally(
    targetMs,
    marks.map((pct) => (targetMs * pct) / 100),
  );
  const { steps, ends, runs, since, firstSegment, walked } = intervals;
  // The run of the last interval the clock has: it says whether the clock is running or paused now.
  let last: Run | undefined;
  for (let i = 0; i < steps.length; i++) {
    if (firstSegment) firstSegment[i] = segments.length;
    const step = steps[i];
    const end = ends[i] ?? now;
    if (since !== undefined && !(end > since)) continue;
    const start = since === undefined ? step.at : Math.max(step.at, since);
    const run = runs[i];
    last = run;
    if (end <= start) continue;
    const causeEventId = step.eventId;
    if (walked && start === step.at) {
      // The walked clock had this very interval [step.at, end) with the same run, label and cause.
      const until = walked.firstSegment[i + 1] ?? 0;
      for (let j = walked.firstSegment[i] ?? until; j < until; j++) {
        const segment = walked.segments[j];
        if (segment.kind === 'counted') tally.count(segment.start, segment.end);
        segments.push(segment);
      }
      continue;
    }
    if (run !== 'running') {
      segments.push({ start, end, kind: run === 'paused' ? 'paused' : 'stopped', label: step.reason, causeEventId });
      continue;
    }
    spans.read(calendar, start, end);
    while (spans.next()) {
      const { start: from, end: to } = spans;
      if (!spans.working) {
        segments.push({ start: from, end: to, kind: spans.reason ?? 'outside_hours', label: spans.label, causeEventId });
        continue;
      }
      tally.count(from, to);
      segments.push({ start: from, end: to, kind: 'counted', causeEventId });
    }
  }
  if (firstSegment) firstSegment[steps.length] = segments.length;
  const { elapsed, breachedAt, thresholdAt } = tally;
  const running = last === 'running';
  const paused = last === 'paused';
  const remainingMs = targetMs - elapsed;
  let dueAt: number | undefined;
  if (running && remainingMs > 0) dueAt = addBusinessMs(calendar, now, remainingMs);
  const warnings: SlaWarning[] = marks.map((pct, m) => {
    const reachedAt = thresholdAt[m];
    if (reachedAt !== undefined) return { percent: pct, at: reachedAt, reached: true };
    const at = running ? addBusinessMs(calendar, now, (targetMs * pct) / 100 - elapsed) : undefined;
    return { percent: pct, at, reached: false };
  });
  const breached = elapsed > targetMs;
  const state: SlaClockState = breached ? 'breached' : running ? 'running' : paused ? 'paused' : 'met';
  return { kind, targetMs, elapsedMs: elapsed, remainingMs, state, dueAt, breachedAt, stoppedAt, warnings, segments };
}

/**
 * Every clock of a ticket from its append-only event log, the policy that matches it now and its calendar. A
 * policy change recomputes from the ticket's start: pauses come from the log, so none is lost.
 */
export function computeSlaClocks(input: SlaClockInput): SlaResult {
  const { policy } = input.match;
  const { steps, clamped } = stepsOf(input);
  // One reader serves every interval of every clock of the ticket.
  const spans = new CalendarSpanReader();
  const now = Math.max(input.now, input.ticket.createdAt);
  const n = steps.length;
  const ends: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const at = steps[i].at;
    ends[i] = Math.min(Math.max(steps[i + 1]?.at ?? now, at), now);
  }

  // Resolution: runs while open, pauses while pending, stops when resolved; a reopen resumes or restarts.
  // A restart counts only from the last reopen: every interval before it is history (stopped).
  const resolutionRuns: Run[] = new Array<Run>(n);
  let restartedAt = 0;
  for (let i = 0; i < n; i++) {
    const s = steps[i];
    if (s.reopened && policy.onReopen === 'restart') restartedAt = i;
    resolutionRuns[i] = s.phase === 'open' ? 'running' : s.phase === 'pending' ? 'paused' : 'stopped';
  }
  resolutionRuns.fill('stopped', 0, restartedAt);
  const resolution: ClockIntervals = { steps, ends, runs: resolutionRuns, firstSegment: new Array<number>(n + 1) };
  const resolvedStep = steps.findLast((s) => s.eventId !== undefined && s.phase === 'done');
  const finalPhase = steps[n - 1]?.phase;
  const resolutionClock = runClock(
    'resolution',
    resolution,
    policy.resolutionMinutes * MINUTE,
    policy,
    input.calendar,
    now,
    finalPhase === 'done' ? resolvedStep?.at : undefined,
    spans,
  );

  // First response: runs from creation (paused while pending) until the first response or resolution.
  const firstResponseRuns: Run[] = new Array<Run>(n);
  let responded: number | undefined;
  for (let i = 0; i < n; i++) {
    const s = steps[i];
    if (responded === undefined && (s.responded || s.phase === 'done') && s.eventId !== undefined) responded = s.at;
    firstResponseRuns[i] = responded !== undefined ? 'stopped' : s.phase === 'pending' ? 'paused' : 'running';
  }
  const firstResponse: ClockIntervals = { steps, ends, runs: firstResponseRuns };
  const clocks = [
    runClock(
      'first_response',
      firstResponse,
      policy.firstResponseMinutes * MINUTE,
      policy,
      input.calendar,
      now,
      responded,
      spans,
    ),
    resolutionClock,
  ];

  // Update interval: since the last customer-visible update (or creation) while the ticket is open.
  if (policy.updateIntervalMinutes !== undefined && finalPhase !== 'done') {
    const lastUpdate = steps.findLast((s) => s.updated)?.at ?? input.ticket.createdAt;
    const since: ClockIntervals = {
      steps,
      ends,
      runs: resolutionRuns,
      since: lastUpdate,
      walked: { segments: resolutionClock.segments, firstSegment: resolution.firstSegment ?? [] },
    };
    clocks.push(runClock('update', since, policy.updateIntervalMinutes * MINUTE, policy, input.calendar, now, undefined, spans));
  }
  return {
    policyId: policy.id,
    policyName: policy.name,
    matchedOn: input.match.matchedOn,
    calendarId: input.calendar.id,
    clocks,
    clampedEventIds: clamped,
  };
}
