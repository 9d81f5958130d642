import { AppShell, Badge, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUnresolvedConflictCount } from '../data/index.js';
import { AssignmentNotifier } from '../features/notifications/AssignmentNotifier.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { SyncStatusIndicator } from '../features/sync-status/SyncStatusIndicator.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { DesktopBridge } from '../platform/DesktopBridge.js';
import { screensFor } from './screens.js';
import { useCurrentUser } from './session-context.js';
import { UserMenu } from './UserMenu.js';
import { CommandPalette } from '../features/palette/CommandPalette.js';
import { ConsoleShortcuts } from '../platform/ConsoleShortcuts.js';

function NavItem({ to, label, testId, right }: { to: string; label: string; testId: string; right?: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <NavLink
      component={RouterLink}
      to={to}
      label={label}
      data-testid={testId}
      active={pathname === to || pathname.startsWith(`${to}/`)}
      rightSection={right}
    />
  );
}

/** Header (name, sync status, language, user menu), navbar (the screens this user reaches) and the page. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const conflicts = useUnresolvedConflictCount();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <CommandPalette />
      <ConsoleShortcuts />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* The name gives way first (it truncates) so the controls on the right keep their whole labels. */}
          <Group wrap="nowrap" gap="sm" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('nav.toggle')}
              data-testid="nav-toggle"
            />
            <Title order={1} size="h4" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {t('app.name')}
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm" style={{ flexShrink: 0 }}>
            <NotificationBell />
            <SyncStatusIndicator />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} onClick={close}>
        {screensFor(user).map((screen) => (
          <NavItem
            key={screen.id}
            to={screen.route}
            label={t(screen.navKey)}
            testId={screen.navTestId}
            right={
              screen.id === 'conflicts' && conflicts > 0 ? (
                <Badge color="orange" size="sm" aria-label={t('nav.conflictCount', { n: conflicts })}>
                  {conflicts}
                </Badge>
              ) : null
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <DesktopBridge />
        <AssignmentNotifier />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
