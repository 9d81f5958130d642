import { Badge, Button, Table } from '@mantine/core';
import type { DirectoryEntry } from '@shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STATE_COLORS } from '../../ui/colors.js';

/** One column of an administration list: its heading and the cell for an entry (entered text is shown as text). */
export interface EntryColumn {
  header: string;
  cell: (entry: DirectoryEntry) => ReactNode;
}

/** People, groups or categories as a table with their state and an edit (or view) button per row. */
export function EntryTable({
  testId,
  entries,
  columns,
  writable,
  onOpen,
  nameOf,
}: {
  testId: string;
  entries: readonly DirectoryEntry[];
  columns: readonly EntryColumn[];
  writable: boolean;
  onOpen: (entry: DirectoryEntry) => void;
  nameOf: (entry: DirectoryEntry) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ))}
            <Table.Th>{t('admin.column.state')}</Table.Th>
            <Table.Th>{t('admin.column.open')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid={`${testId}-row`} data-entry-id={entry.id}>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.cell(entry)}</Table.Td>
              ))}
              <Table.Td>
                <Badge variant="outline" color={entry.active ? STATE_COLORS.on : STATE_COLORS.off}>
                  {entry.active ? t('admin.active') : t('admin.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  data-testid={`${testId}-open`}
                  aria-label={t(writable ? 'admin.editEntry' : 'admin.viewEntry', { name: nameOf(entry) })}
                  onClick={() => onOpen(entry)}
                >
                  {writable ? t('admin.edit') : t('admin.view')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
