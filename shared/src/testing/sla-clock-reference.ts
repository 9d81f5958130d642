import { boundClientTime } from '../domain/client-time.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { addBusinessMs, calendarSpans, type BusinessCalendar } from '../sla/business-calendar.js';
import type {
  SlaClock,
  SlaClockInput,
  SlaClockKind,
  SlaClockState,
  SlaResult,
  SlaSegment,
  SlaWarning,
} from '../sla/sla-clock.js';
import type { SlaPolicy } from '../sla/sla-policy.js';

/**
 * The straightforward clock computation that sla/sla-clock.ts replaced with one that allocates little more than its
 * answer (no object per interval, calendar spans read in place, the update clock reusing the resolution clock's
 * segments). Kept only so that property tests can check the fast one against it; nothing outside tests imports it.
 */

type Phase = 'open' | 'pending' | 'done';
interface Step {
  at: number;
  phase: Phase;
  eventId?: string;
  reason?: string;
  reopened?: boolean;
  responded?: boolean;
  updated?: boolean;
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

/** The ticket's event log as time-ordered steps, each event at its bounded device time. */
function stepsOf(input: SlaClockInput): { steps: Step[]; clamped: string[] } {
  const clamped: string[] = [];
  const timed = input.events
    .filter((e) => e.ticketId === input.ticket.id)
    .map((e, index) => {
      const bounded = boundClientTime(e.occurredAt, {
        notBefore: input.ticket.createdAt,
        serverNow: input.receivedAt?.get(e.id) ?? input.now,
      });
      if (bounded.clamped) clamped.push(e.id);
      return { e, at: bounded.time, index };
    })
    // Ties keep the log's order (the server's sequence), never a second look at device clocks.
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const steps: Step[] = [{ at: input.ticket.createdAt, phase: 'open' }];
  let phase: Phase = 'open';
  for (const { e, at } of timed) {
    const step: Step = { at, phase, eventId: e.id };
    if (e.kind === 'status_change' && TICKET_STATUS_SET.has(e.toValue)) {
      const next = phaseOf(e.toValue);
      step.reopened = phase === 'done' && next !== 'done';
      step.phase = next;
      if (next === 'pending') step.reason = e.body;
      phase = next;
    }
    step.responded = isResponse(e, input.ticket.callerId);
    step.updated = isDeskMessage(e) && e.authorId !== input.ticket.callerId;
    steps.push(step);
  }
  return { steps, clamped };
}
const TICKET_STATUS_SET = new Set<string>(['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed']);

type Run = 'running' | 'paused' | 'stopped';

/** Walks a clock's run/pause/stop intervals through the calendar, accumulating counted time and the explanation. */
function runClock(
  kind: SlaClockKind,
  intervals: { start: number; end: number; run: Run; label?: string; causeEventId?: string }[],
  targetMs: number,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: number,
  stoppedAt: number | undefined,
): SlaClock {
  const segments: SlaSegment[] = [];
  let elapsed = 0;
  let breachedAt: number | undefined;
  const marks = policy.thresholds.map((t) => t.percent);
  // When each mark (by index) was reached; a plain array, as this runs for every clock of every ticket.
  const thresholdAt: (number | undefined)[] = marks.map(() => undefined);
  for (const iv of intervals) {
    if (iv.end <= iv.start) continue;
    if (iv.run !== 'running') {
      segments.push({
        start: iv.start,
        end: iv.end,
        kind: iv.run === 'paused' ? 'paused' : 'stopped',
        label: iv.label,
        causeEventId: iv.causeEventId,
      });
      continue;
    }
    for (const { start, end, working, reason, label } of calendarSpans(calendar, iv.start, iv.end)) {
      if (!working) {
        segments.push({ start, end, kind: reason ?? 'outside_hours', label, causeEventId: iv.causeEventId });
        continue;
      }
      const before = elapsed;
      elapsed += end - start;
      for (let m = 0; m < marks.length; m++) {
        const at = (targetMs * (marks[m] ?? 0)) / 100;
        if (thresholdAt[m] === undefined && before < at && elapsed >= at) thresholdAt[m] = start + (at - before);
      }
      if (breachedAt === undefined && before < targetMs && elapsed > targetMs) breachedAt = start + (targetMs - before);
      segments.push({ start, end, kind: 'counted', causeEventId: iv.causeEventId });
    }
  }
  const last = intervals[intervals.length - 1];
  const running = last?.run === 'running';
  const paused = last?.run === 'paused';
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

/** computeSlaClocks as it was before its fast path: one object per interval, the calendar's spans as a list. */
export function referenceComputeSlaClocks(input: SlaClockInput): SlaResult {
  const { policy } = input.match;
  const { steps, clamped } = stepsOf(input);
  const now = Math.max(input.now, input.ticket.createdAt);
  const end = (i: number): number => Math.max(steps[i + 1]?.at ?? now, steps[i]?.at ?? now);

  // Resolution: runs while open, pauses while pending, stops when resolved; a reopen resumes or restarts.
  let resolution: { start: number; end: number; run: Run; label?: string; causeEventId?: string }[] = [];
  steps.forEach((s, i) => {
    if (s.reopened && policy.onReopen === 'restart') resolution = resolution.map((iv) => ({ ...iv, run: 'stopped' }));
    const run: Run = s.phase === 'open' ? 'running' : s.phase === 'pending' ? 'paused' : 'stopped';
    resolution.push({ start: s.at, end: Math.min(end(i), now), run, label: s.reason, causeEventId: s.eventId });
  });
  // A restart counts only from the last reopen: earlier running intervals were turned into history above.
  const resolvedStep = steps.findLast((s) => s.eventId !== undefined && s.phase === 'done');
  const finalPhase = steps[steps.length - 1]?.phase;
  const resolutionClock = runClock(
    'resolution',
    resolution,
    policy.resolutionMinutes * MINUTE,
    policy,
    input.calendar,
    now,
    finalPhase === 'done' ? resolvedStep?.at : undefined,
  );

  // First response: runs from creation (paused while pending) until the first response or resolution.
  const firstResponse: typeof resolution = [];
  let responded: number | undefined;
  for (const [i, s] of steps.entries()) {
    if (responded === undefined && (s.responded || s.phase === 'done') && s.eventId !== undefined) responded = s.at;
    const run: Run = responded !== undefined ? 'stopped' : s.phase === 'pending' ? 'paused' : 'running';
    firstResponse.push({ start: s.at, end: Math.min(end(i), now), run, label: s.reason, causeEventId: s.eventId });
  }
  const clocks = [
    runClock('first_response', firstResponse, policy.firstResponseMinutes * MINUTE, policy, input.calendar, now, responded),
    resolutionClock,
  ];

  // Update interval: since the last customer-visible update (or creation) while the ticket is open.
  if (policy.updateIntervalMinutes !== undefined && finalPhase !== 'done') {
    const lastUpdate = steps.findLast((s) => s.updated)?.at ?? input.ticket.createdAt;
    const since = resolution.filter((iv) => iv.end > lastUpdate).map((iv) => ({ ...iv, start: Math.max(iv.start, lastUpdate) }));
    clocks.push(runClock('update', since, policy.updateIntervalMinutes * MINUTE, policy, input.calendar, now, undefined));
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
