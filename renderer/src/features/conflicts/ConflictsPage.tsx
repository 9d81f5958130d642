import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConflicts } from '../../data/index.js';
import { ConflictRow } from './ConflictRow.js';
import { RefusalRow } from './RefusalRow.js';

/** Same-field clashes found while syncing: the server value is in the document, yours waits here. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const records = useConflicts();
  const conflicts = records.filter((r) => r.kind !== 'refusal');
  const refusals = records.filter((r) => r.kind === 'refusal');
  return (
    <Stack>
      <Title order={2}>{t('conflicts.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('conflicts.intro')}
      </Text>
      {refusals.length > 0 ? (
        <Stack gap="xs" data-testid="refusals">
          <Title order={3}>{t('refusals.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('refusals.intro')}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('conflicts.document')}</Table.Th>
                  <Table.Th>{t('refusals.reason')}</Table.Th>
                  <Table.Th>{t('refusals.change')}</Table.Th>
                  <Table.Th>{t('refusals.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {refusals.map((r) => (
                  <RefusalRow key={r.id} refusal={r} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {conflicts.length === 0 && refusals.length === 0 ? (
        <Text data-testid="conflicts-empty">{t('conflicts.empty')}</Text>
      ) : conflicts.length === 0 ? null : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conflicts.document')}</Table.Th>
                <Table.Th>{t('conflicts.field')}</Table.Th>
                <Table.Th>{t('conflicts.local')}</Table.Th>
                <Table.Th>{t('conflicts.server')}</Table.Th>
                <Table.Th>{t('conflicts.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflicts.map((c) => (
                <ConflictRow key={c.id} conflict={c} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
