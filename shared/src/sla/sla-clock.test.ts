import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_CLOCK_TOLERANCE_MS } from '../domain/client-time.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { zonedInstant } from './business-calendar.js';
import { computeSlaClocks, type SlaClock, type SlaClockKind } from './sla-clock.js';
import { matchSlaPolicy, SLA_POLICY_TEMPLATES, validateSlaPolicy, type SlaPolicy } from './sla-policy.js';
import { buildEvent } from '../testing/build-records.js';
import { buildCalendar, buildSlaPolicy } from '../testing/build-sla.js';

const H = 3_600_000;
const M = 60_000;
const at = (date: string, hhmm: string): number =>
  zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), 'America/Toronto');
const office = buildCalendar();
const always = buildCalendar(
  { weekHours: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]), holidaySource: undefined },
  'cal-always',
);

const status = (from: string, to: string, time: number, extra: Partial<TicketEvent> = {}): TicketEvent =>
  buildEvent('t-1', 'tech-1', { kind: 'status_change', body: '', fromValue: from, toValue: to, occurredAt: time, ...extra });

function clock(
  kind: SlaClockKind,
  args: {
    created: number;
    events: TicketEvent[];
    now: number;
    policy?: SlaPolicy;
    calendar?: typeof office;
    receivedAt?: Map<string, number>;
  },
): SlaClock {
  const policy = args.policy ?? buildSlaPolicy();
  const result = computeSlaClocks({
    ticket: { id: 't-1', createdAt: args.created, callerId: 'caller-1' },
    events: args.events,
    match: { policy, matchedOn: [] },
    calendar: args.calendar ?? office,
    now: args.now,
    receivedAt: args.receivedAt,
  });
  const found = result.clocks.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
}

describe('SLA clock', () => {
  it('counts only business hours and gives the due time (Thursday 15:00 + 8 h → Tuesday after Easter 15:00)', () => {
    const c = clock('resolution', { created: at('2026-04-02', '15:00'), events: [], now: at('2026-04-02', '15:30') });
    expect(c.elapsedMs).toBe(30 * M);
    expect(c.state).toBe('running');
    expect(c.dueAt).toBe(at('2026-04-07', '15:00'));
  });

  it('pending pauses over a weekend without double-counting the weekend, and the explanation shows the pause', () => {
    const created = at('2026-01-16', '09:00'); // Friday
    const pause = status('in_progress', 'pending', at('2026-01-16', '11:00'));
    const resume = status('pending', 'in_progress', at('2026-01-19', '10:00'));
    const c = clock('resolution', { created, events: [pause, resume], now: at('2026-01-19', '12:00') });
    // Friday 09–11 (2 h) + Monday 10–12 (2 h): the weekend and Monday 08–10 are paused, not counted.
    expect(c.elapsedMs).toBe(4 * H);
    const paused = c.segments.filter((s) => s.kind === 'paused');
    expect(paused).toEqual([
      { start: pause.occurredAt, end: resume.occurredAt, kind: 'paused', label: '', causeEventId: pause.id },
    ]);
    // The weekend inside the pause is one paused stretch, not also "outside hours".
    expect(c.segments.some((s) => s.kind === 'outside_hours')).toBe(false);
  });

  it('a pause spanning a holiday loses nothing and counts nothing', () => {
    const created = at('2026-06-30', '14:00');
    const pause = status('in_progress', 'pending', at('2026-06-30', '15:00'));
    const resume = status('pending', 'in_progress', at('2026-07-02', '09:00'));
    const c = clock('resolution', { created, events: [pause, resume], now: at('2026-07-02', '10:00') });
    expect(c.elapsedMs).toBe(2 * H);
  });

  it('a policy change mid-ticket recomputes from the start and keeps every pause', () => {
    const created = at('2026-01-12', '08:00');
    const events = [
      status('new', 'pending', at('2026-01-12', '09:00')),
      status('pending', 'in_progress', at('2026-01-12', '13:00')),
    ];
    const now = at('2026-01-12', '15:00');
    const bronze = clock('resolution', { created, events, now, policy: buildSlaPolicy({ resolutionMinutes: 40 * 60 }) });
    const gold = clock('resolution', { created, events, now, policy: buildSlaPolicy({ resolutionMinutes: 4 * 60 }) });
    expect(bronze.elapsedMs).toBe(3 * H);
    expect(gold.elapsedMs).toBe(3 * H);
    expect(gold.remainingMs).toBe(1 * H);
    expect(gold.segments.filter((s) => s.kind === 'paused')).toHaveLength(1);
  });

  it('offline work counts when it happened, not when it was synced', () => {
    const created = at('2026-01-12', '08:00');
    const resolved = status('in_progress', 'resolved', at('2026-01-12', '10:00'));
    const syncedAt = at('2026-01-13', '15:00');
    const c = clock('resolution', { created, events: [resolved], now: syncedAt, receivedAt: new Map([[resolved.id, syncedAt]]) });
    expect(c.stoppedAt).toBe(at('2026-01-12', '10:00'));
    expect(c.elapsedMs).toBe(2 * H);
    expect(c.state).toBe('met');
  });

  it('a device clock far in the future is clamped to when the server received the event, and the ticket says so', () => {
    const created = at('2026-01-12', '08:00');
    const received = at('2026-01-12', '12:00');
    const forged = status('in_progress', 'resolved', received + 30 * 24 * H);
    const policy = buildSlaPolicy();
    const result = computeSlaClocks({
      ticket: { id: 't-1', createdAt: created, callerId: 'caller-1' },
      events: [forged],
      match: { policy, matchedOn: [] },
      calendar: office,
      now: at('2026-01-20', '08:00'),
      receivedAt: new Map([[forged.id, received]]),
    });
    expect(result.clampedEventIds).toEqual([forged.id]);
    expect(result.clocks.find((c) => c.kind === 'resolution')?.stoppedAt).toBe(received);
  });

  it('an event dated before the ticket existed counts from the ticket’s creation', () => {
    const created = at('2026-01-12', '09:00');
    const early = status('new', 'pending', at('2026-01-10', '09:00'));
    const c = clock('resolution', { created, events: [early], now: at('2026-01-12', '12:00') });
    expect(c.elapsedMs).toBe(0);
    expect(c.state).toBe('paused');
  });

  it('reopen resumes or restarts as the policy says', () => {
    const created = at('2026-01-12', '08:00');
    const events = [
      status('in_progress', 'resolved', at('2026-01-12', '10:00')),
      status('resolved', 'in_progress', at('2026-01-12', '12:00')),
    ];
    const now = at('2026-01-12', '13:00');
    expect(clock('resolution', { created, events, now, policy: buildSlaPolicy({ onReopen: 'resume' }) }).elapsedMs).toBe(3 * H);
    expect(clock('resolution', { created, events, now, policy: buildSlaPolicy({ onReopen: 'restart' }) }).elapsedMs).toBe(1 * H);
  });

  it('first response stops at the first technician comment, not the caller’s', () => {
    const created = at('2026-01-12', '08:00');
    const callerNote = buildEvent('t-1', 'caller-1', { occurredAt: at('2026-01-12', '08:10') });
    const reply = buildEvent('t-1', 'tech-1', { occurredAt: at('2026-01-12', '08:40') });
    const c = clock('first_response', { created, events: [callerNote, reply], now: at('2026-01-12', '12:00') });
    expect(c.elapsedMs).toBe(40 * M);
    expect(c.state).toBe('met');
    expect(c.stoppedAt).toBe(reply.occurredAt);
  });

  it('first response stops at the desk’s public reply, never at a caller’s e-mail answer (even from outside the directory)', () => {
    const created = at('2026-01-12', '08:00');
    const inbound = buildEvent('t-1', 'system', { kind: 'reply', fromValue: 'inbound', occurredAt: at('2026-01-12', '08:10') });
    const reply = buildEvent('t-1', 'tech-1', { kind: 'reply', occurredAt: at('2026-01-12', '08:30') });
    const c = clock('first_response', { created, events: [inbound, reply], now: at('2026-01-12', '12:00') });
    expect(c.stoppedAt).toBe(reply.occurredAt);
  });

  it('breach and warning times are where the counted time crosses them, in business hours', () => {
    const created = at('2026-01-16', '12:00'); // Friday: 4 h Friday, then Monday.
    const c = clock('resolution', { created, events: [], now: at('2026-01-19', '14:00') });
    expect(c.state).toBe('breached');
    expect(c.breachedAt).toBe(at('2026-01-19', '12:00'));
    expect(c.warnings.find((w) => w.percent === 50)).toEqual({ percent: 50, at: at('2026-01-16', '16:00'), reached: true });
  });

  it('the update-interval clock restarts at each customer-visible update', () => {
    const created = at('2026-01-12', '08:00');
    const update = buildEvent('t-1', 'tech-1', { occurredAt: at('2026-01-12', '11:00') });
    const c = clock('update', {
      created,
      events: [update],
      now: at('2026-01-12', '12:30'),
      policy: buildSlaPolicy({ updateIntervalMinutes: 120 }),
    });
    expect(c.elapsedMs).toBe(90 * M);
    expect(c.dueAt).toBe(at('2026-01-12', '13:00'));
  });

  it('policies: first match in order, with the condition that chose it; templates are valid', () => {
    const facts = { type: 'incident' as const, priority: 3 as const, categoryId: 'c', groupId: 'g' };
    expect(matchSlaPolicy(SLA_POLICY_TEMPLATES, facts)?.policy.id).toBe('sla-silver');
    expect(matchSlaPolicy(SLA_POLICY_TEMPLATES, { ...facts, priority: 1 })).toMatchObject({
      policy: { id: 'sla-gold' },
      matchedOn: ['priorities'],
    });
    const vip = buildSlaPolicy({ id: 'vip', order: 0, condition: { vip: true } });
    expect(matchSlaPolicy([...SLA_POLICY_TEMPLATES, vip], { ...facts, callerVip: true })?.policy.id).toBe('vip');
    for (const p of SLA_POLICY_TEMPLATES) expect(validateSlaPolicy(p, ['cal-24x7', 'cal-goc'])).toEqual([]);
    expect(validateSlaPolicy(buildSlaPolicy({ resolutionMinutes: -5 }), ['cal-test']).map((v) => v.code)).toEqual([
      'sla.policy.negative_target',
    ]);
  });

  // ---- properties ----
  const base = Date.UTC(2026, 0, 1);
  const eventsArb = fc.array(
    fc.record({
      offset: fc.integer({ min: -2 * 24 * H, max: 90 * 24 * H }),
      to: fc.constantFrom('in_progress', 'pending', 'resolved', 'assigned'),
    }),
    { maxLength: 12 },
  );

  it('property: segments tile [created, now] without gaps, counted time never exceeds wall time, paused never counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 * 24 * H }),
        eventsArb,
        fc.integer({ min: 0, max: 120 * 24 * H }),
        (start, specs, span) => {
          const created = base + start;
          const now = created + span;
          const events = specs.map((s) => status('', s.to, created + s.offset));
          for (const kind of ['first_response', 'resolution'] as const) {
            const c = clock(kind, { created, events, now });
            let cursor = created;
            for (const seg of c.segments) {
              expect(seg.start).toBe(cursor);
              cursor = seg.end;
            }
            if (c.segments.length > 0) expect(cursor).toBe(now);
            const counted = c.segments.filter((s) => s.kind === 'counted').reduce((sum, s) => sum + s.end - s.start, 0);
            expect(counted).toBe(c.elapsedMs);
            expect(c.elapsedMs).toBeLessThanOrEqual(now - created);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('property: on a 24x7 calendar with no pauses the resolution clock is wall time until resolution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 * 24 * H }),
        fc.integer({ min: 1, max: 30 * 24 * H }),
        fc.integer({ min: 0, max: 30 * 24 * H }),
        (start, resolveAfter, extra) => {
          const created = base + start;
          const events = [status('in_progress', 'resolved', created + resolveAfter)];
          const c = clock('resolution', { created, events, now: created + resolveAfter + extra, calendar: always });
          expect(c.elapsedMs).toBe(resolveAfter);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: whatever a device clock says, event times stay within [created, received + tolerance]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e13 }), fc.integer({ min: 0, max: 10 * 24 * H }), (deviceTime, delay) => {
        const created = base;
        const received = created + delay;
        const ev = status('in_progress', 'resolved', deviceTime);
        const c = clock('resolution', {
          created,
          events: [ev],
          now: received + 24 * H,
          calendar: always,
          receivedAt: new Map([[ev.id, received]]),
        });
        expect(c.stoppedAt).toBeGreaterThanOrEqual(created);
        expect(c.stoppedAt).toBeLessThanOrEqual(received + CLIENT_CLOCK_TOLERANCE_MS);
      }),
      { numRuns: 200 },
    );
  });
});
