/**
 * Scoring of survey answers. The type of an answer comes from the survey template (surveyId + surveyVersion,
 * falling back to the survey's latest known version; answers to unknown surveys or questions are not scored).
 * Only integer numbers in range count as answers; anything else (out of range, fractional, strings) is ignored.
 *
 * - CSAT: answers 1..5; satisfied = 4 or 5. CSAT % = 100 * satisfied / CSAT answers.
 * - NPS: answers 0..10; promoters 9-10, passives 7-8, detractors 0-6.
 *   NPS = round(100 * (promoters - detractors) / NPS answers), an integer in -100..100, rounded half away from
 *   zero (as SQL round()).
 * - CES: answers 1..7; CES = mean of the answers.
 * - Verbatims: non-blank string answers to 'text' questions.
 * Every figure is computed over answers, not responses: a response with two CSAT questions counts twice.
 * Each figure is `null` (not 0) when there are no answers of its kind.
 */
import type { QuestionType, Survey, SurveyResponse } from '../schemas/survey.js';
import type { Ticket } from '../schemas/ticket.js';

/** One response with its answers scored, and the ticket it refers to (undefined when not known here). */
export interface ScoredResponse {
  response: SurveyResponse;
  ticket: Ticket | undefined;
  csatAnswers: number;
  csatSatisfied: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
  cesAnswers: number;
  cesSum: number;
  /** The first valid answer of each kind, for filtering verbatims by score; null when none. */
  csat: number | null;
  nps: number | null;
  ces: number | null;
  texts: { questionId: string; text: string }[];
}

/** Question types by survey id, per version and for the latest version. */
export type QuestionTypes = Map<string, { latest: number; versions: Map<number, Map<string, QuestionType>> }>;

const RANGES: Partial<Record<QuestionType, readonly [number, number]>> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };

/** Indexes the question types of every survey version. */
export function indexQuestionTypes(surveys: Iterable<Survey>): QuestionTypes {
  const index: QuestionTypes = new Map();
  for (const survey of surveys) {
    let entry = index.get(survey.id);
    if (!entry) index.set(survey.id, (entry = { latest: survey.version, versions: new Map() }));
    entry.versions.set(survey.version, new Map(survey.questions.map((q) => [q.id, q.type])));
    entry.latest = Math.max(entry.latest, survey.version);
  }
  return index;
}

/** The score if `value` is a valid answer to a question of `type`, else null. */
export function validScore(type: QuestionType, value: unknown): number | null {
  const range = RANGES[type];
  if (!range || typeof value !== 'number' || !Number.isInteger(value)) return null;
  return value >= range[0] && value <= range[1] ? value : null;
}

/** Scores one response's answers against its survey's question types. */
export function scoreResponse(response: SurveyResponse, types: QuestionTypes, ticket: Ticket | undefined): ScoredResponse {
  const survey = types.get(response.surveyId);
  const questions = survey && (survey.versions.get(response.surveyVersion) ?? survey.versions.get(survey.latest));
  const s: ScoredResponse = {
    response,
    ticket,
    csatAnswers: 0,
    csatSatisfied: 0,
    npsAnswers: 0,
    promoters: 0,
    detractors: 0,
    cesAnswers: 0,
    cesSum: 0,
    csat: null,
    nps: null,
    ces: null,
    texts: [],
  };
  for (const answer of response.answers) {
    const type = questions?.get(answer.questionId);
    if (type === undefined) continue;
    if (type === 'text') {
      if (typeof answer.value === 'string' && answer.value.trim() !== '')
        s.texts.push({ questionId: answer.questionId, text: answer.value });
      continue;
    }
    const v = validScore(type, answer.value);
    if (v === null) continue;
    if (type === 'csat') {
      s.csatAnswers++;
      if (v >= 4) s.csatSatisfied++;
      s.csat ??= v;
    } else if (type === 'nps') {
      s.npsAnswers++;
      if (v >= 9) s.promoters++;
      else if (v <= 6) s.detractors++;
      s.nps ??= v;
    } else {
      s.cesAnswers++;
      s.cesSum += v;
      s.ces ??= v;
    }
  }
  return s;
}

/** Scores every response, joining each to its ticket through `ticketOf` (e.g. a map's get). */
export function scoreResponses(
  responses: readonly SurveyResponse[],
  surveys: Iterable<Survey>,
  ticketOf: (ticketId: string) => Ticket | undefined,
): ScoredResponse[] {
  const types = indexQuestionTypes(surveys);
  return responses.map((r) => scoreResponse(r, types, ticketOf(r.ticketId)));
}
