import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { KbArticle, RuleViolation } from '@shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canEditArticles, publishArticle, retireArticle, startNewDraft, useDb } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';

/** Publish, New draft and Retire, as the lifecycle and the access policy allow. */
export function ArticleActions({ article, onDraft }: { article: KbArticle; onDraft: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  if (!canEditArticles(user.role) || article.status === 'retired') return null;

  const run = async (action: () => Promise<RuleViolation[]>, done: string, after?: () => void) => {
    const violations = await action();
    if (violations.length > 0) return notifications.show({ color: 'red', message: violations.map(text).join(' ') });
    notifications.show({ color: 'green', message: done });
    after?.();
  };

  return (
    <Group gap="xs" data-testid="kb-actions">
      {article.status === 'draft' && (
        <Button
          size="xs"
          onClick={() => void run(() => publishArticle(db, article.id, user), t('kb.published', { n: article.version }))}
          data-testid="kb-publish"
        >
          {t('kb.publish', { n: article.version })}
        </Button>
      )}
      {article.status === 'published' && (
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            void run(() => startNewDraft(db, article.id, user), t('kb.drafted', { n: article.version + 1 }), onDraft)
          }
          data-testid="kb-new-draft"
        >
          {t('kb.newDraft')}
        </Button>
      )}
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={() => void run(() => retireArticle(db, article.id, user), t('kb.retired'))}
        data-testid="kb-retire"
      >
        {t('kb.retire')}
      </Button>
    </Group>
  );
}
