import { buildSurvey } from '@shared/testing/build-records.js';
import { describe, expect, it } from 'vitest';
import { emptySurvey, forSaving, moveItem, newQuestion, publishGaps, withType } from './survey-draft.js';

let n = 0;
const ids = () => String(++n);

describe('survey drafts', () => {
  it('starts choice questions with two choices and scales required', () => {
    expect(newQuestion('single', ids).options).toHaveLength(2);
    expect(newQuestion('nps', ids)).toMatchObject({ required: true, options: [] });
    expect(newQuestion('text', ids).required).toBe(false);
    expect(withType(newQuestion('multiple', ids), 'csat', ids).options).toEqual([]);
  });

  it('moves a question up and down within the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });

  it('gives changed questions the next version and keeps it for a title change', () => {
    const stored = buildSurvey({ version: 3 });
    expect(forSaving({ ...stored, title: { en: 'New', fr: 'Nouveau' } }, stored, 'active').version).toBe(3);
    expect(forSaving({ ...stored, questions: stored.questions.slice(1) }, stored, 'active').version).toBe(4);
    expect(forSaving(emptySurvey('srv-new'), undefined, 'draft').version).toBe(1);
  });

  it('lists what keeps an unfinished draft from being published', () => {
    const draft = { ...emptySurvey('srv-x'), title: { en: 'Hi', fr: '' }, questions: [newQuestion('csat', ids)] };
    expect(publishGaps(draft).map((v) => v.field)).toEqual(['title.fr', 'questions.0.label.en', 'questions.0.label.fr']);
  });
});
