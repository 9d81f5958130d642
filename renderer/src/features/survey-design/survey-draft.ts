import { jsonEqual, surveyTemplateViolations, type QuestionType, type Survey, type SurveyQuestion } from '@shared';

const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple'];

/** A new, empty draft template. */
export function emptySurvey(id: string): Survey {
  return { id, title: { en: '', fr: '' }, version: 1, status: 'draft', questions: [], updatedAt: 0 };
}

/** A new question of a type: scales start required, choice questions with two empty choices. */
export function newQuestion(type: QuestionType, newId: () => string): SurveyQuestion {
  const choice = () => ({ id: `o-${newId()}`, label: { en: '', fr: '' } });
  return {
    id: `q-${newId()}`,
    type,
    label: { en: '', fr: '' },
    required: type === 'csat' || type === 'nps' || type === 'ces',
    options: CHOICE_TYPES.includes(type) ? [choice(), choice()] : [],
  };
}

/** The question changed to another type: choices kept for choice types, dropped for the others. */
export function withType(q: SurveyQuestion, type: QuestionType, newId: () => string): SurveyQuestion {
  if (!CHOICE_TYPES.includes(type)) return { ...q, type, options: [] };
  return { ...q, type, options: q.options.length > 0 ? q.options : newQuestion(type, newId).options };
}

/** `list` with the item at `from` moved to `to` (clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

/**
 * The template as it will be saved with `status`: changed questions take the next version (responses keep the
 * questions they answered, and the server snapshots every version it receives), unchanged ones keep theirs.
 */
export function forSaving(draft: Survey, stored: Survey | undefined, status: Survey['status']): Survey {
  const version =
    stored && !jsonEqual(stored.questions, draft.questions) ? stored.version + 1 : (stored?.version ?? draft.version);
  return { ...draft, status, version };
}

/** What keeps this template from being published (missing wording in either language, too few choices…), live. */
export function publishGaps(draft: Survey) {
  return surveyTemplateViolations({ ...draft, status: 'active' }, undefined);
}
