import { Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Level, Priority } from '@shared';
import { TICKET_TEXT_LIMITS } from '@shared';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../ui/labels.js';
import { levelOptions } from '../tickets/options.js';
import type { useCreateForm } from './use-create-form.js';

type Form = ReturnType<typeof useCreateForm>;

/** Impact and urgency, the priority they give (shared matrix, live), and an override that needs a reason. */
export function PriorityFields({ form, errors }: { form: Form; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { values, set } = form;
  const priorities = ([1, 2, 3, 4, 5] as Priority[]).map((p) => ({ value: String(p), label: labels.priority[p] }));
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('ticket.impact')}
          data={levelOptions(labels)}
          value={String(values.impact)}
          onChange={(s) => s && set('impact', Number(s) as Level)}
          allowDeselect={false}
          data-testid="create-impact"
        />
        <Select
          label={t('ticket.urgency')}
          data={levelOptions(labels)}
          value={String(values.urgency)}
          onChange={(s) => s && set('urgency', Number(s) as Level)}
          allowDeselect={false}
          data-testid="create-urgency"
        />
        {values.override ? (
          <Select
            label={t('ticket.priority')}
            data={priorities}
            value={String(values.priority)}
            onChange={(s) => s && set('priority', Number(s) as Priority)}
            allowDeselect={false}
            data-testid="create-priority"
          />
        ) : (
          <TextInput
            label={t('ticket.priority')}
            value={labels.priority[form.computed]}
            readOnly
            description={t('ticket.priorityHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data-testid="create-priority"
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('create.override')}
        checked={values.override}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          set('override', on);
          if (on) set('priority', form.computed);
        }}
        data-testid="create-override"
      />
      {values.override && (
        <TextInput
          label={t('create.overrideReason')}
          value={values.overrideReason}
          onChange={(e) => set('overrideReason', e.currentTarget.value)}
          error={errors.priorityOverrideReason}
          required
          maxLength={TICKET_TEXT_LIMITS.priorityOverrideReason}
          data-testid="create-override-reason"
        />
      )}
    </Stack>
  );
}
