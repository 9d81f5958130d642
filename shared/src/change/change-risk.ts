import type { RiskAnswer } from '../schemas/ticket.js';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** One question of the risk assessment: its answers, each with the points it adds to the score. */
export interface RiskQuestion {
  id: string;
  answers: readonly { id: string; points: number }[];
}

/**
 * The risk questionnaire (the UI translates `risk.<question>` and `risk.<question>.<answer>`): what the change
 * touches, whether it was done before, how it was tested, how it is undone, the outage it needs and when it runs.
 */
export const RISK_QUESTIONS: readonly RiskQuestion[] = [
  {
    id: 'scope',
    answers: [
      { id: 'one_ci', points: 0 },
      { id: 'several_cis', points: 1 },
      { id: 'one_service', points: 2 },
      { id: 'several_services', points: 3 },
    ],
  },
  {
    id: 'experience',
    answers: [
      { id: 'routine', points: 0 },
      { id: 'similar', points: 1 },
      { id: 'first_time', points: 3 },
    ],
  },
  {
    id: 'testing',
    answers: [
      { id: 'production_like', points: 0 },
      { id: 'partial', points: 1 },
      { id: 'untested', points: 3 },
    ],
  },
  {
    id: 'backout',
    answers: [
      { id: 'simple', points: 0 },
      { id: 'complex', points: 2 },
      { id: 'impossible', points: 3 },
    ],
  },
  {
    id: 'outage',
    answers: [
      { id: 'none', points: 0 },
      { id: 'short', points: 1 },
      { id: 'long', points: 3 },
    ],
  },
  {
    id: 'timing',
    answers: [
      { id: 'off_hours', points: 0 },
      { id: 'business_hours', points: 2 },
    ],
  },
];

/** Scores from which a change is of medium and of high risk (below the first: low). */
export const RISK_LEVEL_FROM: Readonly<Record<Exclude<RiskLevel, 'low'>, number>> = { medium: 5, high: 10 };

/** How a risk score was reached: the points of each answered question. */
export interface RiskAssessment {
  score: number;
  level: RiskLevel;
  /** Every question answered with a known answer. */
  complete: boolean;
  lines: { questionId: string; answer: string; points: number }[];
  /** Questions not answered (or answered with an answer the questionnaire does not have). */
  unanswered: string[];
}

/** The risk score and level of a change's answers, with the points of each (shown as how it was computed). */
export function riskAssessment(answers: readonly RiskAnswer[]): RiskAssessment {
  const given = new Map(answers.map((a) => [a.questionId, a.answer]));
  const lines: RiskAssessment['lines'] = [];
  const unanswered: string[] = [];
  for (const question of RISK_QUESTIONS) {
    const answer = question.answers.find((a) => a.id === given.get(question.id));
    if (answer) lines.push({ questionId: question.id, answer: answer.id, points: answer.points });
    else unanswered.push(question.id);
  }
  const score = lines.reduce((sum, line) => sum + line.points, 0);
  return { score, level: riskLevelOf(score), complete: unanswered.length === 0, lines, unanswered };
}

/** The level of a risk score. */
export function riskLevelOf(score: number): RiskLevel {
  if (score >= RISK_LEVEL_FROM.high) return 'high';
  if (score >= RISK_LEVEL_FROM.medium) return 'medium';
  return 'low';
}
