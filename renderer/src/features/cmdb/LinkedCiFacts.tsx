import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDeletedCiNames } from '../../data/index.js';
import { CiFactCells, CiFactHeaders } from './CiFactColumns.js';
import type { CmdbLookup } from './use-cmdb.js';

/**
 * The key facts of a ticket's CIs (class, status, criticality, location), each a link to its CI page; a CI deleted
 * since keeps its name (from its tombstone), marked deleted.
 */
export function LinkedCiFacts({ cmdb, ciIds }: { cmdb: CmdbLookup; ciIds: readonly string[] }) {
  const { t } = useTranslation();
  const deletedNames = useDeletedCiNames(ciIds);
  if (ciIds.length === 0) return null;
  return (
    <Table data-testid="ticket-ci-facts" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <CiFactHeaders />
          <Table.Th>{t('ticketCis.location')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ciIds.map((id) => {
          const ci = cmdb.byId.get(id);
          const deletedName = ci ? undefined : deletedNames.get(id);
          if (deletedName !== undefined)
            return (
              <Table.Tr key={id} data-testid="ticket-ci" data-ci-id={id} data-deleted>
                <Table.Td data-testid="ticket-ci-deleted-name">{deletedName}</Table.Td>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    {t('ticketCis.deleted')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          const link = (
            <Anchor component={Link} to={`/cmdb/${encodeURIComponent(id)}`}>
              {ci?.name ?? id}
            </Anchor>
          );
          if (!ci)
            return (
              <Table.Tr key={id} data-testid="ticket-ci" data-ci-id={id}>
                <Table.Td>{link}</Table.Td>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    {cmdb.loading ? t('ticketCis.loading') : t('ticketCis.notOnDevice')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          const location = ci.locationId ? (cmdb.byId.get(ci.locationId)?.name ?? ci.locationId) : '';
          return (
            <Table.Tr key={id} data-testid="ticket-ci" data-ci-id={id}>
              <Table.Td>{link}</Table.Td>
              <CiFactCells ci={ci} classTestId="ticket-ci-class" />
              <Table.Td data-testid="ticket-ci-location">
                {location || (
                  <Text size="sm" c="dimmed">
                    {t('cmdb.none')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
