import { describe, expect, it } from 'vitest';
import { AS_OF, D, EVENTS, H, TICKETS, at } from './__fixtures__/hand-built.js';
import { backlogAt, backlogSeries } from './backlog.js';
import { indexEventsByTicket } from './event-index.js';
import { buildFactsTable } from './facts-table.js';
import { incidentMetricsBy, incidentMetricsByPeriod } from './incident-breakdowns.js';
import { summarizeIncidents } from './incident-metrics.js';
import { TICKET_DIMENSIONS } from './ticket-dimensions.js';
import { ticketFacts } from './ticket-facts.js';

const index = indexEventsByTicket(TICKETS, EVENTS);
const table = buildFactsTable(index);
const facts = (id: string) =>
  ticketFacts(
    TICKETS.find((t) => t.id === id)!,
    EVENTS.filter((e) => e.ticketId === id),
  );
const noAges = { '<1d': 0, '1-3d': 0, '3-7d': 0, '7-30d': 0, '>30d': 0 };

describe('per-ticket facts (hand-checked)', () => {
  it('t1: acknowledged after 1 h, resolved after 5 h, first contact', () => {
    expect(facts('t1')).toMatchObject({
      ackMs: H,
      resolveMs: 5 * H,
      firstContact: true,
      reopened: false,
      doneToggles: [at(1, 2, 13)],
    });
  });
  it('t2: resolved after 24 h (the FIRST resolution), reopened, resolved again: two done periods', () => {
    // Done from Jan 4 10:00, open again Jan 5 10:00, done again Jan 6 10:00.
    expect(facts('t2')).toMatchObject({
      resolveMs: 24 * H,
      reopened: true,
      doneToggles: [at(1, 4, 10), at(1, 5, 10), at(1, 6, 10)],
    });
  });
  it('t3: escalated, so not first contact; events given out of order are sorted', () => {
    expect(facts('t3')).toMatchObject({ ackMs: 0.5 * H, resolveMs: 10 * H, escalated: true, firstContact: false });
  });
  it('t4: reassigned u1 -> u3: one reassignment, a transfer, not first contact', () => {
    expect(facts('t4')).toMatchObject({
      ackMs: H,
      resolveMs: 48 * H,
      assignments: 2,
      reassignments: 1,
      transferred: true,
      firstContact: false,
    });
  });
  it('t6: no events: never acknowledged or resolved', () => {
    expect(facts('t6')).toMatchObject({ ackMs: null, resolveMs: null, resolved: false, doneToggles: [] });
  });
  it('t7: acknowledged by new -> in_progress without any assignment; resolved after 9 days', () => {
    expect(facts('t7')).toMatchObject({ ackMs: 2 * H, resolveMs: 9 * D, firstContact: true, assignments: 0 });
  });
  it('t10: closed without status history: done from updatedAt (Jan 8), but not counted as resolved', () => {
    expect(facts('t10')).toMatchObject({ resolved: false, resolveMs: null, doneToggles: [at(1, 8)] });
  });
});

describe('incident metrics over the fixture', () => {
  it('overall figures at asOf Feb 15', () => {
    const m = summarizeIncidents(table, AS_OF);
    expect(m.volume).toBe(10);
    // Acknowledged: t1 1h, t2 2h, t3 0.5h, t4 1h, t5 4h, t7 2h, t8 1h, t9 2h -> sorted 0.5,1,1,1,2,2,2,4 (8 values).
    // mean 13.5/8 h; median = ceil(0.5*8) = 4th = 1 h; p90 = ceil(0.9*8) = 8th = 4 h.
    expect(m.acknowledge).toEqual({ count: 8, meanMs: (13.5 * H) / 8, medianMs: H, p90Ms: 4 * H });
    // Resolved (first time): t1 5h, t2 24h, t3 10h, t4 48h, t7 216h, t9 6h -> sorted 5,6,10,24,48,216.
    // mean 309/6 = 51.5 h; median = 3rd = 10 h; p90 = ceil(5.4) = 6th = 216 h.
    expect(m.resolve).toEqual({ count: 6, meanMs: 51.5 * H, medianMs: 10 * H, p90Ms: 216 * H });
    // Resolved at least once: t1 t2 t3 t4 t7 t9 = 6 (t10 has no resolving event).
    // FCR: t1 t2 t7 t9 (t3 escalated, t4 transferred) = 4/6. Reopened: t2 t9 = 2/6. Escalated: t3 = 1/10.
    expect(m).toMatchObject({ resolved: 6, firstContact: 4, fcrRate: 4 / 6, reopened: 2, reopenRate: 2 / 6 });
    expect(m).toMatchObject({ escalated: 1, escalationRate: 0.1, reassignments: 1, reassignmentsPerTicket: 0.1 });
  });

  it('backlog at asOf: t5, t6, t8 and the reopened t9 (t7 was resolved on Feb 3, t10 closed on Jan 8)', () => {
    // Ages: t5 25d16h, t6 15d6h, t8 12d14h -> 7-30d; t9 33d16h -> >30d. Mean (616 + 366 + 302 + 808) / 4 = 523 h.
    expect(backlogAt(table, AS_OF)).toEqual({
      at: AS_OF,
      count: 4,
      meanAgeMs: 523 * H,
      ages: { ...noAges, '7-30d': 3, '>30d': 1 },
    });
  });

  it('backlog at the end of January counts t7, resolved only later, and the reopened t9', () => {
    // Open on Feb 1 00:00: t5 (11d16h), t6 (30h), t7 (6d15h), t9 (19d16h); t8 is not created yet.
    expect(backlogAt(table, at(2, 1))).toEqual({
      at: at(2, 1),
      count: 4,
      meanAgeMs: ((280 + 30 + 159 + 472) / 4) * H,
      ages: { ...noAges, '1-3d': 1, '3-7d': 1, '7-30d': 2 },
    });
  });

  it('by month: cohorts by creation, backlog at each month end (the last one at asOf)', () => {
    const rows = incidentMetricsByPeriod(table, { unit: 'month', offsetMinutes: 0, from: at(0, 1), to: AS_OF });
    expect(rows.map((r) => r.key)).toEqual(['2025-12', '2026-01', '2026-02']);
    const [dec, jan, feb] = rows.map((r) => r.metrics);
    // December: t10 only, open on Jan 1 (closed Jan 8), aged 16d15h. Nothing resolved: rates null, not 0.
    expect(dec).toMatchObject({ volume: 1, resolved: 0, fcrRate: null, reopenRate: null, escalationRate: 0 });
    expect(dec.acknowledge).toEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
    expect(dec.backlog).toMatchObject({ at: at(1, 1), count: 1, meanAgeMs: (16 * 24 + 15) * H });
    // January: t1-t7 and t9 (8). Ack 0.5,1,1,2,2,2,4 -> median 4th = 2 h, p90 7th = 4 h.
    expect(jan).toMatchObject({ volume: 8, resolved: 6, fcrRate: 4 / 6, reopenRate: 2 / 6, escalationRate: 1 / 8 });
    expect(jan.acknowledge).toEqual({ count: 7, meanMs: (12.5 * H) / 7, medianMs: 2 * H, p90Ms: 4 * H });
    expect(jan.backlog.count).toBe(4);
    // February: t8 only; the backlog is taken at asOf (Feb 15), not at Mar 1.
    expect(feb).toMatchObject({ volume: 1, resolved: 0, fcrRate: null, escalationRate: 0 });
    expect(feb.backlog).toMatchObject({ at: AS_OF, count: 4 });
    expect(backlogSeries(table, { unit: 'month', offsetMinutes: 0, from: at(0, 1), to: AS_OF }).map((b) => b.count)).toEqual([
      1, 4, 4,
    ]);
  });

  it('by group: g1 = t1 t2 t5 t6 t9, g2 = t3 t4 t7 t8, g3 = t10', () => {
    const rows = incidentMetricsBy(table, TICKET_DIMENSIONS.group, AS_OF);
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ['g1', 5],
      ['g2', 4],
      ['g3', 1],
    ]);
    const [g1, g2, g3] = rows.map((r) => r.metrics);
    // g1 ack 1,2,2,4 -> mean 2.25, median 2nd = 2, p90 4th = 4; resolve 5,6,24 -> median 2nd = 6, p90 3rd = 24.
    expect(g1.acknowledge).toEqual({ count: 4, meanMs: 2.25 * H, medianMs: 2 * H, p90Ms: 4 * H });
    expect(g1.resolve).toEqual({ count: 3, meanMs: (35 * H) / 3, medianMs: 6 * H, p90Ms: 24 * H });
    expect(g1).toMatchObject({ resolved: 3, fcrRate: 1, reopenRate: 2 / 3, escalationRate: 0, reassignmentsPerTicket: 0 });
    expect(g1.backlog.count).toBe(3);
    // g2 ack 0.5,1,1,2 -> median 2nd = 1, p90 4th = 2; resolve 10,48,216 -> median 48, p90 216.
    expect(g2.acknowledge).toEqual({ count: 4, meanMs: 1.125 * H, medianMs: H, p90Ms: 2 * H });
    expect(g2.resolve).toEqual({ count: 3, meanMs: (274 * H) / 3, medianMs: 48 * H, p90Ms: 216 * H });
    expect(g2).toMatchObject({ resolved: 3, fcrRate: 1 / 3, reopenRate: 0, escalationRate: 0.25, reassignmentsPerTicket: 0.25 });
    expect(g2.backlog.count).toBe(1);
    expect(g3).toMatchObject({ volume: 1, resolved: 0, fcrRate: null, backlog: { count: 0, meanAgeMs: null } });
  });

  it('by priority and channel, keys as strings sorted', () => {
    const byPriority = incidentMetricsBy(table, TICKET_DIMENSIONS.priority, AS_OF);
    expect(byPriority.map((r) => [r.key, r.count])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 4],
      ['4', 2],
      ['5', 1],
    ]);
    const byChannel = incidentMetricsBy(table, TICKET_DIMENSIONS.channel, AS_OF);
    expect(byChannel.map((r) => [r.key, r.count])).toEqual([
      ['email', 3],
      ['phone', 5],
      ['portal', 1],
      ['walk_in', 1],
    ]);
    // Assignee '' (unassigned) is a key of its own: t6, t7, t10.
    expect(incidentMetricsBy(table, TICKET_DIMENSIONS.assignee, AS_OF)[0]).toMatchObject({ key: '', count: 3 });
  });

  it('an empty set gives zeros and nulls, not NaN', () => {
    const empty = buildFactsTable(indexEventsByTicket([], []));
    const m = summarizeIncidents(empty, AS_OF);
    expect(m).toMatchObject({ volume: 0, fcrRate: null, reopenRate: null, escalationRate: null, reassignmentsPerTicket: null });
    expect(m.backlog).toEqual({ at: AS_OF, count: 0, meanAgeMs: null, ages: noAges });
  });

  it('the index drops events of unknown tickets and of kinds the reports ignore', () => {
    expect(index.orphanEvents).toBe(1);
    expect(index.eventCount).toBe(EVENTS.length);
  });
});
