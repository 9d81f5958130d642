import {
  inSurveySample,
  jsonEqual,
  mailsCaller,
  reachedResolution,
  type Survey,
  type SurveyResponse,
  type Ticket,
  type TicketStatus,
} from '@shared';
import { lockInvitationDecisions } from '../../db/queries/survey-invitations.js';
import { findSurveyVersion, recordSurveyVersion } from '../../db/queries/survey-versions.js';
import type { PushEffect, PushEffectInput } from '../sync/push-effects.js';
import { rejectPush, type Violation } from '../sync/violation.js';
import { followUpLowScore } from './low-score-follow-up.js';
import { recordSurveyAnswered } from './survey-answered-event.js';
import { callerContact } from '../contacts/caller-contact.js';
import { inviteContact } from './survey-invitations.js';
import { readSurveySettings } from './survey-settings.js';
import { surveyToSend } from './survey-to-send.js';

export interface SurveyEffectDeps {
  /** Base URL for links in e-mail. */
  publicUrl: () => string;
}

/**
 * Surveys (already checked before the write: complete when published, a higher version for new questions, see the
 * shared write checks): every version pushed is snapshotted so responses to it stay valid and readable after the
 * template moves on. A version number once recorded with other questions (e.g. deleted and pushed again) is refused.
 */
async function onSurveys({ tx, writes }: PushEffectInput): Promise<void> {
  const violations: Violation[] = [];
  for (const doc of writes) {
    if (doc._deleted) continue;
    const next = doc as unknown as Survey;
    const snapshot = await recordSurveyVersion(tx, next);
    if (!jsonEqual(snapshot.questions, next.questions)) {
      const message = `Version ${next.version} of this survey was already published with other questions: give the new questions a new version.`;
      violations.push({ status: 422, documentId: doc.id, field: 'version', message });
    }
  }
  if (violations.length > 0) throw rejectPush(violations);
}

/**
 * Tickets that became resolved (reachedResolution: closed in the same offline walk too): the caller gets the active
 * survey by e-mail, if the ticket is in the sample, was never surveyed (reopened and resolved again: no second
 * survey) and the caller was not surveyed within the throttle window. Problems are not surveyed (mailsCaller): their
 * linked incidents' callers are. Invitation and e-mail are written in the push's transaction.
 */
async function onTickets({ tx, writes, previous }: PushEffectInput, deps: SurveyEffectDeps): Promise<void> {
  const resolved = writes.filter(
    (doc) =>
      !doc._deleted &&
      mailsCaller(doc as unknown as Ticket) &&
      reachedResolution(previous.get(doc.id)?.status as TicketStatus | undefined, doc.status as TicketStatus),
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
 * Pushed responses, already checked before the write (WRITE_CHECKS in shared: channel, ticket, id, answers): a
 * low score opens a follow-up task and tells the supervisors; the ticket's history records the answer. Side effects only.
 */
async function onResponses({ tx, actor, writes }: PushEffectInput, deps: SurveyEffectDeps): Promise<void> {
  const accepted: { response: SurveyResponse; template: Survey }[] = [];
  for (const doc of writes) {
    if (doc._deleted) continue;
    const response = doc as unknown as SurveyResponse;
    const template = await findSurveyVersion(tx, response.surveyId, response.surveyVersion);
    if (template) accepted.push({ response, template });
  }
  if (accepted.length === 0) return;
  const settings = await readSurveySettings(tx);
  for (const { response, template } of accepted) {
    await recordSurveyAnswered(tx, response);
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
