import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Any shared rule's violation: a ticket rule, a write check, a directory or settings rule. */
export interface CodedViolation {
  code: string;
  field: string;
  message: string;
  params?: Readonly<Record<string, string | number>>;
}

/** A shared rule's violation as a sentence in the UI language, chosen by its stable code (never by field or text). */
export function violationText(t: TFunction, v: CodedViolation): string {
  const key = `violations.${v.code}`;
  return t(key, { ...v.params, message: v.message, defaultValue: t('violations.other', { message: v.message }) });
}

/** `violationText` bound to the UI language. */
export function useViolationText() {
  const { t } = useTranslation();
  return useCallback((v: CodedViolation): string => violationText(t, v), [t]);
}

/** The first violation's text for each field. */
export function byField<V extends CodedViolation>(
  violations: readonly V[],
  text: (v: V) => string,
): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const v of violations) out[v.field] ??= text(v);
  return out;
}
