import { Table } from '@mantine/core';
import type { ConfigItem } from '@shared';
import { useTranslation } from 'react-i18next';
import { CiCriticalityBadge, CiStatusBadge } from './CiBadges.js';
import { useCiLabels } from './ci-labels.js';

/** The headers every CI table starts with: name, class, status, criticality. */
export function CiFactHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('cmdb.col.name')}</Table.Th>
      <Table.Th>{t('cmdb.col.class')}</Table.Th>
      <Table.Th>{t('cmdb.col.status')}</Table.Th>
      <Table.Th>{t('cmdb.col.criticality')}</Table.Th>
    </>
  );
}

/** The class, status and criticality cells that follow a CI's name in those tables. */
export function CiFactCells({
  ci,
  classTestId,
}: {
  ci: Pick<ConfigItem, 'ciClass' | 'status' | 'criticality'>;
  classTestId?: string;
}) {
  const labels = useCiLabels();
  return (
    <>
      <Table.Td data-testid={classTestId}>{labels.ciClass[ci.ciClass]}</Table.Td>
      <Table.Td>
        <CiStatusBadge status={ci.status} />
      </Table.Td>
      <Table.Td>
        <CiCriticalityBadge criticality={ci.criticality} />
      </Table.Td>
    </>
  );
}
