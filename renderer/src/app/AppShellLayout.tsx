import { AppShell, Badge, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '@shared';
import { canManageSurveys, canReadDirectoryAdmin, useUnresolvedConflictCount } from '../data/index.js';
import { canSeeReports } from '../features/reports/access.js';
import { canReadSlaSettings } from '../data/commands/sla-settings.js';
import { AssignmentNotifier } from '../features/notifications/AssignmentNotifier.js';
import { SyncStatusIndicator } from '../features/sync-status/SyncStatusIndicator.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { DesktopBridge } from '../platform/DesktopBridge.js';
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

/** Header (name, sync status, language, user menu), navbar (tickets, knowledge base, conflicts) and the page. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const conflicts = useUnresolvedConflictCount();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <CommandPalette />
      <ConsoleShortcuts />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={1} size="h4">
              {t('app.name')}
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <SyncStatusIndicator />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} onClick={close}>
        <NavItem to="/tickets" label={t('nav.tickets')} testId="nav-tickets" />
        <NavItem to="/kb" label={t('nav.kb')} testId="nav-kb" />
        <NavItem to="/cmdb" label={t('nav.cmdb')} testId="nav-cmdb" />
        <NavItem to="/problems" label={t('nav.problems')} testId="nav-problems" />
        <NavItem to="/changes" label={t('nav.changes')} testId="nav-changes" />
        <NavItem
          to="/conflicts"
          label={t('nav.conflicts')}
          testId="nav-conflicts"
          right={
            conflicts > 0 ? (
              <Badge color="orange" size="sm" aria-label={t('nav.conflictCount', { n: conflicts })}>
                {conflicts}
              </Badge>
            ) : null
          }
        />
        {canSeeReports(user.role) && <NavItem to="/reports" label={t('nav.reports')} testId="nav-reports" />}
        {canReadSlaSettings(user) && <NavItem to="/service-levels" label={t('nav.slaAdmin')} testId="nav-sla-admin" />}
        {can(user, 'mail.held.read') && <NavItem to="/held-mail" label={t('nav.heldMail')} testId="nav-held-mail" />}
        {canManageSurveys(user) && <NavItem to="/surveys/design" label={t('nav.surveyDesign')} testId="nav-survey-design" />}
        {canReadDirectoryAdmin(user) && <NavItem to="/admin" label={t('nav.admin')} testId="nav-admin" />}
      </AppShell.Navbar>
      <AppShell.Main>
        <DesktopBridge />
        <AssignmentNotifier />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
