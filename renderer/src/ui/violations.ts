import type { RuleViolation } from '@shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Turns the shared rules' violations into sentences in the UI language, keyed by the field they concern. */
export function useViolationText() {
  const { t } = useTranslation();
  return useCallback(
    (v: RuleViolation): string => {
      switch (v.field) {
        case 'status':
          return t('violations.status');
        case 'pendingReason':
          return t('violations.pendingReason');
        case 'resolutionCode':
          return t('violations.resolutionCode');
        case 'resolutionNotes':
          return t('violations.resolutionNotes');
        case 'groupId':
          return t('violations.groupId');
        case 'priority':
          return t('violations.priority');
        case 'title':
          return t('violations.title');
        case 'body':
          return t('violations.body');
        case 'minutes':
          return t('violations.minutes');
        default:
          return t('violations.other', { message: v.message });
      }
    },
    [t],
  );
}

/** The first violation's text for each field. */
export function byField(violations: RuleViolation[], text: (v: RuleViolation) => string): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const v of violations) out[v.field] ??= text(v);
  return out;
}
