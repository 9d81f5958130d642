import { Button, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { KnownError, Ticket } from '@shared';
import { PROBLEM_LIMITS, pickLanguage, problemPhaseOf } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canMoveProblem, canPublishKnownError, saveKnownError, useDb } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines } from './FormFeedback.js';

const PARTS = ['symptoms', 'cause', 'workaround'] as const;
const LANGS = ['en', 'fr'] as const;
const EMPTY: KnownError = {
  symptoms: { en: '', fr: '' },
  cause: { en: '', fr: '' },
  workaround: { en: '', fr: '' },
};

/**
 * The problem's known error in English and French (symptoms, cause, workaround). Problem managers write it and publish
 * it (the move to the known-error phase, judged with the texts in one write); everyone else reads it.
 */
export function KnownErrorForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [draft, setDraft] = useState<KnownError>(() => ticket.knownError ?? EMPTY);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const phase = problemPhaseOf(ticket);
  const editable = canPublishKnownError(user, ticket) && phase !== 'closed';
  const canPublish = editable && canMoveProblem(user, ticket) && (phase === 'root_cause_analysis' || phase === 'known_error');

  if (!editable) {
    const known = ticket.knownError;
    return (
      <Stack gap={4} component="section" aria-labelledby="problem-ke-title" data-testid="problem-known-error">
        <Title order={4} size="h6" id="problem-ke-title">
          {t('problems.knownError')}
        </Title>
        {!known && (
          <Text size="sm" c="dimmed">
            {t('problems.noKnownError')}
          </Text>
        )}
        {known &&
          PARTS.map((part) => (
            <Text key={part} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600}>
                {t(`problems.ke.${part}`)}:
              </Text>{' '}
              {pickLanguage(known[part], lang)}
            </Text>
          ))}
      </Stack>
    );
  }

  const save = async (publish: boolean) => {
    const violations = await saveKnownError(db, ticket.id, draft, user, publish);
    setErrors(violations.map(text));
    setSaved(violations.length === 0 ? (publish ? t('problems.published') : t('problems.saved')) : null);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="problem-ke-title" data-testid="problem-known-error">
      <Title order={4} size="h6" id="problem-ke-title">
        {t('problems.knownError')}
      </Title>
      {PARTS.map((part) => (
        <SimpleGrid key={part} cols={{ base: 1, sm: 2 }} spacing="xs">
          {LANGS.map((l) => (
            <Textarea
              key={l}
              label={t(`problems.ke.${part}Lang`, { lang: t(`problems.lang.${l}`) })}
              lang={l}
              value={draft[part][l]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [part]: { ...d[part], [l]: value } }));
                setSaved(null);
              }}
              autosize
              minRows={2}
              maxLength={PROBLEM_LIMITS.knownErrorText}
              data-testid={`problem-ke-${part}-${l}`}
            />
          ))}
        </SimpleGrid>
      ))}
      <Group justify="flex-end" gap="xs">
        {saved && (
          <Text size="sm" role="status">
            {saved}
          </Text>
        )}
        <Button size="xs" variant="light" onClick={() => void save(false)} data-testid="problem-ke-save">
          {t('problems.saveDraft')}
        </Button>
        {canPublish && (
          <Button size="xs" onClick={() => void save(true)} data-testid="problem-ke-publish">
            {phase === 'known_error' ? t('problems.republish') : t('problems.publish')}
          </Button>
        )}
      </Group>
      <ErrorLines errors={errors} />
    </Stack>
  );
}
