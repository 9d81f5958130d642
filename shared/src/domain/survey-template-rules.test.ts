import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../testing/build-records.js';
import { surveyTemplateViolations } from './survey-template-rules.js';

const codes = (survey: ReturnType<typeof buildSurvey>, previous?: ReturnType<typeof buildSurvey>) =>
  surveyTemplateViolations(survey, previous).map((v) => [v.code, v.field]);

describe('surveyTemplateViolations', () => {
  const complete = buildSurvey({ id: 'srv-t' });

  it('accepts a survey complete in both languages, and an unfinished draft', () => {
    expect(codes(complete)).toEqual([]);
    expect(codes({ ...complete, status: 'draft', title: { en: '', fr: '' }, questions: [] })).toEqual([]);
  });

  it('names each missing French or English wording of a published survey', () => {
    const [csat, choice] = complete.questions;
    const missing = {
      ...complete,
      title: { en: 'Title', fr: ' ' },
      questions: [
        { ...csat, label: { en: 'How satisfied are you?', fr: '' } },
        { ...choice, options: [choice.options[0], { ...choice.options[1], label: { en: '', fr: 'Courriel' } }] },
      ],
    };
    expect(codes(missing)).toEqual([
      ['survey_title_missing', 'title.fr'],
      ['survey_label_missing', 'questions.0.label.fr'],
      ['survey_option_label_missing', 'questions.1.options.1.label.en'],
    ]);
  });

  it('needs a question, two choices for a choice question, and ids used once', () => {
    const [csat, choice] = complete.questions;
    expect(codes({ ...complete, questions: [] })).toEqual([['survey_no_questions', 'questions']]);
    expect(codes({ ...complete, questions: [csat, { ...choice, options: [choice.options[0]] }] })).toEqual([
      ['survey_options_missing', 'questions.1.options'],
    ]);
    expect(codes({ ...complete, questions: [csat, { ...csat }] })).toEqual([['survey_duplicate_id', 'questions']]);
  });

  it('needs a higher version for new questions, drafts included', () => {
    const reworded = { ...complete, questions: [complete.questions[0]] };
    expect(codes(reworded, complete)).toEqual([['survey_version_rule', 'version']]);
    expect(codes({ ...reworded, version: 2 }, complete)).toEqual([]);
    expect(codes({ ...reworded, status: 'draft' }, complete)).toEqual([['survey_version_rule', 'version']]);
  });
});
