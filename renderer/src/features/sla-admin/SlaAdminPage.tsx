import { Alert, Button, Card, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { SLA_POLICY_TEMPLATES, type SlaPolicy } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canReadSlaSettings, canWriteSlaSettings } from '../../data/commands/sla-settings.js';
import { newId } from '../../data/doc-utils.js';
import { useDirectory } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { useSlaSettings } from '../sla/use-sla-settings.js';
import type { Translate } from '../sla/sla-view.js';
import { CalendarCard } from './CalendarCard.js';
import { CalendarVersionEditor } from './CalendarVersionEditor.js';
import { PolicyEditor } from './PolicyEditor.js';
import { PolicyList } from './PolicyList.js';
import { conditionSummary, formFromPolicy, formFromTemplate, policiesInMatchOrder, type PolicyForm } from './policy-form.js';

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
  const [addingVersionTo, setAddingVersionTo] = useState<string | null>(null);
  const writable = canWriteSlaSettings(user);
  const ordered = useMemo(() => policiesInMatchOrder(policies), [policies]);
  const calendarList = useMemo(() => [...calendars.values()].sort((a, b) => a.name.localeCompare(b.name)), [calendars]);
  const calendarOptions = calendarList.map((c) => ({ value: c.id, label: c.name }));
  const categoryOptions = directory.categories.map((c) => ({ value: c.id, label: c.name }));
  const groupOptions = directory.groups.map((g) => ({ value: g.id, label: g.name }));
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
            groups={groupOptions}
            onDone={() => setEditing(null)}
          />
        </Card>
      )}
      <Title order={3}>{t('slaAdmin.policies')}</Title>
      {!loading && ordered.length === 0 && <Text>{t('slaAdmin.noPolicies')}</Text>}
      <PolicyList
        rows={ordered.map((p) => ({
          policy: p,
          condition: conditionSummary(p.condition, tr, labels, nameOf),
          calendarName: calendars.get(p.calendarId)?.name ?? p.calendarId,
        }))}
        writable={writable}
        onOpen={(p) => open(formFromPolicy(p))}
      />
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
      {calendarList.map((c) =>
        addingVersionTo === c.id ? (
          <Card withBorder key={c.id}>
            <CalendarVersionEditor calendar={c} onDone={() => setAddingVersionTo(null)} />
          </Card>
        ) : (
          <CalendarCard key={c.id} calendar={c} onAddVersion={writable ? () => setAddingVersionTo(c.id) : undefined} />
        ),
      )}
    </Stack>
  );
}
