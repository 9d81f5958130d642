import {
  withoutBlankAnswers,
  validateAnswers,
  type AnswerProblem,
  type Language,
  type Survey,
  type SurveyAnswer,
  type SurveyResponse,
} from '@shared';
import type { Database, Queryable } from '../../db/database.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { findInvitation, lockInvitation, markInvitationUsed, type Invitation } from '../../db/queries/survey-invitations.js';
import { findSurveyVersion } from '../../db/queries/survey-versions.js';
import { validateDocument } from '../sync/document-validation.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { followUpLowScore } from './low-score-follow-up.js';
import { recordSurveyAnswered } from './survey-answered-event.js';
import { hashSurveyToken } from './survey-invitations.js';
import { readSurveySettings } from './survey-settings.js';

/** Form fields by name, every value given (checkboxes repeat their name). */
export type FormFields = ReadonlyMap<string, readonly string[]>;

/** What a survey link leads to. */
export type LinkState =
  | { kind: 'unknown' }
  | { kind: 'used' | 'expired'; invitation: Invitation }
  | { kind: 'open'; invitation: Invitation; survey: Survey; ticketNumber: string | null };

export type SubmitOutcome =
  | Exclude<LinkState, { kind: 'open' }>
  | { kind: 'invalid'; invitation: Invitation; survey: Survey; ticketNumber: string | null; problems: AnswerProblem[] }
  | { kind: 'recorded'; invitation: Invitation; responseId: string };

/** Tokens are 43 base64url characters; anything else cannot be one (answered as unknown without a query). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

async function ticketNumber(db: Queryable, ticketId: string | null): Promise<string | null> {
  if (!ticketId) return null;
  const ticket = (await loadDocuments(db, 'tickets', [ticketId])).get(ticketId);
  return ticket && typeof ticket.data.number === 'string' ? ticket.data.number : null;
}

async function stateOf(db: Queryable, invitation: Invitation | null): Promise<LinkState> {
  if (!invitation) return { kind: 'unknown' };
  if (invitation.usedAt) return { kind: 'used', invitation };
  if (invitation.expiresAt.getTime() <= Date.now()) return { kind: 'expired', invitation };
  const survey = await findSurveyVersion(db, invitation.surveyId, invitation.surveyVersion);
  if (!survey) return { kind: 'unknown' };
  return { kind: 'open', invitation, survey, ticketNumber: await ticketNumber(db, invitation.ticketId) };
}

/** The state of a survey link, for showing its page. */
export async function openSurveyLink(db: Database, token: string): Promise<LinkState> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' };
  return stateOf(db, await findInvitation(db, hashSurveyToken(token)));
}

/** Answers from the form, typed by the survey's questions (numbers for scales); blank ones left out. */
export function answersFromForm(survey: Survey, fields: FormFields): SurveyAnswer[] {
  const answers: SurveyAnswer[] = [];
  for (const question of survey.questions) {
    const values = fields.get(question.id) ?? [];
    if (values.length === 0) continue;
    if (question.type === 'multiple') answers.push({ questionId: question.id, value: [...values] });
    else if (question.type === 'csat' || question.type === 'nps' || question.type === 'ces') {
      const raw = values[0].trim();
      answers.push({ questionId: question.id, value: /^-?\d{1,6}$/.test(raw) ? Number(raw) : raw });
    } else answers.push({ questionId: question.id, value: values[0] });
  }
  return withoutBlankAnswers(answers);
}

export interface SubmitDeps {
  consoleUrl: string;
}

/**
 * Records the answers of a survey link in ONE transaction: the invitation row is locked (a second submission
 * waits, then finds it used), the answers are validated against the survey version the link names, the response
 * document is written for replication, the token is marked used, and a low score opens its follow-up. Problems
 * are worded in `requestedLanguage`, else the invitation's language.
 */
export async function submitSurveyAnswers(
  db: Database,
  token: string,
  fields: FormFields,
  requestedLanguage: Language | null,
  deps: SubmitDeps,
): Promise<SubmitOutcome> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' };
  const tokenHash = hashSurveyToken(token);
  return db.transaction(async (tx): Promise<SubmitOutcome> => {
    const state = await stateOf(tx, await lockInvitation(tx, tokenHash));
    if (state.kind !== 'open') return state;
    const { invitation, survey } = state;
    const answers = answersFromForm(survey, fields);
    const problems = validateAnswers(survey, answers, requestedLanguage ?? invitation.language);
    if (problems.length > 0) return { ...state, kind: 'invalid', problems };
    const response: SurveyResponse = {
      id: `rsp-${tokenHash.slice(0, 32)}`,
      surveyId: survey.id,
      surveyVersion: survey.version,
      ticketId: invitation.ticketId ?? '',
      respondentId: invitation.respondentId,
      answers,
      submittedAt: Date.now(),
      channel: 'email',
    };
    const doc = { ...response, _deleted: false };
    const schemaProblems = validateDocument('survey_responses', doc, 0);
    if (schemaProblems.length > 0) {
      return {
        ...state,
        kind: 'invalid',
        problems: schemaProblems.map((p) => ({ questionId: '', code: 'wrong_type', message: p.message })),
      };
    }
    await writeServerDocuments(tx, 'survey_responses', [doc]);
    await markInvitationUsed(tx, tokenHash, response.id);
    await recordSurveyAnswered(tx, response);
    const settings = await readSurveySettings(tx);
    await followUpLowScore(tx, { response, template: survey, settings, writtenBy: '', consoleUrl: deps.consoleUrl });
    return { kind: 'recorded', invitation, responseId: response.id };
  });
}
