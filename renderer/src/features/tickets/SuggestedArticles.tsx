import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { KbArticle, Ticket } from '@shared';
import { pickLanguage } from '@shared';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import {
  canEditArticles,
  draftArticleFromTicket,
  linkArticle,
  resolveWithArticle,
  unlinkArticle,
  useArticles,
  useDb,
} from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { buildArticleIndex } from '../kb/kb-search.js';
import { useTagLabel } from '../kb/tag-labels.js';

/** How many articles a search inside the ticket lists. */
const FOUND_SHOWN = 5;

/**
 * The ticket's knowledge: the articles linked to it (each can be unlinked), a search of the whole knowledge base to
 * link any article, and, while nothing is searched, articles ranked by the ticket's title and description (current
 * language, accents ignored).
 */
export function SuggestedArticles({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const db = useDb();
  const user = useCurrentUser();
  const { articles } = useArticles();
  const tagLabel = useTagLabel();
  const index = useMemo(() => buildArticleIndex(articles, lang, tagLabel), [articles, lang, tagLabel]);
  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  const [query, setQuery] = useState('');
  const linked = new Set(ticket.linkedArticleIds ?? []);
  const suggested = useMemo(
    () => index.suggest(`${ticket.title} ${ticket.description}`),
    [index, ticket.title, ticket.description],
  );
  const found = useMemo(() => (query.trim() ? index.search(query).slice(0, FOUND_SHOWN) : null), [index, query]);
  const ids = (found ?? suggested).filter((id) => !linked.has(id));
  const navigate = useNavigate();
  const resolvedWith = (id: string) => {
    const a = byId.get(id);
    if (!a) return null;
    const article = { id, number: a.number, title: pickLanguage(a.title, lang) };
    return (
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => void resolveWithArticle(db, ticket.id, article, user)}
        data-testid="article-resolved-with"
      >
        {t('suggest.resolvedWith')}
      </Button>
    );
  };
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
      {linked.size > 0 && (
        <Stack gap={6} mb="xs" data-testid="linked-articles">
          {[...linked].map((id) => (
            <ArticleRow key={id} id={id} article={byId.get(id)} lang={lang} testId="linked-article">
              {ticket.resolvedWithArticleId === id ? <Badge size="xs">{t('suggest.resolution')}</Badge> : resolvedWith(id)}
              <Button
                size="compact-xs"
                variant="subtle"
                color="red.9"
                onClick={() => void unlinkArticle(db, ticket.id, id, user)}
                data-testid="article-unlink"
              >
                {t('suggest.unlink')}
              </Button>
            </ArticleRow>
          ))}
        </Stack>
      )}
      <TextInput
        size="xs"
        mb={6}
        label={t('suggest.searchLabel')}
        placeholder={t('suggest.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-testid="article-search"
      />
      {ids.length === 0 && (
        <Text size="sm" c="dimmed">
          {found ? t('suggest.noneFound') : t('suggest.none')}
        </Text>
      )}
      <Stack gap={6}>
        {ids.map((id) => {
          const a = byId.get(id);
          if (!a) return null;
          return (
            <ArticleRow key={id} id={id} article={a} lang={lang} testId="suggested-article">
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => void linkArticle(db, ticket.id, id, user)}
                data-testid="article-link"
              >
                {t('suggest.link')}
              </Button>
              {resolvedWith(id)}
            </ArticleRow>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** One article, by number and title in the reader's language, with its actions. */
function ArticleRow({
  id,
  article,
  lang,
  testId,
  children,
}: {
  id: string;
  article: KbArticle | undefined;
  lang: ReturnType<typeof useLanguage>;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid={testId} data-article-id={id}>
      <Anchor component={Link} to={`/kb/${encodeURIComponent(id)}`} size="sm" lineClamp={2}>
        {article ? `${article.number} · ${pickLanguage(article.title, lang)}` : t('timeline.unknownArticle', { id })}
      </Anchor>
      <Group gap={4} wrap="nowrap">
        {children}
      </Group>
    </Group>
  );
}
