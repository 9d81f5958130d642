import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CiFactCells, CiFactHeaders } from './CiFactColumns.js';
import { useCiLabels } from './ci-labels.js';
import type { ImpactRow, PartyRow } from './impact-rows.js';

export interface ImpactTableProps {
  direction: 'downstream' | 'upstream';
  rows: readonly ImpactRow[];
  /** Downstream only: who uses the affected services, and where the affected CIs stand. */
  parties?: readonly PartyRow[];
  sites?: readonly string[];
  truncated: boolean;
}

/** One direction of an impact analysis as a table (the same result the graph draws), nearest and most critical first. */
export function ImpactTable({ direction, rows, parties = [], sites = [], truncated }: ImpactTableProps) {
  const { t } = useTranslation();
  const labels = useCiLabels();
  const kind = { user: t('cmdb.partyKind.user'), group: t('cmdb.partyKind.group'), org: t('cmdb.partyKind.org') };
  return (
    <Stack gap="xs" data-testid={`impact-${direction}`}>
      <Title order={4}>{direction === 'downstream' ? t('cmdb.impact.downstream') : t('cmdb.impact.upstream')}</Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('cmdb.impactView.none')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <CiFactHeaders />
              <Table.Th>{t('cmdb.col.depth')}</Table.Th>
              <Table.Th>{t('cmdb.col.via')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="impact-row" data-ci-id={row.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cmdb/${encodeURIComponent(row.id)}`}>
                    {row.name}
                  </Anchor>
                </Table.Td>
                <CiFactCells ci={row} />
                <Table.Td>{row.depth}</Table.Td>
                <Table.Td>{row.link && row.viaName !== null ? `${labels.link[row.link]} · ${row.viaName}` : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {truncated && (
        <Text size="sm" c="dimmed">
          {t('cmdb.impact.truncated')}
        </Text>
      )}
      {parties.length > 0 && (
        <Stack gap={4} data-testid="impact-parties">
          <Title order={5}>{t('cmdb.impact.users')}</Title>
          {parties.map((p) => (
            <Group key={`${p.kind}:${p.id}`} gap="xs" data-testid="impact-party" data-party-id={p.id}>
              <Badge variant="outline" color="dark">
                {kind[p.kind]}
              </Badge>
              <Text size="sm">{p.name}</Text>
              <Text size="xs" c="dimmed">
                {t('cmdb.impactView.services')} {p.serviceNames.join(', ')}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {sites.length > 0 && (
        <Stack gap={4} data-testid="impact-sites">
          <Title order={5}>{t('cmdb.impact.sites')}</Title>
          <Text size="sm">{sites.join(' · ')}</Text>
        </Stack>
      )}
    </Stack>
  );
}
