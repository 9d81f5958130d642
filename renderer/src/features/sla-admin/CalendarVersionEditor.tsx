import {
  SLA_EXCEPTION_REASON_MAX as EXCEPTION_REASON_MAX,
  SLA_EXCEPTIONS_MAX as EXCEPTIONS_MAX,
  SLA_TIME_ZONE_MAX,
} from '@shared';
import { ActionIcon, Alert, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { BusinessCalendar, SettingViolation } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { saveSlaSetting } from '../../data/commands/sla-settings.js';
import { useDb } from '../../data/provider.js';
import {
  calendarWithNewVersion,
  versionFormFrom,
  withExceptionRow,
  withoutExceptionRow,
  type CalendarVersionForm,
  type ExceptionRow,
} from './calendar-form.js';
import { fieldErrors } from './policy-form.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Adds a version to a calendar from a future date (earlier days keep their hours: history is never rewritten),
 * checked by the shared calendar rules before anything is written. Administrators only.
 */
export function CalendarVersionEditor({ calendar, onDone }: { calendar: BusinessCalendar; onDone: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const [form, setForm] = useState<CalendarVersionForm>(() => versionFormFrom(calendar, Date.now()));
  const [violations, setViolations] = useState<SettingViolation[]>([]);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(violations, (k, o) => t(k, o ?? {}));
  const other = Object.entries(errors).filter(
    ([f]) => f !== 'effectiveDate' && f !== 'timeZone' && !f.startsWith('hours.') && !f.startsWith('exceptions.'),
  );
  const setRow = (i: number, patch: Partial<ExceptionRow>) =>
    setForm((f) => ({ ...f, exceptions: f.exceptions.map((row, j) => (j === i ? { ...row, ...patch } : row)) }));

  const save = async () => {
    setSaving(true);
    try {
      const { calendar: next, violations: found } = calendarWithNewVersion(calendar, form, Date.now());
      const all =
        found.length > 0
          ? found
          : await saveSlaSetting(
              db,
              { id: next.id, kind: 'sla_calendar', data: next as unknown as Record<string, unknown> },
              user,
            );
      setViolations(all);
      if (all.length === 0) onDone();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="sla-calendar-editor">
      <Title order={4}>{t('slaAdmin.calendar.addVersionTitle', { name: calendar.name })}</Title>
      <Text size="sm" c="dimmed">
        {t('slaAdmin.calendar.addVersionHelp')}
      </Text>
      {violations.length > 0 && (
        <Alert color="red" role="alert" title={t('slaAdmin.notSaved')} data-testid="sla-calendar-errors">
          {other.map(([field, message]) => (
            <Text key={field} size="sm">
              {message}
            </Text>
          ))}
        </Alert>
      )}
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('slaAdmin.calendar.effectiveDate')}
          value={form.effectiveDate}
          onChange={(e) => setForm({ ...form, effectiveDate: e.currentTarget.value })}
          error={errors.effectiveDate}
          data-testid="sla-calendar-effective"
        />
        <TextInput
          label={t('slaAdmin.column.timeZone')}
          value={form.timeZone}
          onChange={(e) => setForm({ ...form, timeZone: e.currentTarget.value })}
          error={errors.timeZone}
          maxLength={SLA_TIME_ZONE_MAX}
          data-testid="sla-calendar-timezone"
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {WEEKDAYS.map((d, i) => (
          <TextInput
            key={d}
            label={t(`slaAdmin.weekday.${d}`)}
            placeholder={t('slaAdmin.calendar.closed')}
            description={i === 1 ? t('slaAdmin.calendar.hoursHelp') : undefined}
            value={form.hours[i]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setForm((f) => ({ ...f, hours: f.hours.map((h, j) => (j === i ? value : h)) }));
            }}
            error={errors[`hours.${i}`]}
            data-testid={`sla-calendar-hours-${d}`}
          />
        ))}
      </SimpleGrid>
      <Stack gap="xs" data-testid="sla-calendar-exceptions">
        <Text fw={600} size="sm">
          {t('slaAdmin.calendar.exceptions')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('slaAdmin.calendar.exceptionsHelp')}
        </Text>
        {form.exceptions.map((row, i) => (
          <Group key={i} align="flex-start" data-testid="sla-calendar-exception">
            <TextInput
              type="date"
              label={t('slaAdmin.calendar.exceptionDate')}
              value={row.date}
              onChange={(e) => setRow(i, { date: e.currentTarget.value })}
              error={errors[`exceptions.${i}.date`]}
              w={170}
              data-testid="sla-calendar-exception-date"
            />
            <TextInput
              label={t('slaAdmin.calendar.exceptionHours')}
              placeholder={t('slaAdmin.calendar.closed')}
              value={row.hours}
              onChange={(e) => setRow(i, { hours: e.currentTarget.value })}
              error={errors[`exceptions.${i}.hours`]}
              w={200}
              data-testid="sla-calendar-exception-hours"
            />
            <TextInput
              label={t('slaAdmin.calendar.exceptionReason')}
              value={row.reason}
              onChange={(e) => setRow(i, { reason: e.currentTarget.value })}
              maxLength={EXCEPTION_REASON_MAX}
              style={{ flex: 1 }}
              data-testid="sla-calendar-exception-reason"
            />
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              aria-label={t('slaAdmin.calendar.removeException', { date: row.date })}
              onClick={() => setForm((f) => withoutExceptionRow(f, i))}
              data-testid="sla-calendar-exception-remove"
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => setForm((f) => withExceptionRow(f))}
            disabled={form.exceptions.length >= EXCEPTIONS_MAX}
            data-testid="sla-calendar-exception-add"
          >
            {t('slaAdmin.calendar.addException')}
          </Button>
        </Group>
      </Stack>
      <Group>
        <Button onClick={() => void save()} loading={saving} data-testid="sla-calendar-save">
          {t('slaAdmin.calendar.saveVersion')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('slaAdmin.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
