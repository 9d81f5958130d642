import { Badge } from '@mantine/core';
import type { ArticleStatus } from '@shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ArticleStatus, string> = { draft: 'gray', published: 'green', retired: 'red' };

/** The lifecycle status of an article. */
export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLORS[status]} data-testid="kb-status" data-status={status}>
      {t(`kb.status.${status}`)}
    </Badge>
  );
}
