/**
 * Survey rules shared by the on-site feedback form and whoever checks responses: which survey is the active one,
 * the deterministic id of an on-site response (so a ticket's on-site feedback counts once however often it is
 * pushed), and the validation of answers against the survey's questions.
 */
import type { AnswerValue, Survey, SurveyQuestion } from '../schemas/survey.js';
import type { RuleViolation } from './ticket-rules.js';

/** The id of the on-site response about a ticket: one per ticket, so retries and re-submissions never duplicate it. */
export function onsiteResponseId(ticketId: string): string {
  return `rsp-onsite-${ticketId}`;
}

/** The survey to hand out: status 'active', highest version (ties: highest id); null when none is active. */
export function activeSurvey(surveys: Iterable<Survey>): Survey | null {
  let best: Survey | null = null;
  for (const s of surveys) {
    if (s.status !== 'active') continue;
    if (!best || s.version > best.version || (s.version === best.version && s.id > best.id)) best = s;
  }
  return best;
}

const SCALES: Partial<Record<SurveyQuestion['type'], readonly [number, number]>> = {
  csat: [1, 5],
  nps: [0, 10],
  ces: [1, 7],
};

/** The inclusive range of a scale question (CSAT 1-5, NPS 0-10, CES 1-7), or null for other types. */
export function scaleOf(type: SurveyQuestion['type']): readonly [number, number] | null {
  return SCALES[type] ?? null;
}

/** True when the value counts as an answer (a number, a non-blank text, a non-empty choice list). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function answerProblem(q: SurveyQuestion, value: AnswerValue): string | null {
  const scale = scaleOf(q.type);
  const optionIds = new Set(q.options.map((o) => o.id));
  if (scale) {
    return typeof value === 'number' && Number.isInteger(value) && value >= scale[0] && value <= scale[1]
      ? null
      : `Choose a whole number from ${scale[0]} to ${scale[1]}.`;
  }
  if (q.type === 'single') return typeof value === 'string' && optionIds.has(value) ? null : 'Choose one of the options.';
  if (q.type === 'multiple') {
    return Array.isArray(value) && value.every((v) => optionIds.has(v)) && new Set(value).size === value.length
      ? null
      : 'Choose among the options, each at most once.';
  }
  return typeof value === 'string' && value.length <= 5000 ? null : 'Write at most 5000 characters.';
}

/**
 * Checks answers against a survey: every required question answered, every given answer valid for its type
 * (scale range, known option ids, text length), no answer to an unknown question. Field = the question id.
 */
export function validateSurveyAnswers(
  survey: Survey,
  answers: readonly { questionId: string; value: AnswerValue }[],
): RuleViolation[] {
  const byId = new Map(answers.map((a) => [a.questionId, a.value]));
  const known = new Set(survey.questions.map((q) => q.id));
  const out: RuleViolation[] = [];
  for (const a of answers)
    if (!known.has(a.questionId)) out.push({ field: a.questionId, message: 'This question is not in the survey.' });
  for (const q of survey.questions) {
    const value = byId.get(q.id);
    if (!isAnswered(value)) {
      if (q.required) out.push({ field: q.id, message: 'This question needs an answer.' });
      continue;
    }
    const problem = answerProblem(q, value as AnswerValue);
    if (problem) out.push({ field: q.id, message: problem });
  }
  return out;
}
