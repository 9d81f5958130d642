import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { KbArticle, KbArticleVersion } from '@shared';
import { pickLanguage } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArticleVersions, useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { ArticleBody } from './ArticleBody.js';
import { diffLines } from './version-diff.js';

const DIFF_COLORS = { same: undefined, removed: 'var(--mantine-color-red-light)', added: 'var(--mantine-color-green-light)' };
const DIFF_MARKS = { same: ' ', removed: '−', added: '+' };

/** One old version: rendered, or compared line by line with the current text of the article. */
function VersionView({ version, article }: { version: KbArticleVersion; article: KbArticle }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [mode, setMode] = useState<'view' | 'compare'>('view');
  const oldBody = pickLanguage(version.body, lang);
  const currentBody = pickLanguage(article.body, lang);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="kb-version-title"
      data-testid="kb-version-view"
      data-version={version.version}
    >
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5" id="kb-version-title">
          {t('kb.versionTitle', { n: version.version, title: pickLanguage(version.title, lang) })}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('kb.viewMode')}
          data={[
            { value: 'view', label: t('kb.viewVersion') },
            { value: 'compare', label: t('kb.compareCurrent', { n: article.version }) },
          ]}
          value={mode}
          onChange={(v) => setMode(v === 'compare' ? 'compare' : 'view')}
          data-testid="kb-version-mode"
        />
      </Group>
      {mode === 'view' ? (
        <ArticleBody body={oldBody} title={pickLanguage(version.title, lang)} testId="kb-version-body" />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="kb-version-compare">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('kb.versionN', { n: version.version })}
            </Text>
            <ArticleBody body={oldBody} title="" />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('kb.changesToCurrent', { n: article.version })}
            </Text>
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 13 }} aria-label={t('kb.lineChanges')}>
              {diffLines(oldBody, currentBody).map((line, i) => (
                <div key={i} style={{ background: DIFF_COLORS[line.kind] }} data-diff={line.kind}>
                  {DIFF_MARKS[line.kind]} {line.text}
                </div>
              ))}
            </pre>
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** Every published version of the article (who published it and when), each viewable and comparable. */
export function ArticleHistory({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const directory = useDirectory();
  const versions = useArticleVersions(article.id);
  const [selected, setSelected] = useState<number | null>(null);
  const shown = versions.find((v) => v.version === selected);
  // A version published on this device appears once the server has recorded it and it has synced back.
  const awaiting = article.status !== 'draft' && !versions.some((v) => v.version === article.version);

  return (
    <Stack gap="md" data-testid="kb-history">
      {versions.length === 0 && !awaiting && <Text c="dimmed">{t('kb.noVersions')}</Text>}
      {(versions.length > 0 || awaiting) && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kb.versionCol')}</Table.Th>
              <Table.Th>{t('kb.publishedBy')}</Table.Th>
              <Table.Th>{t('kb.publishedAt')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('kb.actionsCol')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...versions].reverse().map((v) => (
              <Table.Tr key={v.id} data-testid="kb-version-row" data-version={v.version}>
                <Table.Td>
                  {t('kb.versionN', { n: v.version })}{' '}
                  {v.version === article.version && article.status === 'published' && (
                    <Badge size="xs" color="green" variant="light">
                      {t('kb.current')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{directory.byId.get(v.publishedBy)?.name ?? v.publishedBy}</Table.Td>
                <Table.Td>{fmt.dateTime(v.publishedAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant={selected === v.version ? 'filled' : 'light'}
                    onClick={() => setSelected(v.version)}
                    aria-label={t('kb.viewVersionN', { n: v.version })}
                    data-testid="kb-version-open"
                  >
                    {t('kb.viewVersion')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {awaiting && (
              <Table.Tr data-testid="kb-version-pending">
                <Table.Td>{t('kb.versionN', { n: article.version })}</Table.Td>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed">
                    {t('kb.versionPending')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {shown && <VersionView key={shown.id} version={shown} article={article} />}
    </Stack>
  );
}
