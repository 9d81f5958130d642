import { Anchor, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { pickLanguage } from '@shared';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { useUrlParams } from '../../app/use-url-params.js';
import { canEditArticles, createArticleDraft, useArticles, useDb } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { ArticleStatusBadge } from './ArticleStatusBadge.js';
import { ReviewDueBadge } from './ReviewDueBadge.js';
import { buildArticleIndex } from './kb-search.js';
import { useTagLabel } from './tag-labels.js';

const MAX_ROWS = 100;

/**
 * Knowledge articles of this device, searched locally (accents and case ignored) in the UI language. Retired
 * articles stay out of the search unless asked for, and are then marked.
 */
export function KbListPage() {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const lang = useLanguage();
  const fmt = useFormatters();
  const [params, updateParams] = useUrlParams();
  const query = params.get('q') ?? '';
  const withRetired = params.get('retired') === '1';
  const { articles, loading } = useArticles(withRetired);
  const setParam = (key: string, value: string) =>
    updateParams((latest) => {
      if (value) latest.set(key, value);
      else latest.delete(key);
      return latest;
    });
  const newArticle = async () => {
    const title = { en: i18n.getFixedT('en')('kb.newTitle'), fr: i18n.getFixedT('fr')('kb.newTitle') };
    const { article } = await createArticleDraft(db, { title, body: { en: '', fr: '' } }, user);
    if (article) void navigate(`/kb/${encodeURIComponent(article.id)}`);
  };
  const tagLabel = useTagLabel();
  const index = useMemo(() => buildArticleIndex(articles, lang, tagLabel), [articles, lang, tagLabel]);
  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  const ids = useMemo(() => index.search(query), [index, query]);
  const rows = ids.slice(0, MAX_ROWS).flatMap((id) => byId.get(id) ?? []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('kb.title')}</Title>
        {canEditArticles(user.role) && (
          <Button size="xs" onClick={() => void newArticle()} data-testid="kb-new">
            {t('kb.new')}
          </Button>
        )}
      </Group>
      <TextInput
        label={t('kb.search')}
        placeholder={t('kb.searchPlaceholder')}
        value={query}
        onChange={(e) => setParam('q', e.currentTarget.value)}
        data-testid="kb-search"
        data-search-shortcut
        maw={480}
      />
      <Checkbox
        label={t('kb.showRetired')}
        checked={withRetired}
        onChange={(e) => setParam('retired', e.currentTarget.checked ? '1' : '')}
        data-testid="kb-show-retired"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {loading ? t('app.loading') : t('kb.count', { n: ids.length })}
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((a) => (
          <Paper key={a.id} withBorder p="sm" component="li" data-testid="kb-row" data-article-id={a.id}>
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/kb/${encodeURIComponent(a.id)}`} fw={500}>
                {pickLanguage(a.title, lang)}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                {a.status !== 'published' && <ArticleStatusBadge status={a.status} />}
                <ReviewDueBadge article={a} />
                {/* Kept on one line: the title beside it wraps instead. */}
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {a.number} · {fmt.dateTime(a.updatedAt)} · {t('kb.views', { count: a.views ?? 0, n: fmt.number(a.views ?? 0) })}
                </Text>
              </Group>
            </Group>
            {a.tags.length > 0 && (
              <Text size="xs" c="dimmed" mt={4} data-testid="kb-row-tags">
                {a.tags.map(tagLabel).join(', ')}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
