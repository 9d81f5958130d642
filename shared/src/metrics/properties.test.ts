import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../schemas/survey.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { TICKET_STATUSES, type Ticket } from '../schemas/ticket.js';
import { SURVEYS, ticket } from './__fixtures__/hand-built.js';
import { backlogAt } from './backlog.js';
import { indexEventsByTicket, rowsById } from './event-index.js';
import { buildFactsTable } from './facts-table.js';
import { incidentMetricsBy } from './incident-breakdowns.js';
import { summarizeIncidents } from './incident-metrics.js';
import { RESPONSE_DIMENSIONS, surveyResultsBy, surveyResultsByTicketCodes } from './survey-breakdowns.js';
import { summarizeSurveys } from './survey-metrics.js';
import { scoreResponses } from './survey-scores.js';
import { encodeTicketDimensions, TICKET_DIMENSIONS } from './ticket-dimensions.js';
import { ticketFacts } from './ticket-facts.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const VALUES = [...TICKET_STATUSES, '', 'u1', 'u2', 'g1'];

/** Random tickets, each with random events at distinct times after its creation. */
const dataArb = fc
  .array(
    fc.record({
      created: fc.integer({ min: 0, max: 60 * DAY }),
      status: fc.constantFrom(...TICKET_STATUSES),
      groupId: fc.constantFrom('g1', 'g2', 'g3'),
      categoryId: fc.constantFrom('c1', 'c2', ''),
      priority: fc.constantFrom(1, 2, 3, 4, 5 as const),
      channel: fc.constantFrom('phone' as const, 'email' as const),
      assigneeId: fc.constantFrom('', 'u1', 'u2'),
      events: fc.array(
        fc.record({
          kind: fc.constantFrom('status_change' as const, 'assignment' as const, 'escalation' as const, 'comment' as const),
          from: fc.constantFrom(...VALUES),
          to: fc.constantFrom(...VALUES),
          gap: fc.integer({ min: 1, max: 5 * DAY }),
        }),
        { maxLength: 8 },
      ),
    }),
    { maxLength: 25 },
  )
  .map((specs) => {
    const tickets: Ticket[] = [];
    const events: TicketEvent[] = [];
    specs.forEach((s, i) => {
      const id = `t${i}`;
      let t = START + s.created;
      s.events.forEach((e, k) => {
        t += e.gap;
        events.push({
          id: `${id}-${k}`,
          ticketId: id,
          kind: e.kind,
          authorId: 'a',
          occurredAt: t,
          body: '',
          minutes: 0,
          fromValue: e.from,
          toValue: e.to,
        });
      });
      const { created: _c, events: _e, ...fields } = s;
      tickets.push(ticket({ id, callerId: 'k', createdAt: START + s.created, updatedAt: t, ...fields }));
    });
    return { tickets, events };
  });

/** A seeded Fisher-Yates shuffle (a small LCG), so failures replay. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const asOfArb = fc.integer({ min: START, max: START + 120 * DAY });

describe('incident metric properties', () => {
  it('grouping partitions the tickets: group volumes and counts add up to the whole', () => {
    fc.assert(
      fc.property(dataArb, asOfArb, ({ tickets, events }, asOf) => {
        const table = buildFactsTable(indexEventsByTicket(tickets, events));
        const all = summarizeIncidents(table, asOf);
        for (const key of [
          TICKET_DIMENSIONS.group,
          TICKET_DIMENSIONS.category,
          TICKET_DIMENSIONS.priority,
          TICKET_DIMENSIONS.assignee,
        ]) {
          const rows = incidentMetricsBy(table, key, asOf);
          const sum = (f: (m: (typeof rows)[number]['metrics']) => number) => rows.reduce((n, r) => n + f(r.metrics), 0);
          expect(sum((m) => m.volume)).toBe(tickets.length);
          expect(sum((m) => m.resolved)).toBe(all.resolved);
          expect(sum((m) => m.escalated)).toBe(all.escalated);
          expect(sum((m) => m.backlog.count)).toBe(all.backlog.count);
          expect(sum((m) => m.acknowledge.count)).toBe(all.acknowledge.count);
        }
      }),
    );
  });

  it('rates are fractions in 0..1 or null; the backlog never exceeds the tickets created by then', () => {
    fc.assert(
      fc.property(dataArb, asOfArb, ({ tickets, events }, asOf) => {
        const table = buildFactsTable(indexEventsByTicket(tickets, events));
        const m = summarizeIncidents(table, asOf);
        for (const rate of [m.fcrRate, m.reopenRate, m.escalationRate]) {
          if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        }
        expect(m.firstContact + m.reopened).toBeLessThanOrEqual(2 * m.resolved);
        const b = backlogAt(table, asOf);
        expect(b.count).toBeLessThanOrEqual(tickets.filter((t) => t.createdAt < asOf).length);
        expect(Object.values(b.ages).reduce((a, n) => a + n, 0)).toBe(b.count);
        if (m.resolve.medianMs !== null) expect(m.resolve.medianMs).toBeLessThanOrEqual(m.resolve.p90Ms!);
      }),
    );
  });

  it('the event order does not matter, and the table agrees with ticketFacts row by row', () => {
    fc.assert(
      fc.property(dataArb, fc.integer(), ({ tickets, events }, seed) => {
        const shuffled = shuffle(events, seed);
        const a = buildFactsTable(indexEventsByTicket(tickets, events));
        const b = buildFactsTable(indexEventsByTicket(tickets, shuffled));
        expect(b).toEqual(a);
        tickets.forEach((t, r) => {
          const f = ticketFacts(
            t,
            shuffled.filter((e) => e.ticketId === t.id),
          );
          expect(f.ackMs ?? NaN).toEqual(a.ackMs[r]);
          expect(f.resolveMs ?? NaN).toEqual(a.resolveMs[r]);
          expect(f.reassignments).toBe(a.reassignments[r]);
          expect(f.doneToggles).toEqual([...a.toggles.subarray(a.toggleOffsets[r], a.toggleOffsets[r + 1])]);
        });
      }),
    );
  });
});

const answerArb = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constant('x'), fc.constant(3.5));
const responsesArb = fc.array(
  fc.record({ csat: answerArb, nps: answerArb, ces: answerArb, ticket: fc.constantFrom('t0', 't1', 'none') }),
  { maxLength: 40 },
);

describe('survey metric properties', () => {
  const tickets = [
    ticket({
      id: 't0',
      groupId: 'g1',
      categoryId: 'c1',
      priority: 3,
      channel: 'phone',
      assigneeId: 'u1',
      callerId: 'k',
      status: 'closed',
      createdAt: START,
    }),
    ticket({
      id: 't1',
      groupId: 'g2',
      categoryId: 'c1',
      priority: 3,
      channel: 'phone',
      assigneeId: '',
      callerId: 'k',
      status: 'closed',
      createdAt: START,
    }),
  ];
  const rows = rowsById(tickets);

  it('CSAT in 0..100, NPS an integer in -100..100, CES in 1..7, each null without answers; groups add up', () => {
    fc.assert(
      fc.property(responsesArb, (list) => {
        const responses: SurveyResponse[] = list.map((r, i) => ({
          id: `r${i}`,
          surveyId: 's1',
          surveyVersion: 2,
          ticketId: r.ticket,
          respondentId: 'k',
          answers: [
            { questionId: 'q-csat', value: r.csat },
            { questionId: 'q-nps', value: r.nps },
            { questionId: 'q-ces', value: r.ces },
          ],
          submittedAt: START,
          channel: 'email',
        }));
        const scored = scoreResponses(responses, SURVEYS, (id) => tickets[rows.get(id) ?? -1]);
        const m = summarizeSurveys(scored);
        if (m.csatAnswers === 0) expect(m.csatPct).toBeNull();
        else expect(m.csatPct! >= 0 && m.csatPct! <= 100).toBe(true);
        if (m.npsAnswers === 0) expect(m.nps).toBeNull();
        else expect(Number.isInteger(m.nps) && m.nps! >= -100 && m.nps! <= 100).toBe(true);
        if (m.cesAnswers === 0) expect(m.ces).toBeNull();
        else expect(m.ces! >= 1 && m.ces! <= 7).toBe(true);
        const groups = surveyResultsBy(scored, RESPONSE_DIMENSIONS.group);
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(responses.length);
        expect(groups.reduce((n, g) => n + g.metrics.csatAnswers, 0)).toBe(m.csatAnswers);
        // The encoded path of the dashboard gives the same rows as the key-function path.
        const responseRows = Int32Array.from(responses, (r) => rows.get(r.ticketId) ?? -1);
        const dims = encodeTicketDimensions(tickets);
        expect(surveyResultsByTicketCodes(scored, responseRows, dims.group)).toEqual(groups);
        expect(surveyResultsByTicketCodes(scored, responseRows, dims.assignee)).toEqual(
          surveyResultsBy(scored, RESPONSE_DIMENSIONS.agent),
        );
      }),
    );
  });
});
