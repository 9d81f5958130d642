import { Anchor, Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { Ticket } from '@shared';
import { OPEN_STATUSES, TICKET_TEXT_LIMITS } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { completeChangeTask, useDb, useTicket } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines } from '../problems/FormFeedback.js';

/** On a change's task: the change it belongs to, and "done" with what was done (offline too, synced later). */
export function ChangeTaskPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const change = useTicket(ticket.parentId ?? '');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  if (ticket.type !== 'task') return null;
  const open = OPEN_STATUSES.includes(ticket.status);
  const done = async () => setErrors((await completeChangeTask(db, ticket.id, notes, user)).map(text));
  return (
    <Paper withBorder p="md" data-testid="change-task-panel">
      <Stack gap="xs">
        {change ? (
          <Text size="sm">
            {t('changes.tasks.ofChange')}{' '}
            <Anchor component={Link} to={`/tickets/${change.id}`}>
              {`${change.number} ${change.title}`}
            </Anchor>
          </Text>
        ) : (
          // The change is not on this device (its group is not the assignee's): the task carries its brief.
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="change-task-brief">
            {ticket.description}
          </Text>
        )}
        {open && (
          <>
            <Textarea
              label={t('changes.tasks.whatWasDone')}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              maxLength={TICKET_TEXT_LIMITS.resolutionNotes}
              autosize
              minRows={2}
              data-testid="change-task-notes"
            />
            <Button size="compact-sm" onClick={() => void done()} data-testid="change-task-done">
              {t('changes.tasks.done')}
            </Button>
          </>
        )}
        <ErrorLines errors={errors} />
      </Stack>
    </Paper>
  );
}
