import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { pickLanguage } from '@shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import {
  canEditArticles,
  draftArticleFromTicket,
  linkArticle,
  resolveWithArticle,
  useArticles,
  useDb,
} from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { buildArticleIndex } from '../kb/kb-search.js';

/** Knowledge articles ranked by the ticket's title and description (current language, accents ignored). */
export function SuggestedArticles({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const db = useDb();
  const user = useCurrentUser();
  const { articles } = useArticles();
  const index = useMemo(() => buildArticleIndex(articles, lang), [articles, lang]);
  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  const ids = useMemo(() => index.suggest(`${ticket.title} ${ticket.description}`), [index, ticket.title, ticket.description]);
  const linked = new Set(ticket.linkedArticleIds ?? []);
  const navigate = useNavigate();
  // A resolved ticket with no article behind it is knowledge worth writing down, once.
  const canDraft =
    (ticket.status === 'resolved' || ticket.status === 'closed') && linked.size === 0 && canEditArticles(user.role);
  const draftFromTicket = async () => {
    const { article } = await draftArticleFromTicket(db, ticket, user);
    if (article) void navigate(`/kb/${encodeURIComponent(article.id)}`);
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="suggest-title" data-testid="suggested-articles">
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h5" id="suggest-title">
          {t('suggest.title')}
        </Title>
        {canDraft && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => void draftFromTicket()}
            data-testid="article-draft-from-ticket"
          >
            {t('suggest.draftFromTicket')}
          </Button>
        )}
      </Group>
      {ids.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('suggest.none')}
        </Text>
      )}
      <Stack gap={6}>
        {ids.map((id) => {
          const a = byId.get(id);
          if (!a) return null;
          const title = pickLanguage(a.title, lang);
          return (
            <Group key={id} justify="space-between" wrap="nowrap" gap="xs" data-testid="suggested-article" data-article-id={id}>
              <Anchor component={Link} to={`/kb/${encodeURIComponent(id)}`} size="sm" lineClamp={2}>
                {a.number} · {title}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                {ticket.resolvedWithArticleId === id && <Badge size="xs">{t('suggest.resolution')}</Badge>}
                <Button
                  size="compact-xs"
                  variant="light"
                  disabled={linked.has(id)}
                  onClick={() => void linkArticle(db, ticket.id, id, user)}
                  data-testid="article-link"
                >
                  {linked.has(id) ? t('suggest.linked') : t('suggest.link')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => void resolveWithArticle(db, ticket.id, { id, number: a.number, title }, user)}
                  data-testid="article-resolved-with"
                >
                  {t('suggest.resolvedWith')}
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
