import { Alert, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { useDirectory, useHeldMail } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';

/**
 * The mail the desk holds back (over a user's hourly allowance, or an address the outbox refuses), for supervisors
 * and administrators; administrators release what the allowance held. Every text is the server's data, shown as text.
 */
export function HeldMailPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const user = useCurrentUser();
  const directory = useDirectory();
  const { state, release } = useHeldMail();
  const [busy, setBusy] = useState<number | null>(null);
  if (!can(user, 'mail.held.read'))
    return (
      <Alert color="gray" data-testid="held-mail-forbidden">
        {t('heldMail.forbidden')}
      </Alert>
    );
  const canRelease = can(user, 'mail.held.release');
  const nameOf = (id: string | null) => (id ? (directory.byId.get(id)?.name ?? id) : t('heldMail.server'));
  const when = (iso: string) => fmt.dateTime(new Date(iso).getTime());

  const onRelease = async (id: number) => {
    setBusy(id);
    const refused = await release(id);
    setBusy(null);
    notifications.show(
      refused
        ? { color: 'red', title: t('heldMail.notReleased'), message: refused }
        : { color: 'green', message: t('heldMail.released') },
    );
  };

  return (
    <Stack data-testid="held-mail-page">
      <Title order={2}>{t('heldMail.title')}</Title>
      <Text size="sm">{t('heldMail.intro')}</Text>
      {state.status === 'loading' && <Loader size="sm" />}
      {state.status === 'unavailable' && (
        <Alert color="yellow" data-testid="held-mail-unavailable">
          {t('heldMail.unavailable', { message: state.message })}
        </Alert>
      )}
      {state.status === 'ready' && state.value.length === 0 && <Text data-testid="held-mail-empty">{t('heldMail.empty')}</Text>}
      {state.status === 'ready' && state.value.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('heldMail.queuedAt')}</Table.Th>
              <Table.Th>{t('heldMail.to')}</Table.Th>
              <Table.Th>{t('heldMail.subject')}</Table.Th>
              <Table.Th>{t('heldMail.requestedBy')}</Table.Th>
              <Table.Th>{t('heldMail.reason')}</Table.Th>
              {canRelease && <Table.Th>{t('heldMail.action')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.value.map((mail) => (
              <Table.Tr key={mail.id} data-testid="held-mail-row" data-mail-id={mail.id}>
                <Table.Td>{when(mail.createdAt)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{mail.to}</Table.Td>
                <Table.Td>{mail.subject}</Table.Td>
                <Table.Td>{nameOf(mail.requestedBy)}</Table.Td>
                <Table.Td>{mail.heldReason}</Table.Td>
                {canRelease && (
                  <Table.Td>
                    <Button
                      size="xs"
                      loading={busy === mail.id}
                      disabled={busy !== null}
                      onClick={() => void onRelease(mail.id)}
                      data-testid="held-mail-release"
                    >
                      {t('heldMail.release')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
