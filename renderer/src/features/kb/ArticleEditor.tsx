import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { KbArticle, Language } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { saveArticleDraft, useDb } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';

const LANGS: Language[] = ['en', 'fr'];

/** Edits a draft in both languages, side by side: title, Markdown body, tags. */
export function ArticleEditor({ article, onSaved }: { article: KbArticle; onSaved: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [title, setTitle] = useState(article.title);
  const [body, setBody] = useState(article.body);
  const [tags, setTags] = useState(article.tags.join(', '));
  const [error, setError] = useState<string | undefined>();

  const save = async () => {
    const tagList = [
      ...new Set(
        tags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    const violations = await saveArticleDraft(db, article.id, { title, body, tags: tagList }, user);
    if (violations.length > 0) return setError(violations.map(text).join(' '));
    setError(undefined);
    notifications.show({ color: 'green', message: t('kb.saved') });
    onSaved();
  };

  return (
    <Stack gap="sm" data-testid="kb-editor">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {LANGS.map((lang) => (
          <Stack key={lang} gap="xs">
            <TextInput
              label={t(`kb.titleIn.${lang}`)}
              value={title[lang]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTitle((v) => ({ ...v, [lang]: value }));
              }}
              lang={lang}
              data-testid={`kb-edit-title-${lang}`}
            />
            <Textarea
              label={t(`kb.bodyIn.${lang}`)}
              description={t('kb.markdownHint')}
              value={body[lang]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setBody((v) => ({ ...v, [lang]: value }));
              }}
              autosize
              minRows={8}
              maxRows={24}
              lang={lang}
              data-testid={`kb-edit-body-${lang}`}
            />
          </Stack>
        ))}
      </SimpleGrid>
      <TextInput
        label={t('kb.tags')}
        description={t('kb.tagsHint')}
        value={tags}
        onChange={(e) => setTags(e.currentTarget.value)}
        error={error}
        data-testid="kb-edit-tags"
      />
      <Group justify="flex-end">
        <Button onClick={() => void save()} data-testid="kb-save">
          {t('kb.save')}
        </Button>
      </Group>
    </Stack>
  );
}
