import { ActionIcon, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { updateNotificationEntries, useDb, useNotificationEntries } from '../../data/index.js';
import type { DeskDatabase, NotificationEntry } from '../../data/index.js';
import { getDesk } from '../../platform/desk.js';
import { useFormatters } from '../../ui/format.js';
import { markAllRead, markEntryRead, markTicketRead, unreadCount } from './notification-centre.js';

function BellIcon() {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function save(db: DeskDatabase, userId: string, change: (kept: readonly NotificationEntry[]) => NotificationEntry[]): void {
  void updateNotificationEntries(db, userId, change).catch((err: unknown) =>
    getDesk().log('warn', `Notification centre not updated: ${String(err)}`),
  );
}

function EntryRow({ entry, onOpen }: { entry: NotificationEntry; onOpen: (entry: NotificationEntry) => void }) {
  const { t } = useTranslation();
  const when = useFormatters().dateTime(entry.occurredAt);
  return (
    <UnstyledButton
      onClick={() => onOpen(entry)}
      data-testid="notification-entry"
      data-read={entry.read ? 'true' : 'false'}
      data-kind={entry.kind}
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: entry.read ? undefined : 'var(--mantine-color-blue-light)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {t(`notificationCentre.kind.${entry.kind}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {when}
        </Text>
      </Group>
      <Text size="sm" fw={entry.read ? 400 : 700} lineClamp={2}>
        {/* Plain text children: a hostile title is shown, never parsed as markup. */}
        <span data-testid="notification-number">{entry.ticketNumber}</span> {entry.ticketTitle}
      </Text>
      {!entry.read && (
        <Badge size="xs" variant="dot">
          {t('notificationCentre.unread')}
        </Badge>
      )}
    </UnstyledButton>
  );
}

/**
 * The header's bell: how many notices are unread, and the list of them (this device's, so also offline). Opening an
 * entry reads it and opens its ticket; opening a ticket any other way (a desktop notification's click, a link) reads
 * what concerned it too.
 */
export function NotificationBell() {
  const db = useDb();
  const user = useCurrentUser();
  const entries = useNotificationEntries(user.id);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const unread = unreadCount(entries);

  const update = (change: (kept: readonly NotificationEntry[]) => NotificationEntry[]) => save(db, user.id, change);

  const openTicketId = matchPath('/tickets/:id', pathname)?.params.id;
  const unreadForOpenTicket = openTicketId ? entries.some((e) => !e.read && e.ticketId === openTicketId) : false;
  useEffect(() => {
    if (openTicketId && unreadForOpenTicket) save(db, user.id, (kept) => markTicketRead(kept, openTicketId));
  }, [db, user.id, openTicketId, unreadForOpenTicket]);

  const open = (entry: NotificationEntry) => {
    setOpened(false);
    update((kept) => markEntryRead(kept, entry.id));
    void navigate(`/tickets/${encodeURIComponent(entry.ticketId)}`);
  };

  const label = t('notificationCentre.bell', { count: unread });
  return (
    // The Indicator wraps the Popover, not the reverse: the target gets aria-expanded, which only a button may carry.
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus withArrow>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={label}
            title={label}
            data-testid="notification-bell"
            data-unread={unread}
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown data-testid="notification-centre" aria-label={t('notificationCentre.title')} role="dialog">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={700}>{t('notificationCentre.title')}</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={unread === 0}
              onClick={() => update(markAllRead)}
              data-testid="notification-mark-all"
            >
              {t('notificationCentre.markAllRead')}
            </Button>
          </Group>
          {entries.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="notification-empty">
              {t('notificationCentre.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={420} type="auto">
              <Stack gap={4}>
                {entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} onOpen={open} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {t('notificationCentre.deviceOnly')}
          </Text>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
