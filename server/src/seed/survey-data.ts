import type { Survey, SurveyResponse, Ticket } from '@shared';
import type { Random } from './random.js';

export const CSAT_SURVEY_ID = 'srv-csat';

/** The active customer-satisfaction survey: CSAT, NPS, CES and a free-text question. */
export function makeSurvey(now: number): Survey {
  return {
    id: CSAT_SURVEY_ID,
    title: { en: 'How did we do?', fr: 'Comment avons-nous fait?' },
    version: 1,
    status: 'active',
    questions: [
      {
        id: 'q-csat',
        type: 'csat',
        required: true,
        options: [],
        label: {
          en: 'How satisfied are you with the resolution of your ticket?',
          fr: 'Dans quelle mesure êtes-vous satisfait de la résolution de votre billet?',
        },
      },
      {
        id: 'q-nps',
        type: 'nps',
        required: false,
        options: [],
        label: {
          en: 'How likely are you to recommend the Service Desk to a colleague?',
          fr: 'Quelle est la probabilité que vous recommandiez le Centre de services à un collègue?',
        },
      },
      {
        id: 'q-ces',
        type: 'ces',
        required: false,
        options: [],
        label: {
          en: 'How easy was it to get your issue resolved?',
          fr: 'Dans quelle mesure a-t-il été facile de faire régler votre problème?',
        },
      },
      {
        id: 'q-comment',
        type: 'text',
        required: false,
        options: [],
        label: { en: 'Anything we could do better?', fr: 'Que pourrions-nous améliorer?' },
      },
    ],
    updatedAt: now,
  };
}

const REMARKS = [
  'Quick and friendly, thanks!',
  'Merci, service rapide et courtois.',
  'It took two calls to get it fixed.',
  'Il a fallu attendre le technicien deux jours.',
  '',
];

/** A response to the survey about a closed ticket, from its caller. */
export function makeResponse(rng: Random, ticket: Ticket, now: number): SurveyResponse {
  const comment = rng.pick(REMARKS);
  return {
    id: `rsp-${ticket.id.slice(4)}`,
    surveyId: CSAT_SURVEY_ID,
    surveyVersion: 1,
    ticketId: ticket.id,
    respondentId: ticket.callerId,
    answers: [
      {
        questionId: 'q-csat',
        value: rng.weighted([
          [5, 45],
          [4, 30],
          [3, 12],
          [2, 8],
          [1, 5],
        ]),
      },
      { questionId: 'q-nps', value: rng.int(0, 10) },
      { questionId: 'q-ces', value: rng.int(1, 7) },
      ...(comment ? [{ questionId: 'q-comment', value: comment }] : []),
    ],
    submittedAt: Math.min(now, ticket.updatedAt + rng.int(1, 72) * 3_600_000),
    channel: rng.pick(['email', 'portal', 'onsite'] as const),
  };
}
