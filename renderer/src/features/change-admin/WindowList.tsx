import { Badge, Button, Table, VisuallyHidden } from '@mantine/core';
import type { ChangeWindow } from '@shared';
import { useTranslation } from 'react-i18next';
import { minutesText } from '../sla-admin/policy-form.js';

/** One listed window with its schedule and CIs already in words. */
export interface WindowRow {
  window: ChangeWindow;
  name: string;
  when: string;
  cis: string;
}

/** Blackout and maintenance windows: name, kind, when, how long, which CIs; admin-entered text shown as text. */
export function WindowList({
  rows,
  writable,
  onOpen,
}: {
  rows: readonly WindowRow[];
  writable: boolean;
  onOpen: (window: ChangeWindow) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover data-testid="change-window-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('changeAdmin.column.name')}</Table.Th>
            <Table.Th>{t('changeAdmin.column.kind')}</Table.Th>
            <Table.Th>{t('changeAdmin.column.when')}</Table.Th>
            <Table.Th>{t('changeAdmin.column.duration')}</Table.Th>
            <Table.Th>{t('changeAdmin.column.cis')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('changeAdmin.column.open')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.window.id} data-testid="change-window-row" data-window-id={row.window.id}>
              <Table.Td data-testid="change-window-row-name">{row.name}</Table.Td>
              <Table.Td>
                <Badge color={row.window.kind === 'blackout' ? 'dark' : 'teal'} variant="light">
                  {t(`changeAdmin.windows.kind.${row.window.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td data-testid="change-window-row-when">{row.when}</Table.Td>
              <Table.Td>{minutesText(row.window.durationMinutes)}</Table.Td>
              <Table.Td>{row.cis}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  data-testid="change-window-open"
                  aria-label={t(writable ? 'changeAdmin.editNamed' : 'changeAdmin.viewNamed', { name: row.name })}
                  onClick={() => onOpen(row.window)}
                >
                  {writable ? t('changeAdmin.edit') : t('changeAdmin.view')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
