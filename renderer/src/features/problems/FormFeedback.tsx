import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A form's refusals, one line each, announced to screen readers (dark red: Mantine's red fails WCAG AA on white). */
export function ErrorLines({ errors }: { errors: readonly string[] }) {
  return (
    <>
      {errors.map((e) => (
        <Text key={e} size="sm" c="red.9" role="alert">
          {e}
        </Text>
      ))}
    </>
  );
}

/** "Saved" beside a form's button once its last save went through. */
export function SavedMark({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  if (!saved) return null;
  return (
    <Text size="sm" role="status">
      {t('problems.saved')}
    </Text>
  );
}
