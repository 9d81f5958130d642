import { Badge, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSyncStatus, useUnresolvedConflictCount } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';

/**
 * Always visible in the header: online, offline or paused (tray "Pause sync"), changes waiting to be sent, the last
 * successful sync, the last error, and the first download's progress. While a conflict or refusal waits for the
 * user, it never looks settled: no green, and a link to the conflicts instead of the last sync time. Tests read its
 * data-online, data-pending, data-conflicts, data-error and data-paused attributes.
 */
export function SyncStatusIndicator() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const s = useSyncStatus();
  const conflicts = useUnresolvedConflictCount();
  const lastSync = s.lastSyncAt ? t('sync.lastSync', { time: fmt.time(s.lastSyncAt) }) : t('sync.never');
  return (
    <Group
      gap={6}
      wrap="nowrap"
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-online={String(s.online)}
      data-pending={String(s.pendingPush)}
      data-error={s.error ?? ''}
      data-initial-sync={String(s.initialSync.running)}
      data-paused={String(s.paused)}
      data-conflicts={String(conflicts)}
    >
      {s.paused ? (
        <Tooltip label={t('sync.pausedHint')} multiline w={260} withArrow>
          <Badge color="yellow" variant="light" tabIndex={0} data-testid="sync-paused">
            {t('sync.paused')}
          </Badge>
        </Tooltip>
      ) : (
        <Badge color={!s.online ? 'gray' : conflicts > 0 ? 'orange' : 'green'} variant="light" title={lastSync}>
          {s.online ? t('sync.online') : t('sync.offline')}
        </Badge>
      )}
      {s.initialSync.running && s.online && (
        <Group gap={4} wrap="nowrap" data-testid="sync-progress">
          <Loader size="xs" />
          <Text size="xs">{t('sync.downloading', { n: fmt.number(s.initialSync.pulledDocs) })}</Text>
        </Group>
      )}
      <Text size="xs" c={s.pendingPush > 0 ? 'orange' : 'dimmed'} data-testid="sync-pending">
        {t('sync.pending', { n: s.pendingPush })}
      </Text>
      {conflicts > 0 ? (
        <Tooltip label={t('sync.conflictsHint')} multiline w={260} withArrow>
          <Badge
            component={Link}
            to="/conflicts"
            color="red"
            variant="filled"
            data-testid="sync-conflicts"
            style={{ cursor: 'pointer' }}
          >
            {t('sync.conflicts', { count: conflicts })}
          </Badge>
        </Tooltip>
      ) : (
        // Hidden while the first download runs (its progress says more) and below 992 px, where the header must
        // keep room for the controls beside it; the badge's title still carries it there.
        !s.initialSync.running && (
          <Text size="xs" c="dimmed" visibleFrom="md">
            {lastSync}
          </Text>
        )
      )}
      {s.error && (
        <Tooltip label={s.error} multiline w={280} withArrow>
          <Badge color="red" variant="light" tabIndex={0} aria-label={t('sync.errorLabel', { message: s.error })}>
            {t('sync.error')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
