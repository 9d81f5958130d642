import { Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemaVersions, useDb, useSyncController, useSyncStatus, useUnresolvedConflictCount } from '../data/index.js';
import { useDeskHub } from '../platform/DeskHubProvider.js';
import { getDesk } from '../platform/desk.js';
import { diagnosticsInfo, exportDiagnosticsWithFeedback } from '../platform/diagnostics.js';
import { useLabels } from '../ui/labels.js';
import { useCurrentUser, useSession } from './session-context.js';
import { useSyncControl } from './sync-control.js';

/**
 * The header's user menu: sign out (this device keeps its data for next time), sign out and erase this device's
 * data (after a confirmation that counts unsent changes), keyboard shortcuts and diagnostics export.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useLabels();
  const { signOut, signOutAndErase } = useSession();
  const control = useSyncControl();
  const db = useDb();
  const sync = useSyncController();
  const status = useSyncStatus();
  const conflicts = useUnresolvedConflictCount();
  const { openShortcuts } = useDeskHub();
  const [confirming, { open: askErase, close: cancelErase }] = useDisclosure(false);
  const [busy, setBusy] = useState<'sign-out' | 'erase' | null>(null);
  const desk = getDesk();

  const plainSignOut = async () => {
    setBusy('sign-out');
    await signOut();
  };
  const erase = async () => {
    setBusy('erase');
    try {
      await signOutAndErase(control.eraseLocalDatabase);
    } catch (err) {
      setBusy(null);
      cancelErase();
      notifications.show({
        color: 'red',
        title: t('auth.eraseFailedTitle'),
        message: t('auth.eraseFailed', { message: err instanceof Error ? err.message : String(err) }),
      });
    }
  };
  const exportDiagnostics = () =>
    void exportDiagnosticsWithFeedback(desk, diagnosticsInfo(sync?.getStatus() ?? null, conflicts, schemaVersions(db)), t);

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={300}>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            data-testid="user-menu"
            loading={busy === 'sign-out'}
            title={user.email}
            style={{ flexShrink: 0 }}
          >
            {user.name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {user.email} · {labels.role[user.role]}
          </Menu.Label>
          <Menu.Item data-testid="logout" onClick={() => void plainSignOut()}>
            <Text size="sm">{t('auth.logout')}</Text>
            <Text size="xs" c="dimmed">
              {t('auth.logoutHint')}
            </Text>
          </Menu.Item>
          <Menu.Item data-testid="logout-erase" color="red" onClick={askErase}>
            <Text size="sm">{t('auth.logoutErase')}</Text>
            <Text size="xs" c="dimmed">
              {t('auth.logoutEraseHint')}
            </Text>
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item data-testid="menu-shortcuts" onClick={openShortcuts}>
            {t('shortcuts.title')}
          </Menu.Item>
          <Menu.Item data-testid="menu-diagnostics" onClick={exportDiagnostics}>
            {t('diagnostics.menu')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirming} onClose={cancelErase} title={t('auth.eraseTitle')} data-testid="erase-confirm" centered>
        <Stack>
          <Text size="sm">{t('auth.eraseExplain')}</Text>
          {status.pendingPush > 0 && (
            <Alert color="red" data-testid="erase-pending-warning">
              {t('auth.erasePending', { n: status.pendingPush })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancelErase} disabled={busy === 'erase'}>
              {t('auth.cancel')}
            </Button>
            <Button color="red" onClick={() => void erase()} loading={busy === 'erase'} data-testid="erase-confirm-button">
              {t('auth.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
