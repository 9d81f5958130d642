import { Badge } from '@mantine/core';
import { isReviewDue, type KbArticle } from '@shared';
import { useTranslation } from 'react-i18next';

/** "Review due" once a published article's review date has passed (the shared rule); nothing otherwise. */
export function ReviewDueBadge({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  if (!isReviewDue(article, Date.now())) return null;
  return (
    <Badge size="sm" variant="light" color="orange" data-testid="kb-review-due" style={{ flexShrink: 0 }}>
      {t('kb.review.due')}
    </Badge>
  );
}
