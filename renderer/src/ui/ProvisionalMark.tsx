import { Badge } from '@mantine/core';
import { isProvisionalNumber } from '@shared/domain/ticket-numbering.js';
import { useTranslation } from 'react-i18next';

/** "provisional" beside a number the server has not confirmed yet (NEW-…); nothing for a confirmed one. */
export function ProvisionalMark({ number }: { number: string }) {
  const { t } = useTranslation();
  if (!isProvisionalNumber(number)) return null;
  return (
    <Badge size="xs" color="orange" variant="light" ml={6} title={t('provisional.hint')} data-testid="row-provisional">
      {t('provisional.short')}
    </Badge>
  );
}
