import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { effectiveReviewBy, type KbArticle } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canSetReviewDate, setArticleReviewDate, useDb } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useViolationText } from '../../ui/violations.js';
import { ReviewDueBadge } from './ReviewDueBadge.js';

/** The article's review date (set or the default), "Review due" once passed, and for its writers a way to change it. */
export function ArticleReview({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const fmt = useFormatters();
  const text = useViolationText();
  const reviewBy = effectiveReviewBy(article);
  const [value, setValue] = useState(reviewBy ?? '');
  if (article.status !== 'published') return null;
  const save = async () => {
    const violations = await setArticleReviewDate(db, article.id, value, user);
    notifications.show(
      violations.length > 0
        ? { color: 'red', message: violations.map(text).join(' ') }
        : { color: 'green', message: t('kb.review.saved') },
    );
  };
  return (
    <Group gap="xs" wrap="wrap" mt="xs" data-testid="kb-review">
      <Text size="sm" c="dimmed" data-testid="kb-review-by">
        {reviewBy ? t('kb.review.by', { date: fmt.day(reviewBy) }) : ''}
      </Text>
      <ReviewDueBadge article={article} />
      {canSetReviewDate(user) && (
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            type="date"
            size="xs"
            label={t('kb.review.label')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            data-testid="kb-review-input"
          />
          <Button size="xs" variant="light" onClick={() => void save()} disabled={!value} data-testid="kb-review-save">
            {t('kb.review.save')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
