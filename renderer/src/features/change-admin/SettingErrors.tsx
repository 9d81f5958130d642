import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The refusals of a save not shown next to a field (or all of them when the form shows none by field). */
export function SettingErrors({
  errors,
  shownByField,
  testId,
}: {
  errors: Record<string, string>;
  shownByField: readonly string[];
  testId: string;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  const rest = entries.filter(([field]) => !shownByField.includes(field));
  return (
    <Alert color="red" role="alert" data-testid={testId} title={t('changeAdmin.notSaved')}>
      {rest.map(([field, message]) => (
        <Text key={field} size="sm">
          {message}
        </Text>
      ))}
    </Alert>
  );
}
