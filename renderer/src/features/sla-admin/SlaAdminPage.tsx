import { Alert, Badge, Button, Card, Group, Menu, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { SLA_POLICY_TEMPLATES, type BusinessCalendar, type SlaPolicy } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canReadSlaSettings, canWriteSlaSettings } from '../../data/commands/sla-settings.js';
import { newId } from '../../data/doc-utils.js';
import { useDirectory } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { useSlaSettings } from '../sla/use-sla-settings.js';
import type { Translate } from '../sla/sla-view.js';
import { PolicyEditor } from './PolicyEditor.js';
import {
  conditionSummary,
  formFromPolicy,
  formFromTemplate,
  minutesText,
  policiesInMatchOrder,
  weekHoursText,
  type PolicyForm,
} from './policy-form.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** One calendar: every version (newest first) with its time zone, weekday hours, holiday source and exceptions. */
function CalendarCard({ calendar }: { calendar: BusinessCalendar }) {
  const { t } = useTranslation();
  const versions = [...calendar.versions].sort((a, b) => b.effectiveFrom - a.effectiveFrom);
  return (
    <Card withBorder data-testid="sla-calendar" data-calendar-id={calendar.id}>
      <Title order={4}>{calendar.name}</Title>
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
              <Text size="sm">
                {t('slaAdmin.calendar.exceptions', { count: v.exceptions.length })}{' '}
                {v.exceptions
                  .slice(0, 10)
                  .map((e) => `${e.date} ${e.reason}`)
                  .join('; ')}
              </Text>
            )}
          </Stack>
        );
      })}
    </Card>
  );
}

/**
 * Service levels: the SLA policies in the order they are tried and the business calendars. Administrators edit
 * policies (or copy a Gold/Silver/Bronze template); supervisors read. Everything comes from the replicated settings,
 * so the page works offline and a saved policy reaches every client's clocks.
 */
export function SlaAdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useLabels();
  const directory = useDirectory();
  const { policies, calendars, loading } = useSlaSettings();
  const [editing, setEditing] = useState<{ form: PolicyForm; key: string } | null>(null);
  const writable = canWriteSlaSettings(user);
  const ordered = useMemo(() => policiesInMatchOrder(policies), [policies]);
  const calendarList = useMemo(() => [...calendars.values()].sort((a, b) => a.name.localeCompare(b.name)), [calendars]);
  const calendarOptions = calendarList.map((c) => ({ value: c.id, label: c.name }));
  const categoryOptions = directory.categories.map((c) => ({ value: c.id, label: c.name }));
  const nameOf = (id: string) => directory.byId.get(id)?.name ?? id;
  const tr: Translate = (key, options) => t(key, options ?? {});

  if (!canReadSlaSettings(user))
    return (
      <Alert color="gray" data-testid="sla-admin-forbidden">
        {t('slaAdmin.forbidden')}
      </Alert>
    );

  const open = (form: PolicyForm) => setEditing({ form, key: newId() });
  const copyTemplate = (template: SlaPolicy) => open(formFromTemplate(template, newId(), policies, [...calendars.keys()]));

  return (
    <Stack data-testid="sla-admin-page">
      <Group justify="space-between">
        <Title order={2}>{t('slaAdmin.title')}</Title>
        {writable && (
          <Menu>
            <Menu.Target>
              <Button data-testid="sla-copy-template">{t('slaAdmin.copyTemplate')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {SLA_POLICY_TEMPLATES.map((tpl) => (
                <Menu.Item key={tpl.id} data-testid={`sla-template-${tpl.id}`} onClick={() => copyTemplate(tpl)}>
                  {tpl.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {!writable && (
        <Text size="sm" c="dimmed" data-testid="sla-admin-readonly-note">
          {t('slaAdmin.readOnly')}
        </Text>
      )}
      {editing && (
        <Card withBorder>
          <PolicyEditor
            key={editing.key}
            initial={editing.form}
            readOnly={!writable}
            calendars={calendarOptions}
            categories={categoryOptions}
            onDone={() => setEditing(null)}
          />
        </Card>
      )}
      <Title order={3}>{t('slaAdmin.policies')}</Title>
      {!loading && ordered.length === 0 && <Text>{t('slaAdmin.noPolicies')}</Text>}
      <Table.ScrollContainer minWidth={700}>
        <Table striped highlightOnHover data-testid="sla-policy-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('slaAdmin.column.order')}</Table.Th>
              <Table.Th>{t('slaAdmin.column.name')}</Table.Th>
              <Table.Th>{t('slaAdmin.column.condition')}</Table.Th>
              <Table.Th>{t('slaAdmin.column.targets')}</Table.Th>
              <Table.Th>{t('slaAdmin.column.calendar')}</Table.Th>
              <Table.Th>{t('slaAdmin.column.enabled')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('slaAdmin.column.open')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((p) => (
              <Table.Tr key={p.id} data-testid="sla-policy-row" data-policy-id={p.id}>
                <Table.Td>{p.order}</Table.Td>
                <Table.Td data-testid="sla-policy-row-name">{p.name}</Table.Td>
                <Table.Td>{conditionSummary(p.condition, tr, labels, nameOf)}</Table.Td>
                <Table.Td data-testid="sla-policy-row-targets">
                  {t('slaAdmin.targets', {
                    firstResponse: minutesText(p.firstResponseMinutes),
                    resolution: minutesText(p.resolutionMinutes),
                  })}
                  {p.updateIntervalMinutes !== undefined &&
                    ` · ${t('slaAdmin.updateEvery', { interval: minutesText(p.updateIntervalMinutes) })}`}
                </Table.Td>
                <Table.Td>{calendars.get(p.calendarId)?.name ?? p.calendarId}</Table.Td>
                <Table.Td>
                  <Badge color={p.enabled ? 'green' : 'gray'}>{p.enabled ? t('slaAdmin.enabled') : t('slaAdmin.disabled')}</Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    data-testid="sla-policy-open"
                    aria-label={t(writable ? 'slaAdmin.editPolicy' : 'slaAdmin.viewPolicy', { name: p.name })}
                    onClick={() => open(formFromPolicy(p))}
                  >
                    {writable ? t('slaAdmin.edit') : t('slaAdmin.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3}>{t('slaAdmin.calendars')}</Title>
      <Table data-testid="sla-calendar-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('slaAdmin.column.name')}</Table.Th>
            <Table.Th>{t('slaAdmin.column.timeZone')}</Table.Th>
            <Table.Th>{t('slaAdmin.column.versions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calendarList.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{[...c.versions].sort((a, b) => b.effectiveFrom - a.effectiveFrom)[0]?.timeZone}</Table.Td>
              <Table.Td>{c.versions.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('slaAdmin.calendarsReadOnly')}
      </Text>
      {calendarList.map((c) => (
        <CalendarCard key={c.id} calendar={c} />
      ))}
    </Stack>
  );
}
