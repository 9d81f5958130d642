import { Anchor, Table, Text } from '@mantine/core';
import type { ConfigItem } from '@shared';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CiFactCells, CiFactHeaders } from './CiFactColumns.js';

export interface CiTableProps {
  items: readonly ConfigItem[];
  locationName: (ci: ConfigItem) => string;
  groupName: (id: string) => string | undefined;
}

/** The list's table: names link to the CI page (keyboard: Tab to a name, Enter opens it). Text is text, never HTML. */
export function CiTable({ items, locationName, groupName }: CiTableProps) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <CiFactHeaders />
          <Table.Th>{t('cmdb.col.location')}</Table.Th>
          <Table.Th>{t('cmdb.col.owner')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((ci) => (
          <Table.Tr key={ci.id} data-testid="ci-row" data-ci-id={ci.id}>
            <Table.Td>
              <Anchor component={Link} to={`/cmdb/${encodeURIComponent(ci.id)}`} fw={500}>
                {ci.name}
              </Anchor>
              {typeof ci.attributes.serialNumber === 'string' && ci.attributes.serialNumber && (
                <Text size="xs" c="dimmed">
                  {ci.attributes.serialNumber}
                </Text>
              )}
            </Table.Td>
            <CiFactCells ci={ci} />
            <Table.Td>{locationName(ci)}</Table.Td>
            <Table.Td>{groupName(ci.ownerGroupId) ?? ci.ownerGroupId}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
