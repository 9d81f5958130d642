import type { RuleViolation } from '@shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The shared article rules' violations as sentences in the UI language. */
export function useArticleViolationText() {
  const { t } = useTranslation();
  return useCallback(
    (v: RuleViolation): string => {
      if (v.field === 'title' && /English and in French/.test(v.message)) return t('kb.errors.bilingualTitle');
      if (v.field === 'body' && /English and in French/.test(v.message)) return t('kb.errors.bilingualBody');
      if (v.field === 'title') return t('kb.errors.title');
      if (v.field === 'status' || v.field === 'version') return t('kb.errors.lifecycle');
      if (v.field === 'body') return t('kb.errors.frozen');
      return t('violations.other', { message: v.message });
    },
    [t],
  );
}
