import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { BusinessCalendar } from '@shared';
import { useTranslation } from 'react-i18next';
import { weekHoursText } from './policy-form.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** One calendar: every version (newest first) with its time zone, weekday hours, holiday source and exceptions. */
export function CalendarCard({ calendar, onAddVersion }: { calendar: BusinessCalendar; onAddVersion?: () => void }) {
  const { t } = useTranslation();
  const versions = [...calendar.versions].sort((a, b) => b.effectiveFrom - a.effectiveFrom);
  return (
    <Card withBorder data-testid="sla-calendar" data-calendar-id={calendar.id}>
      <Group justify="space-between">
        <Title order={4}>{calendar.name}</Title>
        {onAddVersion && (
          <Button size="xs" variant="light" onClick={onAddVersion} data-testid="sla-calendar-add-version">
            {t('slaAdmin.calendar.addVersion')}
          </Button>
        )}
      </Group>
      {versions.map((v) => {
        const hours = weekHoursText(v.weekHours);
        return (
          <Stack key={v.effectiveFrom} gap={4} mt="sm" data-testid="sla-calendar-version">
            <Text size="sm" fw={600}>
              {t('slaAdmin.calendar.effectiveFrom', { date: new Date(v.effectiveFrom).toISOString().slice(0, 10) })} ·{' '}
              {v.timeZone}
            </Text>
            <Table withRowBorders={false} verticalSpacing={2} aria-label={t('slaAdmin.calendar.hours')}>
              <Table.Tbody>
                {WEEKDAYS.map((d, i) => (
                  <Table.Tr key={d}>
                    <Table.Th scope="row" w={120}>
                      {t(`slaAdmin.weekday.${d}`)}
                    </Table.Th>
                    <Table.Td>{hours[i] || t('slaAdmin.calendar.closed')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm">
              {v.holidaySource
                ? t('slaAdmin.calendar.holidays', {
                    source: [v.holidaySource.country, v.holidaySource.state].filter(Boolean).join('-'),
                  })
                : t('slaAdmin.calendar.noHolidays')}
            </Text>
            {v.exceptions.length > 0 && (
              <Table
                withRowBorders={false}
                verticalSpacing={2}
                aria-label={t('slaAdmin.calendar.exceptions')}
                data-testid="sla-calendar-exceptions"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={120}>{t('slaAdmin.calendar.exceptionDate')}</Table.Th>
                    <Table.Th>{t('slaAdmin.calendar.exceptionHours')}</Table.Th>
                    <Table.Th>{t('slaAdmin.calendar.exceptionReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...v.exceptions]
                    .sort((a, b) => a.date.localeCompare(b.date))
                    .map((e) => (
                      <Table.Tr key={e.date} data-testid="sla-calendar-exception-day">
                        <Table.Td>{e.date}</Table.Td>
                        <Table.Td>{weekHoursText([e.hours])[0] || t('slaAdmin.calendar.closed')}</Table.Td>
                        <Table.Td>{e.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        );
      })}
    </Card>
  );
}
