import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Ticket } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { useCurrentUser } from '../../app/session-context.js';
import { saveTicketEdits, useDb, useSyncStatus } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { TicketSyncBadge } from './TicketSyncBadge.js';
import { TicketCiFields } from './TicketCiFields.js';
import { TicketContactFields } from './TicketContactFields.js';
import { TicketFields } from './TicketFields.js';
import { TicketActions, TicketBadges } from './TicketActions.js';
import { useReportEditing } from './presence.js';
import { useTicketDraft } from './use-ticket-draft.js';

const SHOWN_FIELDS = new Set([
  'title',
  'status',
  'pendingReason',
  'resolutionCode',
  'resolutionNotes',
  'groupId',
  'priority',
  'callerId',
  'callerName',
  'callerEmail',
  'categoryId',
  'affectedItem',
  'ciIds',
]);

/** The ticket's header, fields and Save button. Saving runs the shared domain rules before anything is written. */
export function TicketEditor({ ticket, eventIds }: { ticket: Ticket; eventIds: string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const sync = useSyncStatus();
  const draft = useTicketDraft(ticket);
  const [saving, setSaving] = useState(false);
  const other = draft.violations.filter((v) => !SHOWN_FIELDS.has(v.field));
  useReportEditing('fields', draft.dirty);

  const save = async () => {
    setSaving(true);
    try {
      const violations = await saveTicketEdits(db, ticket.id, draft.changes, user);
      if (violations.length > 0) {
        draft.setViolations(violations);
        return;
      }
      draft.reset();
      // Online, the change is on its way now; only offline does it wait for the network.
      notifications.show({ color: 'green', message: t(sync.online ? 'ticket.saved' : 'ticket.savedOffline') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text size="sm" c="dimmed" data-testid="ticket-number">
                {ticket.number} · {labels.type[ticket.type]}
              </Text>
              {ticket.number.startsWith('NEW-') && (
                <Badge size="sm" color="orange" variant="light" title={t('provisional.hint')} data-testid="ticket-provisional">
                  {t('provisional.badge')}
                </Badge>
              )}
              <TicketBadges ticket={ticket} />
            </Group>
            <Title order={2} size="h3">
              {ticket.title}
            </Title>
          </Stack>
          <TicketSyncBadge ticketId={ticket.id} eventIds={eventIds} />
        </Group>
        <TicketActions ticket={ticket} />
        <TicketFields stored={ticket} draft={draft} />
        <TicketContactFields stored={ticket} draft={draft} />
        <TicketCiFields stored={ticket} draft={draft} />
        {other.length > 0 && (
          <Alert color="red" role="alert">
            {other.map((v) => violationText(t, v)).join(' ')}
          </Alert>
        )}
        <Group justify="flex-end">
          {draft.dirty && (
            <Badge color="yellow" variant="light">
              {t('ticket.unsaved')}
            </Badge>
          )}
          <Button variant="default" onClick={draft.reset} disabled={!draft.dirty}>
            {t('ticket.discard')}
          </Button>
          <Button onClick={() => void save()} loading={saving} data-testid="ticket-save">
            {t('ticket.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
