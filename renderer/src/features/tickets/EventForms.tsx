import { Button, Divider, Group, NumberInput, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { RuleViolation } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { addTicketEvent, useDb, useLocalDraft } from '../../data/index.js';
import { byField, useViolationText } from '../../ui/violations.js';
import { useReportEditing } from './presence.js';

/**
 * Worklog entry (what was done and how long) and comment forms, both always visible. What is typed is a draft kept
 * on this device until sent: it survives a reload, and changes to the ticket from others never reset it.
 */
export function EventForms({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [worklog, setWorklog] = useLocalDraft(ticketId, 'worklog');
  const [minutesText, setMinutesText] = useLocalDraft(ticketId, 'worklog-minutes');
  const [comment, setComment] = useLocalDraft(ticketId, 'comment');
  const minutes: number | string = minutesText === '' ? '' : Number(minutesText);
  const setMinutes = (value: number | string) => setMinutesText(String(value));
  const drafting = worklog !== '' || comment !== '';
  useReportEditing('events', drafting);
  const [violations, setViolations] = useState<{ worklog: RuleViolation[]; comment: RuleViolation[] }>({
    worklog: [],
    comment: [],
  });
  const wErr = byField(violations.worklog, text);
  const cErr = byField(violations.comment, text);

  const addWorklog = async () => {
    const res = await addTicketEvent(db, { ticketId, kind: 'worklog', body: worklog, minutes: Number(minutes) }, user);
    setViolations((v) => ({ ...v, worklog: res.violations }));
    if (res.event) {
      setWorklog('');
      setMinutes('');
    }
  };
  const addComment = async () => {
    const res = await addTicketEvent(db, { ticketId, kind: 'comment', body: comment }, user);
    setViolations((v) => ({ ...v, comment: res.violations }));
    if (res.event) setComment('');
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Stack gap="xs" component="section" aria-label={t('timeline.kind.worklog')}>
          <Textarea
            label={t('events.workDone')}
            value={worklog}
            onChange={(e) => setWorklog(e.currentTarget.value)}
            autosize
            minRows={2}
            error={wErr.body}
            data-testid="worklog-body"
          />
          <Group align="flex-end">
            <NumberInput
              label={t('events.minutes')}
              value={minutes}
              onChange={setMinutes}
              min={1}
              max={10_000}
              allowDecimal={false}
              w={140}
              error={wErr.minutes}
              data-testid="worklog-minutes"
            />
            <Button onClick={() => void addWorklog()} data-testid="worklog-add">
              {t('events.addWorklog')}
            </Button>
          </Group>
        </Stack>
        <Divider />
        <Stack gap="xs" component="section" aria-label={t('timeline.kind.comment')}>
          <Textarea
            label={t('events.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            error={cErr.body}
            data-testid="comment-body"
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="comment-draft-kept">
              {comment !== '' ? t('events.draftKept') : ''}
            </Text>
            <Button variant="light" onClick={() => void addComment()} data-testid="comment-add">
              {t('events.addComment')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Paper>
  );
}
