import { indexQuestionTypes, scoreResponse, validScore } from '../metrics/survey-scores.js';
import type { Language } from '../schemas/bilingual.js';
import type { AnswerValue, Survey, SurveyQuestion, SurveyResponse } from '../schemas/survey.js';
import { jsonEqual } from './three-way-merge.js';

/** Longest free-text answer accepted, in characters (the schema's own limit is higher). */
export const SURVEY_TEXT_MAX = 2000;

/** One problem with a set of answers, naming the question (message in the language asked for). */
export interface AnswerProblem {
  questionId: string;
  code: 'required' | 'unknown_question' | 'duplicate' | 'out_of_range' | 'unknown_option' | 'wrong_type' | 'too_long';
  message: string;
}

export type SurveyAnswer = { questionId: string; value: AnswerValue };

const RANGE_TEXT: Record<'csat' | 'nps' | 'ces', string> = { csat: '1-5', nps: '0-10', ces: '1-7' };

function questionName(question: SurveyQuestion | undefined, questionId: string, language: Language): string {
  const label = question ? question.label[language] || question.label[language === 'en' ? 'fr' : 'en'] : '';
  return label ? `"${label}"` : `"${questionId}"`;
}

const isBlank = (value: AnswerValue): boolean =>
  (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** Why one answer does not fit its question, or null when it does. */
function answerProblem(
  question: SurveyQuestion,
  value: AnswerValue,
): { code: AnswerProblem['code']; en: string; fr: string } | null {
  const optionIds = new Set(question.options.map((o) => o.id));
  switch (question.type) {
    case 'csat':
    case 'nps':
    case 'ces':
      if (validScore(question.type, value) !== null) return null;
      return {
        code: typeof value === 'number' ? 'out_of_range' : 'wrong_type',
        en: `needs a whole number from ${RANGE_TEXT[question.type]}`,
        fr: `demande un nombre entier de ${RANGE_TEXT[question.type]}`,
      };
    case 'single':
      if (typeof value !== 'string') return { code: 'wrong_type', en: 'needs one choice', fr: 'demande un seul choix' };
      return optionIds.has(value) ? null : { code: 'unknown_option', en: 'has no such choice', fr: "n'offre pas ce choix" };
    case 'multiple':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return { code: 'wrong_type', en: 'needs a list of choices', fr: 'demande une liste de choix' };
      if (new Set(value).size !== value.length)
        return { code: 'duplicate', en: 'lists a choice twice', fr: 'contient deux fois le même choix' };
      return value.every((v) => optionIds.has(v))
        ? null
        : { code: 'unknown_option', en: 'has no such choice', fr: "n'offre pas ce choix" };
    case 'text':
      if (typeof value !== 'string') return { code: 'wrong_type', en: 'needs text', fr: 'demande du texte' };
      return value.length <= SURVEY_TEXT_MAX
        ? null
        : {
            code: 'too_long',
            en: `is limited to ${SURVEY_TEXT_MAX} characters (${value.length} given)`,
            fr: `est limitée à ${SURVEY_TEXT_MAX} caractères (${value.length} saisis)`,
          };
  }
}

/**
 * Checks answers against a survey version: every required question answered, values of the right type and range
 * for their question type (CSAT 1-5, NPS 0-10, CES 1-7, whole numbers), choices that exist, text within
 * SURVEY_TEXT_MAX, no unknown or repeated question. Returns one problem per question, empty when valid.
 */
export function validateAnswers(
  template: Pick<Survey, 'questions'>,
  answers: readonly SurveyAnswer[],
  language: Language = 'en',
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(template.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const add = (questionId: string, code: AnswerProblem['code'], en: string, fr: string): void => {
    const name = questionName(byId.get(questionId), questionId, language);
    problems.push({
      questionId,
      code,
      message: language === 'fr' ? `La question ${name} ${fr}.` : `The question ${name} ${en}.`,
    });
  };
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    if (!question) {
      add(answer.questionId, 'unknown_question', 'is not part of this survey', 'ne fait pas partie de ce sondage');
      continue;
    }
    if (seen.has(answer.questionId)) {
      add(answer.questionId, 'duplicate', 'is answered twice', 'a deux réponses');
      continue;
    }
    seen.add(answer.questionId);
    if (isBlank(answer.value)) continue;
    const problem = answerProblem(question, answer.value);
    if (problem) add(question.id, problem.code, problem.en, problem.fr);
  }
  for (const question of template.questions) {
    if (!question.required) continue;
    const answer = answers.find((a) => a.questionId === question.id);
    if (!answer || isBlank(answer.value)) add(question.id, 'required', 'needs an answer', 'demande une réponse');
  }
  return problems;
}

/** The answers worth storing: blank text and empty choice lists dropped (an unanswered optional question). */
export function withoutBlankAnswers(answers: readonly SurveyAnswer[]): SurveyAnswer[] {
  return answers.filter((a) => !isBlank(a.value));
}

const MAX_ID = 40;
const ONSITE_PREFIX = 'rsp-onsite-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The 128 bits of a uuid in 22 base64url characters. */
function compactUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '').toLowerCase();
  let bits = '';
  for (const c of hex) bits += parseInt(c, 16).toString(2).padStart(4, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += BASE64URL[parseInt(bits.slice(i, i + 6).padEnd(6, '0'), 2)];
  return out;
}

/** 64-bit FNV-1a over the UTF-16 code units of a string, as 16 hex characters. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The id of THE on-site response to a ticket: `rsp-onsite-<ticketId>`, so a retried or double-submitted on-site
 * survey is the same document and counts once. Ids are limited to 40 characters: a uuid ticket id is written in
 * base64url (`rsp-onsite-` + 22 characters), any other long id as a 64-bit hash of it.
 */
export function onsiteResponseId(ticketId: string): string {
  const plain = `${ONSITE_PREFIX}${ticketId}`;
  if (plain.length <= MAX_ID) return plain;
  return `${ONSITE_PREFIX}${UUID.test(ticketId) ? compactUuid(ticketId) : fnv1a64(ticketId)}`;
}

/**
 * Whether the resolution of this ticket is in the survey sample: a 32-bit FNV-1a hash of the ticket id (UTF-16 code
 * units) mixed by the MurmurHash3 finaliser, read as a fraction of 2^32, is below `rate`. Deterministic per ticket
 * (tests and retries see the same answer); rate 0 picks none, rate 1 picks all, a higher rate keeps every ticket a
 * lower one picked.
 */
export function inSurveySample(ticketId: string, rate: number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  let hash = 0x811c9dc5;
  for (let i = 0; i < ticketId.length; i++) {
    hash ^= ticketId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // FNV-1a alone leaves similar ids (ticket-1, ticket-2) close together; the finaliser spreads them.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32 < rate;
}

/** Scores at or below which a response is a low score that gets a follow-up (CSAT <= 2 or NPS <= 6 by default). */
export interface LowScoreThresholds {
  csatAtMost: number;
  npsAtMost: number;
}

export const DEFAULT_LOW_SCORE: LowScoreThresholds = { csatAtMost: 2, npsAtMost: 6 };

/** True when the response's CSAT or NPS answer (scored by the shared metrics rules) is at or below the threshold. */
export function isLowScore(response: SurveyResponse, template: Survey, thresholds: LowScoreThresholds): boolean {
  const scored = scoreResponse(response, indexQuestionTypes([template]), undefined);
  return (
    (scored.csat !== null && scored.csat <= thresholds.csatAtMost) || (scored.nps !== null && scored.nps <= thresholds.npsAtMost)
  );
}

/**
 * Why a survey document may not replace the previous one: changing its questions requires a higher `version`
 * (responses refer to the version they answered), and versions never go down. Empty when allowed.
 */
export function surveyVersionProblems(
  previous: Pick<Survey, 'version' | 'questions'>,
  next: Pick<Survey, 'version' | 'questions'>,
): string[] {
  if (next.version < previous.version) {
    return [`The version cannot go down (from ${previous.version} to ${next.version}): responses refer to published versions.`];
  }
  if (next.version === previous.version && !jsonEqual(previous.questions, next.questions)) {
    return [
      `The questions changed but the version did not: set "version" to ${previous.version + 1} so responses to version ${previous.version} keep their questions.`,
    ];
  }
  return [];
}

/** True when the value counts as an answer (a number, a non-blank text, a non-empty choice list). */
export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  return value !== undefined && !isBlank(value);
}

/** The survey a device hands out: status 'active', highest version (ties: highest id); null when none is active. */
export function activeSurvey(surveys: Iterable<Survey>): Survey | null {
  let best: Survey | null = null;
  for (const s of surveys) {
    if (s.status !== 'active') continue;
    if (!best || s.version > best.version || (s.version === best.version && s.id > best.id)) best = s;
  }
  return best;
}

const SCALES: Partial<Record<SurveyQuestion['type'], readonly [number, number]>> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };

/** The inclusive range of a scale question (CSAT 1-5, NPS 0-10, CES 1-7), or null for other types. */
export function scaleOf(type: SurveyQuestion['type']): readonly [number, number] | null {
  return SCALES[type] ?? null;
}
