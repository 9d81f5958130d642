import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Level, PendingReason, Priority, TicketEvent, TicketStatus, TicketType, TrackedTicketField } from '@shared';
import {
  SYSTEM_AUTHOR_ID,
  TICKET_STATUSES,
  isInboundReply,
  parseFieldChange,
  parseReview,
  parseSlaAction,
  watcherChange,
} from '@shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useArticle, useDirectory, useTicket } from '../../data/index.js';
import { useCmdbLookup } from '../cmdb/use-cmdb.js';
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
  created: 'green',
  field_change: 'violet',
  sla_action: 'pink',
  survey_response: 'lime',
  approval: 'yellow',
  reply: 'orange',
};

/** A linked article by its title in the reader's language (its id only when the article is not on this device). */
function ArticleRef({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const article = useArticle(id);
  if (!article) return <>{t('timeline.unknownArticle', { id })}</>;
  return (
    <Anchor component={Link} to={`/kb/${encodeURIComponent(id)}`}>
      {i18n.language === 'fr' ? article.title.fr : article.title.en}
    </Anchor>
  );
}

/** A ticket by its number, linked. */
function TicketRef({ id }: { id: string }) {
  const { t } = useTranslation();
  const ticket = useTicket(id);
  if (!ticket) return <>{t('timeline.unknownTicket', { id })}</>;
  return (
    <Anchor component={Link} to={`/tickets/${encodeURIComponent(id)}`}>
      {ticket.number}
    </Anchor>
  );
}

/** Linked configuration items by name (ids of CIs not on this device as they are), linked to their pages. */
function CiNames({ ids }: { ids: string }) {
  const { byId } = useCmdbLookup();
  return (
    <>
      {ids.split(',').map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/cmdb/${encodeURIComponent(id)}`}>
            {byId.get(id)?.name ?? id}
          </Anchor>
        </span>
      ))}
    </>
  );
}

/** The ticket's history, newest first: creation, every tracked change, comments, worklog, links, SLA actions. */
export function Timeline({ events }: { events: TicketEvent[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  const directory = useDirectory();
  const nameOf = (id: string) => {
    if (!id) return t('ticket.unassigned');
    if (id === SYSTEM_AUTHOR_ID) return t('timeline.system');
    const entry = directory.byId.get(id);
    return (i18n.language === 'fr' && entry?.nameFr) || entry?.name || id;
  };
  const statusLabel = (s: string) => ((TICKET_STATUSES as readonly string[]).includes(s) ? labels.status[s as TicketStatus] : s);

  const fieldValue = (field: TrackedTicketField, value: string): ReactNode => {
    if (value === '') return t('timeline.empty_value');
    if (field === 'impact' || field === 'urgency') return labels.level[Number(value) as Level] ?? value;
    if (field === 'priority') return labels.priority[Number(value) as Priority] ?? value;
    if (field === 'type') return labels.type[value as TicketType] ?? value;
    if (field === 'channel') return t(`channel.${value}`, { defaultValue: value });
    if (field === 'categoryId' || field === 'callerId') return nameOf(value);
    if (field === 'parentId') return <TicketRef id={value} />;
    if (field === 'ciIds') return <CiNames ids={value} />;
    if (field === 'changePhase') return t(`changes.phase.${value}`, { defaultValue: value });
    if (field === 'problemPhase') return t(`problems.phase.${value}`, { defaultValue: value });
    if (field === 'problemId') return <TicketRef id={value} />;
    return value;
  };

  const fieldChange = (e: TicketEvent): ReactNode => {
    const change = parseFieldChange(e);
    if (!change) return null;
    const label = t(`timeline.field.${change.field}`);
    // A new description is shown as written; an arrow between two long texts reads as neither.
    if (change.field === 'description')
      return (
        <>
          {label}: {fieldValue(change.field, change.to)}
        </>
      );
    return (
      <>
        {label}: {fieldValue(change.field, change.from)} → {fieldValue(change.field, change.to)}
      </>
    );
  };

  const slaAction = (e: TicketEvent): string => {
    const record = parseSlaAction(e);
    if (!record) return e.body;
    const clock = t(`sla.clock.${record.clock.split('@')[0]}`, { defaultValue: record.clock });
    const done = [
      t('timeline.slaAction', { clock, percent: record.percent, count: record.notified }),
      record.reassignedTo ? t('timeline.slaReassigned', { group: nameOf(record.reassignedTo) }) : '',
      record.raisedTo
        ? t('timeline.slaPriorityRaised', { priority: labels.priority[record.raisedTo as Priority] ?? record.raisedTo })
        : '',
    ];
    return done.filter(Boolean).join(' ');
  };

  const detail = (e: TicketEvent): ReactNode => {
    const watch = watcherChange(e);
    if (watch) return t(watch.watching ? 'timeline.startedWatching' : 'timeline.stoppedWatching', { name: nameOf(watch.userId) });
    if (e.kind === 'created') return t('timeline.created', { status: statusLabel(e.toValue) });
    if (e.kind === 'field_change') return fieldChange(e);
    if (e.kind === 'sla_action') return slaAction(e);
    if (e.kind === 'survey_response') return t('timeline.surveyAnswered');
    if (e.kind === 'status_change') {
      const change = `${statusLabel(e.fromValue)} → ${statusLabel(e.toValue)}`;
      const reason = e.toValue === 'pending' ? labels.pendingReason[e.body as PendingReason] : undefined;
      return reason && e.body ? t('timeline.pendingBecause', { change, reason }) : change;
    }
    if (e.kind === 'assignment') return `${nameOf(e.fromValue)} → ${nameOf(e.toValue)}`;
    if (e.kind === 'article_link')
      return e.toValue ? (
        <ArticleRef id={e.toValue} />
      ) : (
        <>
          {t('timeline.articleUnlinked')} <ArticleRef id={e.fromValue} />
        </>
      );
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
          <Paper
            key={e.id}
            withBorder
            p="sm"
            component="li"
            data-testid="timeline-entry"
            data-kind={e.kind}
            data-event-id={e.id}
            // Public replies are what the caller reads: set apart from internal notes at a glance.
            style={e.kind === 'reply' ? { borderLeft: '4px solid var(--mantine-color-orange-filled)' } : undefined}
          >
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Badge size="sm" variant="light" color={KIND_COLORS[e.kind]}>
                  {watcherChange(e) ? t('timeline.watchers') : labels.eventKind[e.kind]}
                </Badge>
                <Text size="sm" fw={500}>
                  {/* A caller outside the directory has no id: their e-mail answer is authored by the system id. */}
                  {isInboundReply(e) && e.authorId === SYSTEM_AUTHOR_ID ? t('timeline.caller') : nameOf(e.authorId)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" component="time" dateTime={new Date(e.occurredAt).toISOString()}>
                {fmt.dateTime(e.occurredAt)}
              </Text>
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {detail(e)}
            </Text>
            {e.kind === 'reply' && (
              <Text size="xs" c="orange" data-testid="reply-direction">
                {t(isInboundReply(e) ? 'timeline.inboundReply' : 'timeline.outboundReply')}
              </Text>
            )}
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
