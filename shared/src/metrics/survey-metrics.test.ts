import { describe, expect, it } from 'vitest';
import { AS_OF, RESPONSES, SURVEYS, TICKETS, at } from './__fixtures__/hand-built.js';
import { rowsById } from './event-index.js';
import { RESPONSE_DIMENSIONS, surveyResultsBy, surveyResultsByPeriod } from './survey-breakdowns.js';
import { npsScore, summarizeSurveys } from './survey-metrics.js';
import { scoreResponses } from './survey-scores.js';
import { verbatims } from './verbatims.js';

const rows = rowsById(TICKETS);
const scored = scoreResponses(RESPONSES, SURVEYS, (id) => TICKETS[rows.get(id) ?? -1]);
const ids = (list: { responseId: string }[]) => list.map((v) => v.responseId);

describe('survey results over the fixture (hand-checked)', () => {
  it('overall: CSAT, NPS, CES, response rate, comments', () => {
    // CSAT answers 5,2,4,3,5,1,4,5: 4 or 5 = r1 r3 r5 r7 r8 -> 5/8 = 62.5 %.
    // NPS answers (r7's 'abc' ignored) 10,3,8,6,9,0,10: promoters r1 r5 r8 = 3, detractors r2 r4 r6 = 3 -> 0.
    // CES answers (r5 none, r7's 9 out of range) 2,6,3,5,7,1 -> 24/6 = 4. Comments: r1 r2 r4 r6 (r5 is blank).
    expect(summarizeSurveys(scored, 20)).toEqual({
      responses: 8,
      sent: 20,
      responseRate: 0.4,
      csatPct: 62.5,
      csatAnswers: 8,
      nps: 0,
      npsAnswers: 7,
      promoters: 3,
      passives: 1,
      detractors: 3,
      ces: 4,
      cesAnswers: 6,
      comments: 4,
    });
  });

  it('no responses and no count sent: nulls, not 0', () => {
    expect(summarizeSurveys([])).toMatchObject({ responses: 0, responseRate: null, csatPct: null, nps: null, ces: null });
    expect(summarizeSurveys([], 0).responseRate).toBeNull();
  });

  it('by month: December has no responses -> null scores', () => {
    const months = surveyResultsByPeriod(scored, { unit: 'month', offsetMinutes: 0, from: at(0, 1), to: AS_OF });
    expect(months.map((m) => [m.key, m.count])).toEqual([
      ['2025-12', 0],
      ['2026-01', 6],
      ['2026-02', 2],
    ]);
    expect(months[0].metrics).toMatchObject({ responses: 0, csatPct: null, nps: null, ces: null });
    // January r1 r2 r3 r4 r6 r7: CSAT 5,2,4,3,1,4 -> 3/6 = 50 %; NPS 10,3,8,6,0 -> (1 - 3)/5 = -40; CES 2,6,3,5,7 -> 4.6.
    expect(months[1].metrics).toMatchObject({ csatPct: 50, nps: -40, ces: 4.6 });
    // February r5 r8: CSAT 5,5 -> 100 %; NPS 9,10 -> 100; CES 1.
    expect(months[2].metrics).toMatchObject({ csatPct: 100, nps: 100, ces: 1 });
  });

  it('by group through the ticket; the response to an unknown ticket falls under ""', () => {
    const groups = surveyResultsBy(scored, RESPONSE_DIMENSIONS.group);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['', 1],
      ['g1', 4],
      ['g2', 3],
    ]);
    // g1 r1 r2 r6 r7: CSAT 5,2,1,4 -> 50 %; NPS 10,3,0 -> (1 - 2)/3 = -33.3 -> -33; CES 2,6,7 -> 5.
    expect(groups[1].metrics).toMatchObject({ csatPct: 50, nps: -33, ces: 5 });
    // g2 r3 r4 r5: CSAT 4,3,5 -> 200/3 %; NPS 8,6,9 -> 0; CES 3,5 -> 4.
    expect(groups[2].metrics).toMatchObject({ csatPct: 200 / 3, nps: 0, ces: 4 });
  });

  it('by agent (the ticket assignee) and by category, with the sent counts per key', () => {
    const agents = surveyResultsBy(scored, RESPONSE_DIMENSIONS.agent, new Map([['u1', 8]]));
    // u1: r1 r3 r6 r7 -> CSAT 5,4,1,4 = 75 %; NPS 10,8,0 -> 0; CES 2,3,7 -> 4; rate 4/8.
    expect(agents.find((a) => a.key === 'u1')?.metrics).toMatchObject({
      responses: 4,
      responseRate: 0.5,
      csatPct: 75,
      nps: 0,
      ces: 4,
    });
    // c1 tickets t1 t3 t5 t7 t9 -> r1 r3 r5 r6 r7: CSAT 5,4,5,1,4 = 80 %.
    expect(surveyResultsBy(scored, RESPONSE_DIMENSIONS.category).find((c) => c.key === 'c1')?.metrics.csatPct).toBe(80);
  });

  it('NPS rounds half away from zero, as SQL round() does', () => {
    expect(npsScore(1, 0, 8)).toBe(13); // 12.5
    expect(npsScore(0, 1, 8)).toBe(-13); // -12.5 (Math.round would give -12)
    expect(npsScore(0, 0, 0)).toBeNull();
  });
});

describe('verbatim comments', () => {
  it('newest first, blank answers left out', () => {
    expect(ids(verbatims(scored))).toEqual(['r4', 'r6', 'r2', 'r1']);
  });
  it('text search ignores case and accents', () => {
    expect(ids(verbatims(scored, { contains: 'ecran' }))).toEqual(['r6', 'r2']);
    expect(ids(verbatims(scored, { contains: 'TRES' }))).toEqual(['r1']);
  });
  it('filters by CSAT range, group and period', () => {
    expect(ids(verbatims(scored, { score: { kind: 'csat', max: 2 } }))).toEqual(['r6', 'r2']);
    expect(ids(verbatims(scored, { score: { kind: 'nps', min: 9 } }))).toEqual(['r1']);
    expect(ids(verbatims(scored, { groupId: 'g2' }))).toEqual(['r4']);
    expect(ids(verbatims(scored, { from: at(1, 10), to: at(2, 1) }))).toEqual(['r4', 'r6']);
  });
  it('carries the context of each comment', () => {
    expect(verbatims(scored, { contains: 'handoffs' })[0]).toEqual({
      responseId: 'r4',
      ticketId: 't4',
      ticketNumber: 'T4',
      questionId: 'q-text',
      text: 'Too many handoffs',
      submittedAt: at(1, 14, 15),
      csat: 3,
      nps: 6,
      ces: 5,
      groupId: 'g2',
      assigneeId: 'u3',
      categoryId: 'c2',
    });
  });
});
