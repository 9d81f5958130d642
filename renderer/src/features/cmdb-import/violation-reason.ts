import type { CsvRowViolation } from '@shared';
import type { TFunction } from 'i18next';

/**
 * A bad row's reason in the UI language, chosen by its stable code (never by the English message, which is only the
 * fallback for a code this version does not know). Every placeholder gets a value so none shows raw.
 */
export function violationReason(t: TFunction, v: CsvRowViolation): string {
  const params = { column: v.column, value: '', other: '', max: '', rows: '', found: '', expected: '', detail: '', ...v.params };
  return t(`cmdbImport.code.${v.code}`, { ...params, defaultValue: v.message });
}
