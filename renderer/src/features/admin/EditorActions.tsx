import { Alert, Button, Group, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Save and cancel under an administration form, with every refusal listed (announced to screen readers). */
export function EditorActions({
  prefix,
  messages,
  saving,
  readOnly,
  onCancel,
}: {
  prefix: string;
  messages: readonly string[];
  saving: boolean;
  readOnly: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {messages.length > 0 && (
        <Alert color="red" role="alert" title={t('admin.notSaved')} data-testid={`${prefix}-errors`}>
          <List size="sm">
            {messages.map((m, i) => (
              <List.Item key={i}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        {!readOnly && (
          <Button type="submit" loading={saving} data-testid={`${prefix}-save`}>
            {t('admin.save')}
          </Button>
        )}
        <Button variant="default" onClick={onCancel} data-testid={`${prefix}-cancel`}>
          {readOnly ? t('admin.close') : t('admin.cancel')}
        </Button>
      </Group>
    </>
  );
}
