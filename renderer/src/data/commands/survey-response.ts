import {
  onsiteResponseId,
  validateAnswers,
  withoutBlankAnswers,
  type AnswerValue,
  type AnswerProblem,
  type Survey,
  type SurveyResponse,
  type Ticket,
} from '@shared';
import type { DeskDatabase } from '../types.js';

export interface OnsiteFeedback {
  ticket: Pick<Ticket, 'id' | 'callerId'>;
  survey: Survey;
  answers: { questionId: string; value: AnswerValue }[];
}

export interface OnsiteFeedbackResult {
  response: SurveyResponse | null;
  violations: AnswerProblem[];
  /** True when this ticket already had its on-site response (nothing was written). */
  alreadyRecorded: boolean;
}

/**
 * Records a customer's on-site answers about a ticket on this device (replicated when online). The id is derived
 * from the ticket, so the ticket's feedback is counted once: a second submission writes nothing.
 */
export async function submitOnsiteFeedback(
  db: DeskDatabase,
  input: OnsiteFeedback,
  now = Date.now(),
): Promise<OnsiteFeedbackResult> {
  const answers = withoutBlankAnswers(input.answers);
  const violations = validateAnswers(input.survey, answers);
  if (violations.length > 0) return { response: null, violations, alreadyRecorded: false };
  const id = onsiteResponseId(input.ticket.id);
  if (await db.survey_responses.findOne(id).exec()) return { response: null, violations: [], alreadyRecorded: true };
  const response: SurveyResponse = {
    id,
    surveyId: input.survey.id,
    surveyVersion: input.survey.version,
    ticketId: input.ticket.id,
    respondentId: input.ticket.callerId,
    answers: answers.map((a) => ({ questionId: a.questionId, value: typeof a.value === 'string' ? a.value.trim() : a.value })),
    submittedAt: now,
    channel: 'onsite',
  };
  await db.survey_responses.insert(response);
  return { response, violations: [], alreadyRecorded: false };
}
