import type { Survey } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { submitOnsiteFeedback } from './survey-response.js';

const label = { en: 'Q', fr: 'Q' };
const survey: Survey = {
  id: 'srv-csat',
  title: label,
  version: 3,
  status: 'active',
  updatedAt: 0,
  questions: [
    { id: 'q-csat', type: 'csat', label, required: true, options: [] },
    { id: 'q-comment', type: 'text', label, required: false, options: [] },
  ],
};
const ticket = { id: 't-9', callerId: 'usr-0002' };

describe('on-site feedback', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('refuses a missing required answer and writes nothing', async () => {
    const result = await submitOnsiteFeedback(db, { ticket, survey, answers: [{ questionId: 'q-comment', value: 'ok' }] });
    expect(result.violations.map((v) => v.questionId)).toEqual(['q-csat']);
    expect(await db.survey_responses.count().exec()).toBe(0);
  });

  it('writes one on-site response per ticket, with the ticket-derived id, and never a second one', async () => {
    const first = await submitOnsiteFeedback(
      db,
      {
        ticket,
        survey,
        answers: [
          { questionId: 'q-csat', value: 5 },
          { questionId: 'q-comment', value: '  ' },
        ],
      },
      1000,
    );
    expect(first.response).toEqual({
      id: 'rsp-onsite-t-9',
      surveyId: 'srv-csat',
      surveyVersion: 3,
      ticketId: 't-9',
      respondentId: 'usr-0002',
      answers: [{ questionId: 'q-csat', value: 5 }],
      submittedAt: 1000,
      channel: 'onsite',
    });
    const again = await submitOnsiteFeedback(db, { ticket, survey, answers: [{ questionId: 'q-csat', value: 1 }] });
    expect(again).toMatchObject({ response: null, alreadyRecorded: true });
    const stored = await db.survey_responses.find().exec();
    expect(stored.map((d) => d.answers[0].value)).toEqual([5]);
  });
});
