import { Button, Divider, Group, NumberInput, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { RuleViolation } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { addPublicReply, addTicketEvent, useDb, useLocalDraft } from '../../data/index.js';
import { byField, useViolationText } from '../../ui/violations.js';
import { useReportEditing } from './presence.js';

/**
 * Worklog entry (what was done and how long), internal note (`comment`) and public reply to the caller (`reply`,
 * mailed by the server), all always visible; the reply sits in its own tinted box so it is never mistaken for a note. What is typed is a draft kept
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
  const [reply, setReply] = useLocalDraft(ticketId, 'reply');
  const minutes: number | string = minutesText === '' ? '' : Number(minutesText);
  const setMinutes = (value: number | string) => setMinutesText(String(value));
  const drafting = worklog !== '' || comment !== '' || reply !== '';
  useReportEditing('events', drafting);
  const [violations, setViolations] = useState<{ worklog: RuleViolation[]; comment: RuleViolation[]; reply: RuleViolation[] }>({
    worklog: [],
    comment: [],
    reply: [],
  });
  const wErr = byField(violations.worklog, text);
  const cErr = byField(violations.comment, text);
  const rErr = byField(violations.reply, text);

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
  const sendReply = async () => {
    const res = await addPublicReply(db, { ticketId, body: reply }, user);
    setViolations((v) => ({ ...v, reply: res.violations }));
    if (res.event) setReply('');
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
            label={t('events.internalNote')}
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
        <Paper
          component="section"
          aria-label={t('events.reply')}
          p="sm"
          radius="sm"
          bg="var(--mantine-color-orange-light)"
          style={{ borderLeft: '4px solid var(--mantine-color-orange-filled)' }}
          data-testid="reply-section"
        >
          <Stack gap="xs">
            <Textarea
              label={t('events.reply')}
              description={t('events.replyHint')}
              value={reply}
              onChange={(e) => setReply(e.currentTarget.value)}
              autosize
              minRows={2}
              error={rErr.body}
              data-testid="reply-body"
            />
            <Group justify="flex-end">
              <Button color="orange" variant="light" onClick={() => void sendReply()} data-testid="reply-send">
                {t('events.sendReply')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Paper>
  );
}
