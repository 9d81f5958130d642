import { Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { TICKET_TEXT_LIMITS } from '@shared';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../data/index.js';
import type { useCreateForm } from './use-create-form.js';

type Form = ReturnType<typeof useCreateForm>;

/** The caller: a person from the directory (searchable by name or e-mail), or a new contact. */
export function CallerFields({ form, directory, errors }: { form: Form; directory: Directory; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const { values, set } = form;
  const options = directory.users.map((u) => ({ value: u.id, label: u.email ? `${u.name} <${u.email}>` : u.name }));
  return (
    <Stack gap="xs">
      {!values.newContact && (
        <Select
          label={t('create.caller')}
          placeholder={t('create.callerPlaceholder')}
          data={options}
          value={values.callerId || null}
          onChange={(v) => set('callerId', v ?? '')}
          searchable
          clearable
          limit={50}
          error={errors.callerName}
          data-testid="create-caller"
        />
      )}
      <Checkbox
        label={t('create.newContact')}
        checked={values.newContact}
        onChange={(e) => set('newContact', e.currentTarget.checked)}
        data-testid="create-new-contact"
      />
      {values.newContact && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('create.callerName')}
            value={values.callerName}
            onChange={(e) => set('callerName', e.currentTarget.value)}
            error={errors.callerName}
            required
            maxLength={TICKET_TEXT_LIMITS.callerName}
            data-testid="create-caller-name"
          />
          <TextInput
            label={t('create.callerEmail')}
            type="email"
            value={values.callerEmail}
            onChange={(e) => set('callerEmail', e.currentTarget.value)}
            error={errors.callerEmail}
            required
            maxLength={TICKET_TEXT_LIMITS.callerEmail}
            data-testid="create-caller-email"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
