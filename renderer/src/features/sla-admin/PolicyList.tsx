import { Badge, Button, Table, VisuallyHidden } from '@mantine/core';
import type { SlaPolicy } from '@shared';
import { useTranslation } from 'react-i18next';
import { minutesText } from './policy-form.js';

/** One listed policy with its condition and calendar already in words. */
export interface PolicyRow {
  policy: SlaPolicy;
  condition: string;
  calendarName: string;
}

/** The policies in match order: name, condition, targets, calendar and state; admin-entered text shown as text. */
export function PolicyList({
  rows,
  writable,
  onOpen,
}: {
  rows: readonly PolicyRow[];
  writable: boolean;
  onOpen: (policy: SlaPolicy) => void;
}) {
  const { t } = useTranslation();
  return (
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
          {rows.map((row) => {
            const p = row.policy;
            return (
              <Table.Tr key={p.id} data-testid="sla-policy-row" data-policy-id={p.id}>
                <Table.Td>{p.order}</Table.Td>
                <Table.Td data-testid="sla-policy-row-name">{p.name}</Table.Td>
                <Table.Td>{row.condition}</Table.Td>
                <Table.Td data-testid="sla-policy-row-targets">
                  {t('slaAdmin.targets', {
                    firstResponse: minutesText(p.firstResponseMinutes),
                    resolution: minutesText(p.resolutionMinutes),
                  })}
                  {p.updateIntervalMinutes !== undefined &&
                    ` · ${t('slaAdmin.updateEvery', { interval: minutesText(p.updateIntervalMinutes) })}`}
                </Table.Td>
                <Table.Td>{row.calendarName}</Table.Td>
                <Table.Td>
                  <Badge color={p.enabled ? 'green' : 'gray'}>{p.enabled ? t('slaAdmin.enabled') : t('slaAdmin.disabled')}</Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    data-testid="sla-policy-open"
                    aria-label={t(writable ? 'slaAdmin.editPolicy' : 'slaAdmin.viewPolicy', { name: p.name })}
                    onClick={() => onOpen(p)}
                  >
                    {writable ? t('slaAdmin.edit') : t('slaAdmin.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
