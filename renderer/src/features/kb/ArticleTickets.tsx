import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { KbArticle } from '@shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { linkArticleToNumber, useDb, useTicketsLinkingArticle } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { useViolationText } from '../../ui/violations.js';
import { LinkByNumber } from '../tickets/LinkByNumber.js';

/** The tickets this article helped with, and linking one by its number from here (the ticket's history records it). */
export function ArticleTickets({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const labels = useLabels();
  const text = useViolationText();
  const tickets = useTicketsLinkingArticle(article.id);
  const link = async (number: string) => {
    const violations = await linkArticleToNumber(db, number, article.id, user);
    return violations.length > 0 ? violations.map(text).join(' ') : undefined;
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kb-tickets-title" data-testid="kb-tickets">
      <Title order={3} size="h5" id="kb-tickets-title" mb="xs">
        {t('kb.tickets.title', { count: tickets.length })}
      </Title>
      <Stack gap={4} mb="sm">
        {tickets.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kb.tickets.none')}
          </Text>
        )}
        {tickets.map((ticket) => (
          <Text key={ticket.id} size="sm" data-testid="kb-ticket" data-number={ticket.number}>
            <Anchor component={Link} to={`/tickets/${encodeURIComponent(ticket.id)}`}>
              {ticket.number}
            </Anchor>{' '}
            · {ticket.title} · {labels.status[ticket.status]}
          </Text>
        ))}
      </Stack>
      <LinkByNumber prefix="kb-link-ticket" label={t('kb.tickets.linkLabel')} action={t('kb.tickets.link')} onLink={link} />
    </Paper>
  );
}
