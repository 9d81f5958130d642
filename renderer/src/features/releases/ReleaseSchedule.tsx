import { Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { saveReleaseSchedule, useDb } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines, SavedMark } from '../problems/FormFeedback.js';
import { toLocalInput } from '../problems/RootCauseForm.js';

const WINDOW_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const;
type WindowField = (typeof WINDOW_FIELDS)[number];

// An emptied input clears the time (undefined), as the change plan's window does.
const fromLocalInput = (value: string): number | undefined => {
  const at = new Date(value).getTime();
  return value !== '' && Number.isFinite(at) ? at : undefined;
};

/** The release's planned and actual windows, in the device's local time, saved in one write. */
export function ReleaseSchedule({ release }: { release: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [values, setValues] = useState<Record<WindowField, string>>(
    () =>
      Object.fromEntries(
        WINDOW_FIELDS.map((f) => {
          const at = release[f];
          return [f, at ? toLocalInput(at) : ''];
        }),
      ) as Record<WindowField, string>,
  );
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    const schedule = Object.fromEntries(WINDOW_FIELDS.map((f) => [f, fromLocalInput(values[f])]));
    const violations = await saveReleaseSchedule(db, release.id, schedule, user);
    setErrors(violations.map(text));
    setSaved(violations.length === 0);
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="release-schedule-title" data-testid="release-schedule">
      <Title order={4} size="h6" id="release-schedule-title">
        {t('releases.scheduleTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {WINDOW_FIELDS.map((f) => (
          <TextInput
            key={f}
            type="datetime-local"
            label={t(`releases.window.${f}`)}
            value={values[f]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((current) => ({ ...current, [f]: value }));
              setSaved(false);
            }}
            data-testid={`release-${f}`}
          />
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Button size="compact-sm" onClick={() => void save()} data-testid="release-schedule-save">
          {t('releases.saveSchedule')}
        </Button>
        <SavedMark saved={saved} />
      </Group>
      <ErrorLines errors={errors} />
    </Stack>
  );
}
