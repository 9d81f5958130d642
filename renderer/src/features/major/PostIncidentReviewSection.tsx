import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PostIncidentReview, Ticket, TicketEvent } from '@shared';
import { REVIEW_FIELDS, parseReview } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { recordReview, useDb, useDirectory } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';

const EMPTY: PostIncidentReview = { summary: '', rootCause: '', wentWell: '', actions: '' };

/**
 * The post-incident review: required before a major incident is closed (the shared rule, enforced on this device
 * and by the server). The form appears once the incident is resolved; the recorded review is shown after.
 */
export function PostIncidentReviewSection({ ticket, events }: { ticket: Ticket; events: TicketEvent[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const fmt = useFormatters();
  const directory = useDirectory();
  const [review, setReview] = useState<PostIncidentReview>(EMPTY);
  const [missing, setMissing] = useState<string[]>([]);
  const recorded = events.filter((e) => e.kind === 'review').sort((a, b) => b.occurredAt - a.occurredAt)[0];

  const save = async () => {
    const violations = await recordReview(db, ticket.id, review, user);
    setMissing(violations.map((v) => v.field));
    if (violations.length === 0) setReview(EMPTY);
  };

  if (recorded) {
    const r = parseReview(recorded.body);
    return (
      <Stack gap={4} component="section" aria-labelledby="major-review-title" data-testid="major-review">
        <Title order={4} size="h6" id="major-review-title">
          {t('major.review')}
        </Title>
        <Text size="xs" c="dimmed">
          {directory.byId.get(recorded.authorId)?.name ?? recorded.authorId} · {fmt.dateTime(recorded.occurredAt)}
        </Text>
        {REVIEW_FIELDS.map((f) => (
          <Text key={f} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600}>
              {t(`major.reviewField.${f}`)}:
            </Text>{' '}
            {r[f]}
          </Text>
        ))}
      </Stack>
    );
  }
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
    return (
      <Text size="sm" c="dimmed">
        {t('major.reviewLater')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="major-review-title" data-testid="major-review-form">
      <Title order={4} size="h6" id="major-review-title">
        {t('major.review')}
      </Title>
      <Alert color="yellow" variant="light">
        {t('major.reviewRequired')}
      </Alert>
      {REVIEW_FIELDS.map((f) => (
        <Textarea
          key={f}
          label={t(`major.reviewField.${f}`)}
          value={review[f]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setReview((r) => ({ ...r, [f]: value }));
          }}
          error={missing.includes(f) ? t('major.reviewFieldRequired') : undefined}
          autosize
          minRows={2}
          required
          data-testid={`major-review-${f}`}
        />
      ))}
      <Group justify="flex-end">
        <Button size="xs" onClick={() => void save()} data-testid="major-review-save">
          {t('major.reviewSave')}
        </Button>
      </Group>
    </Stack>
  );
}
