import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Ticket, TicketEvent } from '@shared';
import { STAKEHOLDER_UPDATE, can, stakeholderIds } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { postStakeholderUpdate, useDb, useDirectory } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';

/** The communications log: timestamped updates to the stakeholders (watchers and caller), oldest first. */
export function StakeholderUpdates({ ticket, events }: { ticket: Ticket; events: TicketEvent[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const fmt = useFormatters();
  const directory = useDirectory();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const updates = events
    .filter((e) => e.kind === 'communication' && e.toValue === STAKEHOLDER_UPDATE)
    .sort((a, b) => a.occurredAt - b.occurredAt);
  const nameOf = (id: string) => directory.byId.get(id)?.name ?? (id === '' ? '' : id);
  const recipients = stakeholderIds(ticket).map(nameOf);
  if (!ticket.callerId && ticket.callerName) recipients.push(ticket.callerName);
  // The server refuses anyone else's update (the desk mails it): offer the composer only to who may send.
  const mayCommunicate = can(user, 'major.communicate', ticket);

  const post = async () => {
    const violations = await postStakeholderUpdate(db, ticket.id, body, user);
    if (violations.length > 0) return setError(t('major.updateRequired'));
    setBody('');
    setError(undefined);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="major-comms-title">
      <Title order={4} size="h6" id="major-comms-title">
        {t('major.comms')}
      </Title>
      <Text size="xs" c="dimmed" data-testid="major-stakeholders">
        {recipients.length > 0 ? t('major.stakeholders', { names: recipients.join(', ') }) : t('major.noStakeholders')}
      </Text>
      {updates.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('major.noUpdates')}
        </Text>
      )}
      <Stack gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {updates.map((u) => (
          <Paper key={u.id} withBorder p="xs" component="li" data-testid="major-update">
            <Group justify="space-between" gap="xs">
              <Text size="xs" fw={500}>
                {nameOf(u.authorId)}
              </Text>
              <Text size="xs" c="dimmed" component="time" dateTime={new Date(u.occurredAt).toISOString()}>
                {fmt.dateTime(u.occurredAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {u.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      {mayCommunicate ? (
        <>
          <Textarea
            label={t('major.newUpdate')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
            error={error}
            data-testid="major-update-body"
          />
          <Group justify="flex-end">
            <Button size="xs" onClick={() => void post()} data-testid="major-update-send">
              {t('major.send')}
            </Button>
          </Group>
        </>
      ) : (
        <Text size="xs" c="dimmed" data-testid="major-update-restricted">
          {t('major.updateRestricted')}
        </Text>
      )}
    </Stack>
  );
}
