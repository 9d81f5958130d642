import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TicketEvent, TicketStatus } from '@shared';
import { TICKET_STATUSES, parseReview, watcherChange } from '@shared';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useLabels } from '../../ui/labels.js';

const KIND_COLORS: Record<TicketEvent['kind'], string> = {
  comment: 'blue',
  worklog: 'teal',
  status_change: 'grape',
  assignment: 'cyan',
  escalation: 'red',
  communication: 'orange',
  article_link: 'indigo',
  review: 'gray',
};

/** The ticket's history, newest first: comments, worklog, status and assignment changes. */
export function Timeline({ events }: { events: TicketEvent[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  const directory = useDirectory();
  const nameOf = (id: string) => (id ? (directory.byId.get(id)?.name ?? id) : t('ticket.unassigned'));
  const statusLabel = (s: string) => ((TICKET_STATUSES as readonly string[]).includes(s) ? labels.status[s as TicketStatus] : s);

  const detail = (e: TicketEvent) => {
    const watch = watcherChange(e);
    if (watch) return t(watch.watching ? 'timeline.startedWatching' : 'timeline.stoppedWatching', { name: nameOf(watch.userId) });
    if (e.kind === 'status_change') return `${statusLabel(e.fromValue)} → ${statusLabel(e.toValue)}`;
    if (e.kind === 'assignment') return `${nameOf(e.fromValue)} → ${nameOf(e.toValue)}`;
    if (e.kind === 'article_link') return e.toValue;
    // The full review is shown in the major-incident panel; its summary is enough here.
    if (e.kind === 'review') return parseReview(e.body).summary;
    if (e.kind === 'escalation') {
      const to = e.toValue || e.fromValue;
      const what =
        to === 'supervisor'
          ? t('actions.supervisorBadge')
          : to === 'major'
            ? t('actions.majorBadge')
            : `${nameOf(e.fromValue)} → ${nameOf(e.toValue)}`;
      return [what, e.body].filter(Boolean).join('\n');
    }
    return e.body;
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="timeline-title">
      <Title order={3} size="h5" id="timeline-title">
        {t('timeline.title')}
      </Title>
      {events.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      )}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {events.map((e) => (
          <Paper key={e.id} withBorder p="sm" component="li" data-testid="timeline-entry" data-kind={e.kind} data-event-id={e.id}>
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Badge size="sm" variant="light" color={KIND_COLORS[e.kind]}>
                  {watcherChange(e) ? t('timeline.watchers') : labels.eventKind[e.kind]}
                </Badge>
                <Text size="sm" fw={500}>
                  {nameOf(e.authorId)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" component="time" dateTime={new Date(e.occurredAt).toISOString()}>
                {fmt.dateTime(e.occurredAt)}
              </Text>
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {detail(e)}
            </Text>
            {e.kind === 'worklog' && (
              <Text size="xs" c="dimmed">
                {t('timeline.minutes', { n: e.minutes })}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
