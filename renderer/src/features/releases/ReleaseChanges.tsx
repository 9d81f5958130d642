import { Anchor, Badge, Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Ticket } from '@shared';
import { changePhaseOf } from '@shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { bundleChange, unbundleChange, useDb } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { LinkByNumber } from '../tickets/LinkByNumber.js';

/** The changes a release bundles (number, title, phase, outcome): add one by number, take one out. */
export function ReleaseChanges({ release, changes }: { release: Ticket; changes: readonly Ticket[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const byId = new Map(changes.map((c) => [c.id, c]));
  const ids = release.releaseChangeIds ?? [];
  const add = async (number: string): Promise<string | undefined> => {
    const violations = await bundleChange(db, release.id, number, user);
    if (violations.length === 0) return undefined;
    return violations[0].code === 'not_found' ? t('releases.notFound', { number: number.trim() }) : text(violations[0]);
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="release-changes-title">
      <Title order={4} size="h6" id="release-changes-title">
        {t('releases.changes', { n: ids.length })}
      </Title>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('releases.noChanges')}
        </Text>
      ) : (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('releases.number')}</Table.Th>
              <Table.Th>{t('releases.changeTitle')}</Table.Th>
              <Table.Th>{t('releases.phase')}</Table.Th>
              <Table.Th>{t('releases.outcome')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('releases.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ids.map((id) => {
              const change = byId.get(id);
              const number = change?.number ?? id;
              return (
                <Table.Tr key={id} data-testid="release-change" data-ticket-id={id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${encodeURIComponent(id)}`} size="sm">
                      {number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{change ? change.title : t('releases.notOnDevice')}</Table.Td>
                  <Table.Td>
                    {change && (
                      <Badge size="sm" variant="light">
                        {t(`changes.phase.${changePhaseOf(change)}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{change?.changeOutcome ? t(`changes.outcome.${change.changeOutcome}`) : '—'}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void unbundleChange(db, release.id, id, user)}
                      aria-label={t('releases.removeNamed', { number })}
                      data-testid="release-change-remove"
                    >
                      {t('releases.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <LinkByNumber
        prefix="release-bundle"
        inputTestId="release-bundle-input"
        placeholder="CHG0001234"
        label={t('releases.bundleNumber')}
        action={t('releases.bundle')}
        onLink={add}
      />
    </Stack>
  );
}
