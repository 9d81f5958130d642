import { Button, Group, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import type { BilingualText, Language, Ticket } from '@shared';
import { CHANGE_LIMITS } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { releaseNotesDraft, saveReleaseNotes, useDb, useTicketsByIds } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines, SavedMark } from '../problems/FormFeedback.js';
import { downloadMarkdown } from './download.js';

const LANGUAGES: readonly Language[] = ['en', 'fr'];

/**
 * The release notes in English and French side by side: drafted from the bundled changes, edited, saved, exported as
 * Markdown per language or printed. The text is shown and exported as typed, never rendered as HTML.
 */
export function ReleaseNotesForm({ release, changes }: { release: Ticket; changes: readonly Ticket[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [notes, setNotes] = useState<BilingualText>(release.releaseNotes ?? { en: '', fr: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  // The tickets the changes fix, to name them by number in the notes (their id when not on this device).
  const fixed = useTicketsByIds([...new Set(changes.flatMap((c) => c.fixesTicketIds ?? []))]);

  const edit = (next: BilingualText) => {
    setNotes(next);
    setSaved(false);
  };
  const generate = () => {
    const numbers = new Map(fixed.map((f) => [f.id, f.number]));
    edit(releaseNotesDraft(release, changes, (id) => numbers.get(id) ?? id));
  };
  const save = async () => {
    const violations = await saveReleaseNotes(db, release.id, notes, user);
    setErrors(violations.map(text));
    setSaved(violations.length === 0);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="release-notes-title" data-testid="release-notes">
      <Group justify="space-between">
        <Title order={4} size="h6" id="release-notes-title">
          {t('releases.notesTitle')}
        </Title>
        <Button size="compact-sm" variant="light" onClick={generate} data-testid="release-notes-generate">
          {t('releases.generate')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {LANGUAGES.map((lang) => (
          <Textarea
            key={lang}
            label={t(`releases.notesIn.${lang}`)}
            lang={lang}
            value={notes[lang]}
            onChange={(e) => edit({ ...notes, [lang]: e.currentTarget.value })}
            maxLength={CHANGE_LIMITS.releaseNotes}
            autosize
            minRows={6}
            maxRows={20}
            styles={{ input: { fontFamily: 'monospace' } }}
            data-testid={`release-notes-${lang}`}
          />
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Button size="compact-sm" onClick={() => void save()} data-testid="release-notes-save">
          {t('releases.saveNotes')}
        </Button>
        {LANGUAGES.map((lang) => (
          <Button
            key={lang}
            size="compact-sm"
            variant="default"
            onClick={() => downloadMarkdown(`${release.number}-${lang}.md`, notes[lang])}
            disabled={notes[lang].trim() === ''}
            data-testid={`release-export-${lang}`}
          >
            {t(`releases.export.${lang}`)}
          </Button>
        ))}
        <Button size="compact-sm" variant="default" onClick={() => window.print()} data-testid="release-print">
          {t('releases.print')}
        </Button>
        <SavedMark saved={saved} />
      </Group>
      <ErrorLines errors={errors} />
    </Stack>
  );
}
