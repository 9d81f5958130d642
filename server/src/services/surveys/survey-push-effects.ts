import {
  canSeeTicket,
  onsiteResponseId,
  surveyVersionProblems,
  validateAnswers,
  inSurveySample,
  jsonEqual,
  type Survey,
  type SurveyResponse,
  type Ticket,
} from '@shared';
import { loadDocuments } from '../../db/queries/documents.js';
import { lockInvitationDecisions } from '../../db/queries/survey-invitations.js';
import { findSurveyVersion, recordSurveyVersion } from '../../db/queries/survey-versions.js';
import type { PushEffect, PushEffectInput } from '../sync/push-effects.js';
import { rejectPush, type Violation } from '../sync/violation.js';
import { followUpLowScore } from './low-score-follow-up.js';
import { callerContact } from '../contacts/caller-contact.js';
import { inviteContact } from './survey-invitations.js';
import { readSurveySettings } from './survey-settings.js';
import { surveyToSend } from './survey-to-send.js';

export interface SurveyEffectDeps {
  /** Base URL for links in e-mail. */
  publicUrl: () => string;
}

/**
 * Surveys: a changed question list needs a higher version (422 otherwise), and every version pushed is
 * snapshotted so responses to it stay valid and readable after the template moves on.
 */
async function onSurveys({ tx, writes, previous }: PushEffectInput): Promise<void> {
  const violations: Violation[] = [];
  for (const doc of writes) {
    if (doc._deleted) continue;
    const next = doc as unknown as Survey;
    const before = previous.get(doc.id);
    const problems = before && !before._deleted ? surveyVersionProblems(before as unknown as Survey, next) : [];
    const snapshot = await recordSurveyVersion(tx, next);
    if (problems.length === 0 && !jsonEqual(snapshot.questions, next.questions)) {
      problems.push(
        `Version ${next.version} of this survey was already published with other questions: give the new questions a new version.`,
      );
    }
    for (const message of problems) violations.push({ status: 422, documentId: doc.id, field: 'version', message });
  }
  if (violations.length > 0) throw rejectPush(violations);
}

/**
 * Tickets that became resolved: the caller gets the active survey by e-mail, if the ticket is in the sample,
 * was never surveyed (reopened and resolved again: no second survey) and the caller was not surveyed within the
 * throttle window. Invitation and e-mail are written in the push's transaction.
 */
async function onTickets({ tx, writes, previous }: PushEffectInput, deps: SurveyEffectDeps): Promise<void> {
  const resolved = writes.filter(
    (doc) => !doc._deleted && doc.status === 'resolved' && previous.get(doc.id)?.status !== 'resolved',
  );
  if (resolved.length === 0) return;
  const settings = await readSurveySettings(tx);
  const sampled = resolved.filter((doc) => inSurveySample(doc.id, settings.samplingRate));
  if (sampled.length === 0) return;
  await lockInvitationDecisions(tx);
  const survey = await surveyToSend(tx, settings);
  if (!survey) return;
  for (const doc of sampled) {
    const ticket = doc as unknown as Ticket;
    const contact = await callerContact(tx, ticket);
    if (!contact) continue;
    await inviteContact(tx, { survey, contact, ticket, settings, publicUrl: deps.publicUrl() });
  }
}

/**
 * Pushed responses (on-site, portal): validated against the survey version they answered (422 naming the
 * question), only about a ticket the pusher can see (403), one on-site response per ticket under the id
 * `onsiteResponseId(ticketId)` so a retried or doubled submission is the same document; e-mail responses come
 * from the survey link only. A low score opens a follow-up task and tells the supervisors.
 */
async function onResponses({ tx, actor, writes }: PushEffectInput, deps: SurveyEffectDeps): Promise<void> {
  const violations: Violation[] = [];
  const accepted: { response: SurveyResponse; template: Survey }[] = [];
  const tickets = await loadDocuments(
    tx,
    'tickets',
    writes.map((doc) => String(doc.ticketId)),
  );
  for (const doc of writes) {
    const response = doc as unknown as SurveyResponse;
    const problem = (status: 403 | 422, field: string, message: string, retryable = false): void => {
      violations.push({ status, documentId: doc.id, field, message, ...(retryable ? { retryable } : {}) });
    };
    if (response.channel === 'email') {
      problem(
        403,
        'channel',
        'E-mail responses are recorded by the server from the survey link; record on-site responses with channel "onsite".',
      );
      continue;
    }
    const stored = tickets.get(response.ticketId);
    if (!stored || stored.deleted) {
      problem(
        422,
        'ticketId',
        `Ticket "${response.ticketId}" does not exist on the server; push the ticket before its survey response.`,
        true,
      );
      continue;
    }
    if (!canSeeTicket(actor, stored.data as unknown as Ticket)) {
      problem(403, 'ticketId', `You cannot see ticket "${response.ticketId}", so you cannot record a survey response for it.`);
      continue;
    }
    if (response.channel === 'onsite' && doc.id !== onsiteResponseId(response.ticketId)) {
      problem(
        422,
        'id',
        `An on-site response is the ticket's only one: its id must be "${onsiteResponseId(response.ticketId)}" (onsiteResponseId).`,
      );
      continue;
    }
    const template = await findSurveyVersion(tx, response.surveyId, response.surveyVersion);
    if (!template) {
      problem(422, 'surveyVersion', `Survey "${response.surveyId}" has no version ${response.surveyVersion} on the server.`);
      continue;
    }
    const answerProblems = validateAnswers(template, response.answers);
    for (const p of answerProblems) problem(422, `answers.${p.questionId}`, p.message);
    if (answerProblems.length === 0) accepted.push({ response, template });
  }
  if (violations.length > 0) throw rejectPush(violations);
  if (accepted.length === 0) return;
  const settings = await readSurveySettings(tx);
  for (const { response, template } of accepted) {
    await followUpLowScore(tx, { response, template, settings, writtenBy: actor.id, consoleUrl: deps.publicUrl() });
  }
}

/** The survey rules that run inside push transactions (surveys, resolved tickets, pushed responses). */
export function surveyPushEffect(deps: SurveyEffectDeps): PushEffect {
  return async (input) => {
    if (input.collection === 'surveys') await onSurveys(input);
    else if (input.collection === 'tickets') await onTickets(input, deps);
    else if (input.collection === 'survey_responses') await onResponses(input, deps);
  };
}
