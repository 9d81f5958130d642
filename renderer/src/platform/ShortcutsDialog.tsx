import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { MENU_COMMANDS, MENU_SHORTCUTS } from '@shared/ipc/channels.js';
import type { MenuCommand } from '@shared/ipc/channels.js';
import { useTranslation } from 'react-i18next';
import { formatAccelerator, isMacPlatform } from './keyboard.js';

interface Row {
  keys: string;
  label: string;
  testId: string;
}

function ShortcutTable({ rows }: { rows: Row[] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.testId} data-testid={row.testId}>
            <Table.Td w="40%">
              <Kbd>{row.keys}</Kbd>
            </Table.Td>
            <Table.Td>{row.label}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Keyboard help: the desktop menu's accelerators (shared MENU_SHORTCUTS, marked desktop-only in the web build, where
 * the browser keeps those keys) and the console's own keys. Opened by Help > Keyboard shortcuts, or `?` on the web.
 */
export function ShortcutsDialog({ opened, onClose, isDesktop }: { opened: boolean; onClose: () => void; isDesktop: boolean }) {
  const { t } = useTranslation();
  const isMac = isMacPlatform(navigator.platform);
  const commandLabels: Record<MenuCommand, string> = {
    'new-ticket': t('shortcuts.commands.newTicket'),
    'go-tickets': t('shortcuts.commands.goTickets'),
    'go-kb': t('shortcuts.commands.goKb'),
    'go-conflicts': t('shortcuts.commands.goConflicts'),
    'show-shortcuts': t('shortcuts.commands.showShortcuts'),
    'export-diagnostics': t('shortcuts.commands.exportDiagnostics'),
  };
  const menuRows = MENU_COMMANDS.flatMap((command) => {
    const accelerator = MENU_SHORTCUTS[command];
    return accelerator
      ? [{ keys: formatAccelerator(accelerator, isMac), label: commandLabels[command], testId: `shortcut-${command}` }]
      : [];
  });
  const appRows: Row[] = [
    ...(isDesktop ? [] : [{ keys: '?', label: t('shortcuts.app.help'), testId: 'shortcut-help' }]),
    { keys: '/', label: t('shortcuts.app.search'), testId: 'shortcut-search' },
    { keys: isMac ? '⌘K' : 'Ctrl+K', label: t('shortcuts.app.palette'), testId: 'shortcut-palette' },
    { keys: 'j / k', label: t('shortcuts.app.nextPrevious'), testId: 'shortcut-next' },
    { keys: 'c', label: t('shortcuts.app.create'), testId: 'shortcut-create' },
    { keys: 'a', label: t('shortcuts.app.assignMe'), testId: 'shortcut-assign' },
    { keys: 'm', label: t('shortcuts.app.comment'), testId: 'shortcut-comment' },
    { keys: 's', label: t('shortcuts.app.status'), testId: 'shortcut-status' },
    { keys: 'Esc', label: t('shortcuts.app.close'), testId: 'shortcut-close' },
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="lg">
      <Stack gap="md" data-testid="shortcuts-help">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('shortcuts.appSection')}
          </Title>
          <ShortcutTable rows={appRows} />
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('shortcuts.menuSection')}
          </Title>
          {!isDesktop && (
            <Text size="sm" c="dimmed" mb={4}>
              {t('shortcuts.desktopOnly')}
            </Text>
          )}
          <ShortcutTable rows={menuRows} />
        </div>
      </Stack>
    </Modal>
  );
}
