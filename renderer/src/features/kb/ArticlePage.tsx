import { Anchor, Center, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { pickLanguage } from '@shared';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canEditArticles, sendArticleView, useArticle, useDataNetwork } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { ArticleActions } from './ArticleActions.js';
import { ArticleBody } from './ArticleBody.js';
import { ArticleEditor } from './ArticleEditor.js';
import { ArticleHistory } from './ArticleHistory.js';
import { ArticleRating } from './ArticleRating.js';
import { ArticleReview } from './ArticleReview.js';
import { ArticleStatusBadge } from './ArticleStatusBadge.js';
import { ArticleTickets } from './ArticleTickets.js';

type Tab = 'article' | 'edit' | 'history';

/** One article: its text, its lifecycle actions, the editor for drafts and the history of published versions. */
export function ArticlePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = useFormatters();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const article = useArticle(id);
  const [tab, setTab] = useState<Tab>('article');
  const network = useDataNetwork();
  // One view per opening of the page; the server counts it at most once per person and day.
  useEffect(() => {
    void sendArticleView(network, id);
  }, [network, id]);

  if (article === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const editable = article !== null && article.status === 'draft' && canEditArticles(user.role);
  const current: Tab = tab === 'edit' && !editable ? 'article' : tab;
  return (
    <Stack>
      <Anchor component={Link} to="/kb" size="sm">
        ← {t('kb.back')}
      </Anchor>
      {article === null ? (
        <Text>{t('kb.notFound')}</Text>
      ) : (
        <Paper withBorder p="lg" component="article" data-testid="kb-article" data-article-id={article.id}>
          <Group justify="space-between" align="flex-start" mb="xs">
            <Group gap="xs">
              <Text size="sm" c="dimmed" data-testid="kb-meta">
                {article.number} · {t('kb.version', { n: article.version })} · {fmt.dateTime(article.updatedAt)} ·{' '}
                <span data-testid="kb-views">
                  {t('kb.views', { count: article.views ?? 0, n: fmt.number(article.views ?? 0) })}
                </span>
              </Text>
              <ArticleStatusBadge status={article.status} />
            </Group>
            <ArticleActions article={article} onDraft={() => setTab('edit')} />
          </Group>
          <Title order={2} mb="xs">
            {pickLanguage(article.title, lang)}
          </Title>
          <ArticleReview key={`${article.id}:${article.reviewBy ?? ''}`} article={article} />
          <Tabs value={current} onChange={(v) => setTab((v as Tab | null) ?? 'article')} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="article" data-testid="kb-tab-article">
                {t('kb.tabArticle')}
              </Tabs.Tab>
              {editable && (
                <Tabs.Tab value="edit" data-testid="kb-tab-edit">
                  {t('kb.tabEdit')}
                </Tabs.Tab>
              )}
              <Tabs.Tab value="history" data-testid="kb-tab-history">
                {t('kb.tabHistory')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="article">
              <ArticleBody body={pickLanguage(article.body, lang)} title={pickLanguage(article.title, lang)} testId="kb-body" />
              {article.status === 'published' && <ArticleRating article={article} />}
            </Tabs.Panel>
            {editable && (
              <Tabs.Panel value="edit">
                <ArticleEditor key={`${article.id}:${article.version}`} article={article} onSaved={() => setTab('article')} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="history">
              <ArticleHistory article={article} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
      )}
      {article && <ArticleTickets article={article} />}
    </Stack>
  );
}
