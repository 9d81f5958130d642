import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { countRatings, ratingOf, type ArticleRating as Rating, type KbArticle } from '@shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canRateArticles, rateArticle, useDb } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useViolationText } from '../../ui/violations.js';

const CHOICES: readonly Rating[] = ['helpful', 'not_helpful'];

/**
 * "Was this helpful?": the reader's own choice (filled, the others outlined) and everyone's counts. Choosing the
 * selected answer again withdraws it. Written on the device, so it works offline and syncs.
 */
export function ArticleRating({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const fmt = useFormatters();
  const text = useViolationText();
  const mine = ratingOf(article.ratings, user.id);
  const counts = countRatings(article.ratings);
  const rate = async (value: Rating) => {
    const violations = await rateArticle(db, article.id, mine === value ? null : value, user);
    if (violations.length > 0) notifications.show({ color: 'red', message: violations.map(text).join(' ') });
  };
  return (
    <Group gap="xs" mt="lg" wrap="wrap" data-testid="kb-rating" role="group" aria-label={t('kb.rating.question')}>
      <Text size="sm" fw={500}>
        {t('kb.rating.question')}
      </Text>
      {canRateArticles(user) &&
        CHOICES.map((value) => (
          <Button
            key={value}
            size="xs"
            variant={mine === value ? 'filled' : 'default'}
            color={value === 'helpful' ? 'teal.9' : 'orange.9'}
            aria-pressed={mine === value}
            onClick={() => void rate(value)}
            data-testid={`kb-rate-${value}`}
            data-selected={mine === value}
          >
            {t(`kb.rating.${value}`)}
          </Button>
        ))}
      <Text size="sm" c="dimmed" data-testid="kb-rating-counts">
        {t('kb.rating.counts', { helpful: fmt.number(counts.helpful), notHelpful: fmt.number(counts.notHelpful) })}
      </Text>
    </Group>
  );
}
