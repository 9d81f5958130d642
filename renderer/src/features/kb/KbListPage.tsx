import { Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { pickLanguage } from '@shared';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useArticles } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { buildArticleIndex } from './kb-search.js';

const MAX_ROWS = 100;

/** Knowledge articles of this device, searched locally (accents and case ignored) in the UI language. */
export function KbListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = useFormatters();
  const { articles, loading } = useArticles();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const index = useMemo(() => buildArticleIndex(articles, lang), [articles, lang]);
  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  const ids = useMemo(() => index.search(query), [index, query]);
  const rows = ids.slice(0, MAX_ROWS).flatMap((id) => byId.get(id) ?? []);

  return (
    <Stack>
      <Title order={2}>{t('kb.title')}</Title>
      <TextInput
        label={t('kb.search')}
        placeholder={t('kb.searchPlaceholder')}
        value={query}
        onChange={(e) => setParams(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true })}
        data-testid="kb-search"
        data-search-shortcut
        maw={480}
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
                {a.status === 'draft' && (
                  <Badge size="sm" color="gray">
                    {t('kb.draft')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {a.number} · {fmt.dateTime(a.updatedAt)}
                </Text>
              </Group>
            </Group>
            {a.tags.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {a.tags.join(', ')}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
