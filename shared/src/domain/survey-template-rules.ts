import type { Language } from '../schemas/bilingual.js';
import type { Survey, SurveyQuestion } from '../schemas/survey.js';
import { surveyVersionProblems } from './survey-rules.js';

/** Stable codes of a refused survey template; the UI translates each under `violations.<code>`. */
export const SURVEY_TEMPLATE_CODES = [
  'survey_title_missing',
  'survey_no_questions',
  'survey_label_missing',
  'survey_options_missing',
  'survey_option_label_missing',
  'survey_duplicate_id',
  'survey_version_rule',
] as const;
export type SurveyTemplateCode = (typeof SURVEY_TEMPLATE_CODES)[number];

/** A broken template rule, naming the field (`questions.<i>.label.fr`…) to fix; `message` is the English fallback. */
export interface SurveyTemplateViolation {
  code: SurveyTemplateCode;
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'French' };
const CHOICE_TYPES: ReadonlySet<SurveyQuestion['type']> = new Set(['single', 'multiple']);

function questionViolations(q: SurveyQuestion, i: number): SurveyTemplateViolation[] {
  const out: SurveyTemplateViolation[] = [];
  const n = i + 1;
  for (const lang of ['en', 'fr'] as const)
    if (!q.label[lang].trim())
      out.push({
        code: 'survey_label_missing',
        field: `questions.${i}.label.${lang}`,
        message: `Question ${n} has no ${LANGUAGE_NAMES[lang]} wording.`,
        params: { n, language: lang },
      });
  if (CHOICE_TYPES.has(q.type) && q.options.length < 2)
    out.push({
      code: 'survey_options_missing',
      field: `questions.${i}.options`,
      message: `Question ${n} offers choices: give it at least two.`,
      params: { n },
    });
  q.options.forEach((o, j) => {
    for (const lang of ['en', 'fr'] as const)
      if (!o.label[lang].trim())
        out.push({
          code: 'survey_option_label_missing',
          field: `questions.${i}.options.${j}.label.${lang}`,
          message: `Choice ${j + 1} of question ${n} has no ${LANGUAGE_NAMES[lang]} wording.`,
          params: { n, choice: j + 1, language: lang },
        });
  });
  if (new Set(q.options.map((o) => o.id)).size !== q.options.length)
    out.push({
      code: 'survey_duplicate_id',
      field: `questions.${i}.options`,
      message: `Two choices of question ${n} share an id.`,
      params: { n },
    });
  return out;
}

/**
 * Checks a survey template. A draft may be unfinished; an active (published) one is complete in both languages: a
 * title, at least one question, every question and choice worded in English and French, two choices or more for
 * choice questions, no id used twice. Against the stored one, changed questions need a higher version (responses
 * keep the questions they answered). The designer and the server's push run this same function.
 */
export function surveyTemplateViolations(next: Survey, previous: Survey | undefined): SurveyTemplateViolation[] {
  const out: SurveyTemplateViolation[] = (previous ? surveyVersionProblems(previous, next) : []).map((message) => ({
    code: 'survey_version_rule',
    field: 'version',
    message,
  }));
  if (next.status !== 'active') return out;
  for (const lang of ['en', 'fr'] as const)
    if (!next.title[lang].trim())
      out.push({
        code: 'survey_title_missing',
        field: `title.${lang}`,
        message: `The survey has no ${LANGUAGE_NAMES[lang]} title.`,
        params: { language: lang },
      });
  if (next.questions.length === 0)
    out.push({ code: 'survey_no_questions', field: 'questions', message: 'Add at least one question.' });
  if (new Set(next.questions.map((q) => q.id)).size !== next.questions.length)
    out.push({ code: 'survey_duplicate_id', field: 'questions', message: 'Two questions share an id.', params: { n: 0 } });
  next.questions.forEach((q, i) => out.push(...questionViolations(q, i)));
  return out;
}
