import { describe, expect, it } from 'vitest';
import type { Survey, SurveyQuestion, SurveyResponse } from '../schemas/survey.js';
import {
  DEFAULT_LOW_SCORE,
  activeSurvey,
  SURVEY_TEXT_MAX,
  inSurveySample,
  isLowScore,
  onsiteResponseId,
  surveyVersionProblems,
  validateAnswers,
} from './survey-rules.js';

const q = (id: string, type: SurveyQuestion['type'], required = false, options: string[] = []): SurveyQuestion => ({
  id,
  type,
  required,
  label: { en: `Question ${id}`, fr: `Question ${id} (fr)` },
  options: options.map((o) => ({ id: o, label: { en: o, fr: o } })),
});

const survey: Survey = {
  id: 'srv-test',
  title: { en: 'Test', fr: 'Test' },
  version: 3,
  status: 'active',
  updatedAt: 0,
  questions: [
    q('csat', 'csat', true),
    q('nps', 'nps'),
    q('ces', 'ces'),
    q('pick', 'single', false, ['a', 'b']),
    q('many', 'multiple', false, ['x', 'y', 'z']),
    q('text', 'text'),
  ],
};

describe('validateAnswers', () => {
  it('accepts answers of the right type and range, optional questions left out', () => {
    expect(validateAnswers(survey, [{ questionId: 'csat', value: 1 }])).toEqual([]);
    expect(
      validateAnswers(survey, [
        { questionId: 'csat', value: 5 },
        { questionId: 'nps', value: 0 },
        { questionId: 'ces', value: 7 },
        { questionId: 'pick', value: 'b' },
        { questionId: 'many', value: ['x', 'z'] },
        { questionId: 'text', value: 'x'.repeat(SURVEY_TEXT_MAX) },
      ]),
    ).toEqual([]);
  });

  it('names the question of every problem, in the language asked for', () => {
    const problems = validateAnswers(survey, [
      { questionId: 'nps', value: 11 },
      { questionId: 'ces', value: 2.5 },
      { questionId: 'pick', value: 'c' },
      { questionId: 'many', value: ['x', 'x'] },
      { questionId: 'text', value: 'x'.repeat(SURVEY_TEXT_MAX + 1) },
      { questionId: 'ghost', value: 1 },
    ]);
    expect(problems.map((p) => [p.questionId, p.code])).toEqual([
      ['nps', 'out_of_range'],
      ['ces', 'out_of_range'],
      ['pick', 'unknown_option'],
      ['many', 'duplicate'],
      ['text', 'too_long'],
      ['ghost', 'unknown_question'],
      ['csat', 'required'],
    ]);
    expect(problems[0].message).toBe('The question "Question nps" needs a whole number from 0-10.');
    expect(problems[6].message).toBe('The question "Question csat" needs an answer.');
    const fr = validateAnswers(survey, [{ questionId: 'csat', value: '4' }], 'fr');
    expect(fr).toEqual([
      { questionId: 'csat', code: 'wrong_type', message: 'La question "Question csat (fr)" demande un nombre entier de 1-5.' },
    ]);
  });

  it('treats blank text and empty choices as unanswered, and refuses a question answered twice', () => {
    expect(validateAnswers(survey, [{ questionId: 'csat', value: '  ' }]).map((p) => p.code)).toEqual(['required']);
    expect(
      validateAnswers(survey, [
        { questionId: 'csat', value: 3 },
        { questionId: 'many', value: [] },
      ]),
    ).toEqual([]);
    expect(
      validateAnswers(survey, [
        { questionId: 'csat', value: 3 },
        { questionId: 'csat', value: 4 },
      ]).map((p) => p.code),
    ).toEqual(['duplicate']);
    expect(
      validateAnswers(survey, [
        { questionId: 'csat', value: 3 },
        { questionId: 'many', value: 'x' },
      ]).map((p) => p.code),
    ).toEqual(['wrong_type']);
  });
});

describe('onsiteResponseId', () => {
  it('is rsp-onsite-<ticketId>, within the 40-character id limit for uuids and long ids alike', () => {
    expect(onsiteResponseId('tkt-000123')).toBe('rsp-onsite-tkt-000123');
    const uuid = '3f2b8c1e-9d4a-4e7b-8c21-5a6f7e8d9c0b';
    expect(onsiteResponseId(uuid)).toBe(onsiteResponseId(uuid.toUpperCase()));
    expect(onsiteResponseId(uuid)).toMatch(/^rsp-onsite-[A-Za-z0-9_-]{22}$/);
    expect(onsiteResponseId(uuid)).not.toBe(onsiteResponseId('3f2b8c1e-9d4a-4e7b-8c21-5a6f7e8d9c0c'));
    const long = 'x'.repeat(40);
    expect(onsiteResponseId(long)).toMatch(/^rsp-onsite-[0-9a-f]{16}$/);
    expect(onsiteResponseId(long).length).toBeLessThanOrEqual(40);
  });
});

describe('inSurveySample', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `ticket-${i}`);
  it('is deterministic per ticket, none at 0, all at 1, about the rate in between', () => {
    expect(ids.some((id) => inSurveySample(id, 0))).toBe(false);
    expect(ids.every((id) => inSurveySample(id, 1))).toBe(true);
    const picked = ids.filter((id) => inSurveySample(id, 0.3));
    expect(picked.length / ids.length).toBeGreaterThan(0.25);
    expect(picked.length / ids.length).toBeLessThan(0.35);
    expect(ids.filter((id) => inSurveySample(id, 0.3))).toEqual(picked);
    // A higher rate keeps every ticket a lower rate picked.
    expect(picked.every((id) => inSurveySample(id, 0.6))).toBe(true);
  });
});

describe('isLowScore and surveyVersionProblems', () => {
  const response = (answers: SurveyResponse['answers']): SurveyResponse => ({
    id: 'r',
    surveyId: survey.id,
    surveyVersion: 3,
    ticketId: 't',
    respondentId: 'u',
    answers,
    submittedAt: 0,
    channel: 'email',
  });
  it('flags CSAT <= 2 or NPS <= 6 by default, with the shared scoring rules', () => {
    expect(isLowScore(response([{ questionId: 'csat', value: 2 }]), survey, DEFAULT_LOW_SCORE)).toBe(true);
    expect(
      isLowScore(
        response([
          { questionId: 'csat', value: 3 },
          { questionId: 'nps', value: 6 },
        ]),
        survey,
        DEFAULT_LOW_SCORE,
      ),
    ).toBe(true);
    expect(
      isLowScore(
        response([
          { questionId: 'csat', value: 3 },
          { questionId: 'nps', value: 7 },
        ]),
        survey,
        DEFAULT_LOW_SCORE,
      ),
    ).toBe(false);
    expect(isLowScore(response([{ questionId: 'csat', value: 3 }]), survey, { csatAtMost: 3, npsAtMost: -1 })).toBe(true);
  });

  it('requires a version bump for changed questions and never a lower version', () => {
    const next = { ...survey, questions: survey.questions.slice(1) };
    expect(surveyVersionProblems(survey, next)[0]).toMatch(/set "version" to 4/);
    expect(surveyVersionProblems(survey, { ...next, version: 4 })).toEqual([]);
    expect(surveyVersionProblems(survey, { ...survey, version: 2 })[0]).toMatch(/cannot go down/);
    expect(surveyVersionProblems(survey, { ...survey })).toEqual([]);
  });
});

describe('activeSurvey', () => {
  it('picks the active survey with the highest version', () => {
    const make = (id: string, version: number, status: Survey['status']): Survey => ({
      id,
      title: { en: 'Q', fr: 'Q' },
      version,
      status,
      updatedAt: 0,
      questions: [q('csat', 'csat', true)],
    });
    const current = make('srv-a', 2, 'active');
    expect(activeSurvey([make('srv-b', 1, 'active'), make('srv-d', 9, 'draft'), current])?.id).toBe('srv-a');
    expect(activeSurvey([make('srv-d', 9, 'draft')])).toBeNull();
  });
});
