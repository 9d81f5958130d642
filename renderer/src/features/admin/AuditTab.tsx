import { Alert, Button, Code, Group, List, Loader, Stack, Table, Text } from '@mantine/core';
import type { DirectoryAuditEntry, DirectoryEntry } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectoryAudit } from '../../data/index.js';
import { auditedFieldChanges } from './audit-changes.js';
import { useFormatters } from '../../ui/format.js';

const ID_FIELDS = new Set(['groupIds', 'leadIds', 'parentId', 'groupId']);

/**
 * Who changed which person, group or category, when, and each field before and after: the server's record of
 * accepted pushes, read online. Values are shown as text; ids are shown with the name they have now.
 */
export function AuditTab({ byId }: { byId: ReadonlyMap<string, DirectoryEntry> }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [round, setRound] = useState(0);
  const state = useDirectoryAudit(round);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const valueText = (field: string, value: unknown): string => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('admin.audit.empty');
    if (ID_FIELDS.has(field)) return (Array.isArray(value) ? value : [value]).map((id) => nameOf(String(id))).join(', ');
    if (typeof value === 'boolean') return value ? t('admin.audit.yes') : t('admin.audit.no');
    // Directory fields are text, numbers and lists of text; anything else is shown as its JSON.
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return Array.isArray(value) ? value.map(String).join(', ') : JSON.stringify(value);
  };
  const summary = (row: DirectoryAuditEntry) =>
    row.before === null ? t('admin.audit.created') : row.after === null ? t('admin.audit.erased') : null;

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">{t('admin.audit.intro')}</Text>
        <Button variant="default" size="xs" onClick={() => setRound((n) => n + 1)} data-testid="admin-audit-refresh">
          {t('admin.audit.refresh')}
        </Button>
      </Group>
      {state.status === 'loading' && <Loader size="sm" />}
      {state.status === 'unavailable' && (
        <Alert color="yellow" data-testid="admin-audit-unavailable">
          {t('admin.audit.unavailable', { message: state.message })}
        </Alert>
      )}
      {state.status === 'ready' && state.value.length === 0 && <Text>{t('admin.audit.none')}</Text>}
      {state.status === 'ready' && state.value.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="admin-audit-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.audit.when')}</Table.Th>
                <Table.Th>{t('admin.audit.who')}</Table.Th>
                <Table.Th>{t('admin.audit.entry')}</Table.Th>
                <Table.Th>{t('admin.audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.value.map((row) => (
                <Table.Tr key={row.id} data-testid="admin-audit-row" data-entry-id={row.entryId}>
                  <Table.Td>{fmt.dateTime(new Date(row.at).getTime())}</Table.Td>
                  <Table.Td>{nameOf(row.actorId)}</Table.Td>
                  <Table.Td>
                    {nameOf(row.entryId)}{' '}
                    <Code>{t(`admin.kind.${row.kind === 'group' || row.kind === 'category' ? row.kind : 'user'}`)}</Code>
                  </Table.Td>
                  <Table.Td>
                    {summary(row) && <Text size="sm">{summary(row)}</Text>}
                    <List size="sm">
                      {auditedFieldChanges(row.before, row.after).map((c) => (
                        <List.Item key={c.field} data-testid="admin-audit-change">
                          {t('admin.audit.change', {
                            field: t(`admin.audit.field.${c.field}`, { defaultValue: c.field }),
                            before: valueText(c.field, c.before),
                            after: valueText(c.field, c.after),
                          })}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
