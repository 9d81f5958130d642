import { describe, expect, it } from 'vitest';
import type { Survey } from '../schemas/survey.js';
import { activeSurvey, onsiteResponseId, validateSurveyAnswers } from './survey-rules.js';

const label = { en: 'Q', fr: 'Q' };
const survey: Survey = {
  id: 'srv-a',
  title: label,
  version: 2,
  status: 'active',
  updatedAt: 0,
  questions: [
    { id: 'csat', type: 'csat', label, required: true, options: [] },
    { id: 'nps', type: 'nps', label, required: false, options: [] },
    { id: 'ces', type: 'ces', label, required: false, options: [] },
    {
      id: 'one',
      type: 'single',
      label,
      required: false,
      options: [
        { id: 'a', label },
        { id: 'b', label },
      ],
    },
    {
      id: 'many',
      type: 'multiple',
      label,
      required: false,
      options: [
        { id: 'a', label },
        { id: 'b', label },
      ],
    },
    { id: 'text', type: 'text', label, required: true, options: [] },
  ],
};

describe('survey rules', () => {
  it('gives one deterministic on-site response id per ticket', () => {
    expect(onsiteResponseId('t-42')).toBe('rsp-onsite-t-42');
    expect(onsiteResponseId('t-42')).toBe(onsiteResponseId('t-42'));
  });

  it('picks the active survey with the highest version', () => {
    const draft: Survey = { ...survey, id: 'srv-d', version: 9, status: 'draft' };
    const older: Survey = { ...survey, id: 'srv-b', version: 1 };
    expect(activeSurvey([older, draft, survey])?.id).toBe('srv-a');
    expect(activeSurvey([draft])).toBeNull();
  });

  it('requires answers to required questions and accepts a complete, valid set', () => {
    expect(validateSurveyAnswers(survey, []).map((v) => v.field)).toEqual(['csat', 'text']);
    expect(
      validateSurveyAnswers(survey, [
        { questionId: 'text', value: '   ' },
        { questionId: 'csat', value: 4 },
      ]),
    ).toEqual([{ field: 'text', message: 'This question needs an answer.' }]);
    const ok = [
      { questionId: 'csat', value: 5 },
      { questionId: 'nps', value: 0 },
      { questionId: 'ces', value: 7 },
      { questionId: 'one', value: 'b' },
      { questionId: 'many', value: ['a', 'b'] },
      { questionId: 'text', value: 'Merci' },
    ];
    expect(validateSurveyAnswers(survey, ok)).toEqual([]);
  });

  it('refuses out-of-range scores, unknown options and unknown questions', () => {
    const bad = [
      { questionId: 'csat', value: 6 },
      { questionId: 'nps', value: 4.5 },
      { questionId: 'ces', value: 0 },
      { questionId: 'one', value: 'z' },
      { questionId: 'many', value: ['a', 'a'] },
      { questionId: 'text', value: 'fine' },
      { questionId: 'ghost', value: 1 },
    ];
    expect(validateSurveyAnswers(survey, bad).map((v) => v.field)).toEqual(['ghost', 'csat', 'nps', 'ces', 'one', 'many']);
  });
});
