/**
 * Survey results of a set of scored responses (see survey-scores.ts for CSAT, NPS and CES).
 *
 * - responses: number of responses in the set.
 * - responseRate = responses / surveys sent, a fraction (sending is tracked elsewhere, so `sent` is an input);
 *   null when `sent` is not given or is 0. It may exceed 1 if `sent` undercounts.
 * - csatPct = 100 * satisfied / CSAT answers, in 0..100; nps an integer in -100..100; ces in 1..7: each null when
 *   there are no answers of its kind.
 * - comments: number of non-blank text answers.
 */
import { ratio, roundHalfAwayFromZero } from './stats.js';
import type { ScoredResponse } from './survey-scores.js';

/** CSAT, NPS, CES and response figures of one set of responses. */
export interface SurveyMetrics {
  responses: number;
  sent: number | null;
  responseRate: number | null;
  csatPct: number | null;
  csatAnswers: number;
  nps: number | null;
  npsAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
  ces: number | null;
  cesAnswers: number;
  comments: number;
}

/** NPS from counts: round(100 * (promoters - detractors) / answers), half away from zero; null when no answers. */
export function npsScore(promoters: number, detractors: number, answers: number): number | null {
  return answers === 0 ? null : roundHalfAwayFromZero((100 * (promoters - detractors)) / answers);
}

/** Adds up scored responses into survey metrics; `sent` is the number of surveys sent for this set, if known. */
export function summarizeSurveys(scored: readonly ScoredResponse[], sent?: number): SurveyMetrics {
  let csatAnswers = 0;
  let satisfied = 0;
  let npsAnswers = 0;
  let promoters = 0;
  let detractors = 0;
  let cesAnswers = 0;
  let cesSum = 0;
  let comments = 0;
  for (const s of scored) {
    csatAnswers += s.csatAnswers;
    satisfied += s.csatSatisfied;
    npsAnswers += s.npsAnswers;
    promoters += s.promoters;
    detractors += s.detractors;
    cesAnswers += s.cesAnswers;
    cesSum += s.cesSum;
    comments += s.texts.length;
  }
  return {
    responses: scored.length,
    sent: sent ?? null,
    responseRate: sent === undefined ? null : ratio(scored.length, sent),
    csatPct: ratio(100 * satisfied, csatAnswers),
    csatAnswers,
    nps: npsScore(promoters, detractors, npsAnswers),
    npsAnswers,
    promoters,
    passives: npsAnswers - promoters - detractors,
    detractors,
    ces: ratio(cesSum, cesAnswers),
    cesAnswers,
    comments,
  };
}
