import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { KnownErrorSource, Ticket } from '@shared';
import { buildKnownErrorIndex, pickLanguage, publishedKnownErrors } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { applyWorkaround, useDb, useProblems } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useViolationText } from '../../ui/violations.js';

/**
 * Known errors beside the knowledge-base suggestions on an incident (issue 19): those matching the incident's title,
 * description, category and CIs, or the words the agent types, searched on this device (so offline too), with
 * "Apply workaround", which links the incident to the problem and records it in the incident's history.
 */
export function KnownErrorSuggestions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const problems = useProblems();
  const sources = useMemo(() => publishedKnownErrors(problems), [problems]);
  const index = useMemo(() => buildKnownErrorIndex(sources), [sources]);
  const byId = useMemo(() => new Map<string, KnownErrorSource>(sources.map((s) => [s.id, s])), [sources]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | undefined>();
  const hits = useMemo(
    () =>
      query.trim()
        ? index.search(query, 5)
        : index.suggestFor(
            { title: ticket.title, description: ticket.description, categoryId: ticket.categoryId, ciIds: ticket.ciIds },
            5,
          ),
    [index, query, ticket.title, ticket.description, ticket.categoryId, ticket.ciIds],
  );
  if (ticket.type !== 'incident') return null;

  const apply = async (source: KnownErrorSource) => {
    const violations = await applyWorkaround(db, ticket.id, source, pickLanguage(source.knownError.workaround, lang), user);
    setError(violations.length > 0 ? violations.map(text).join(' ') : undefined);
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="known-errors-title" data-testid="known-error-suggestions">
      <Title order={3} size="h5" id="known-errors-title" mb={4}>
        {t('problems.knownErrors')}
      </Title>
      <TextInput
        size="xs"
        label={t('problems.searchKnownErrors')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-testid="known-error-search"
        mb="xs"
      />
      {hits.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('problems.noKnownErrors')}
        </Text>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {hits.map(({ id }) => {
          const source = byId.get(id);
          if (!source) return null;
          const linked = ticket.problemId === id;
          return (
            <Stack key={id} gap={2} component="li" data-testid="known-error" data-problem-id={id}>
              <Anchor component={Link} to={`/tickets/${encodeURIComponent(id)}`} size="sm" lineClamp={2}>
                {source.number} · {source.title}
              </Anchor>
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {pickLanguage(source.knownError.symptoms, lang)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="known-error-workaround">
                <Text span fw={600}>
                  {t('problems.ke.workaround')}:
                </Text>{' '}
                {pickLanguage(source.knownError.workaround, lang)}
              </Text>
              <Group justify="flex-end" gap={4}>
                {linked && <Badge size="xs">{t('problems.linkedBadge')}</Badge>}
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => void apply(source)}
                  aria-label={t('problems.applyNamed', { number: source.number })}
                  data-testid="known-error-apply"
                >
                  {t('problems.apply')}
                </Button>
              </Group>
            </Stack>
          );
        })}
      </Stack>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}
