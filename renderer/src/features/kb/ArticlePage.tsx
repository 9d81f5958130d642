import { Anchor, Center, Loader, Paper, Stack, Text, Title, Typography } from '@mantine/core';
import { pickLanguage } from '@shared';
import { useMemo } from 'react';
import type { MouseEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useArticle } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { getDesk } from '../../platform/desk.js';
import { useFormatters } from '../../ui/format.js';
import { renderMarkdown } from './markdown.js';

/** Web links in an article open outside the console (the system browser on the desktop). */
function openLinksOutside(e: MouseEvent<HTMLDivElement>) {
  const anchor = (e.target as HTMLElement).closest('a');
  const href = anchor?.getAttribute('href') ?? '';
  if (/^https?:\/\//i.test(href)) {
    e.preventDefault();
    void getDesk().openExternal(href);
  }
}

/** Articles often repeat their title as a first-level heading; the page already shows it. */
function withoutTitleHeading(body: string, title: string): string {
  const m = /^\s*#\s+(.+)\r?\n/.exec(body);
  return m && m[1].trim() === title.trim() ? body.slice(m[0].length) : body;
}

export function ArticlePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = useFormatters();
  const { id = '' } = useParams();
  const article = useArticle(id);
  const html = useMemo(
    () =>
      article ? renderMarkdown(withoutTitleHeading(pickLanguage(article.body, lang), pickLanguage(article.title, lang))) : '',
    [article, lang],
  );

  if (article === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return (
    <Stack>
      <Anchor component={Link} to="/kb" size="sm">
        ← {t('kb.back')}
      </Anchor>
      {article === null ? (
        <Text>{t('kb.notFound')}</Text>
      ) : (
        <Paper withBorder p="lg" component="article" data-testid="kb-article" data-article-id={article.id}>
          <Text size="sm" c="dimmed">
            {article.number} · {t('kb.version', { n: article.version })} · {fmt.dateTime(article.updatedAt)}
          </Text>
          <Title order={2} mb="md">
            {pickLanguage(article.title, lang)}
          </Title>
          <Typography>
            {/* renderMarkdown escapes raw HTML and strips unsafe link schemes. */}
            <div onClick={openLinksOutside} dangerouslySetInnerHTML={{ __html: html }} />
          </Typography>
        </Paper>
      )}
    </Stack>
  );
}
