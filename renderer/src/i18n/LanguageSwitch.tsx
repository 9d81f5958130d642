import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, useLanguage } from './index.js';

/** A native select (values `en` / `fr`) so keyboards, screen readers and tests can all pick a language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language-switch"
      size="xs"
      value={lang}
      onChange={(e) => setLanguage(e.currentTarget.value === 'fr' ? 'fr' : 'en')}
      data={[
        { value: 'en', label: 'English' },
        { value: 'fr', label: 'Français' },
      ]}
    />
  );
}
