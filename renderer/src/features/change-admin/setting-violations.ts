import type { SettingViolation } from '@shared';
import type { TFunction } from 'i18next';
import { violationText } from '../../ui/violations.js';

/** The form field a violation belongs to ('data.plan.backout' → 'plan.backout'). */
export function fieldOf(v: SettingViolation): string {
  return v.field.replace(/^data\./, '');
}

/**
 * A change setting's violation in the UI language. A malformed value is explained by its field when the screen has
 * words for it (the shared message is zod's English); other codes by their own key, then the shared violation texts.
 */
export function settingViolationText(t: TFunction, v: SettingViolation): string {
  const keys =
    v.code === 'change.setting.shape'
      ? [`changeAdmin.shape.${fieldOf(v).replace(/\./g, '_')}`, 'changeAdmin.violation.change_setting_shape']
      : [`changeAdmin.violation.${v.code.replace(/\./g, '_')}`];
  for (const key of keys) if (t(key, { defaultValue: '' }) !== '') return t(key);
  return violationText(t, v);
}

/** The first violation's text for each field ('' for the whole document). */
export function settingErrors(violations: readonly SettingViolation[], t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of violations) out[fieldOf(v)] ??= settingViolationText(t, v);
  return out;
}
