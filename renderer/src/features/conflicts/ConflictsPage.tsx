import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConflicts } from '../../data/index.js';
import { ConflictRow } from './ConflictRow.js';

/** Same-field clashes found while syncing: the server value is in the document, yours waits here. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useConflicts();
  return (
    <Stack>
      <Title order={2}>{t('conflicts.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('conflicts.intro')}
      </Text>
      {conflicts.length === 0 ? (
        <Text data-testid="conflicts-empty">{t('conflicts.empty')}</Text>
      ) : (
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
