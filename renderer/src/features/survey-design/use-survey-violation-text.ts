import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useViolationText, type CodedViolation } from '../../ui/violations.js';

/** A template rule's message in the UI language, the language it names ("French wording") in words too. */
export function useSurveyViolationText(): (v: CodedViolation) => string {
  const { t } = useTranslation();
  const text = useViolationText();
  return useCallback(
    (v: CodedViolation) => {
      const language = v.params?.language;
      return text(language ? { ...v, params: { ...v.params, language: t(`surveyDesign.languageName.${language}`) } } : v);
    },
    [t, text],
  );
}
