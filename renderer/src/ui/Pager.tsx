import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Previous / next paging for lists whose total is not counted (counting 100k local rows is slow). */
export function Pager({ page, hasMore, onPage }: { page: number; hasMore: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (page === 0 && !hasMore) return null;
  return (
    <Group justify="flex-end" gap="xs" aria-label={t('pager.label')} role="navigation">
      <Button variant="default" size="xs" disabled={page === 0} onClick={() => onPage(page - 1)} data-testid="page-prev">
        {t('pager.previous')}
      </Button>
      <Text size="sm">{t('pager.page', { n: page + 1 })}</Text>
      <Button variant="default" size="xs" disabled={!hasMore} onClick={() => onPage(page + 1)} data-testid="page-next">
        {t('pager.next')}
      </Button>
    </Group>
  );
}
