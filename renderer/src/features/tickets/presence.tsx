import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { PresenceEntry } from '@shared/sync/presence.js';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { useTicketPresence } from '../../data/index.js';

interface PresenceContextValue {
  people: PresenceEntry[];
  setEditing: (source: string, editing: boolean) => void;
}

const PresenceContext = createContext<PresenceContextValue | null>(null);

/**
 * Announces the signed-in person on this ticket (viewing, or editing while any form below reports unsaved work)
 * and shares who else has it open with the components below.
 */
export function TicketPresenceProvider({ ticketId, children }: { ticketId: string; children: ReactNode }) {
  const user = useCurrentUser();
  const [editingSources, setEditingSources] = useState<ReadonlySet<string>>(new Set());
  const people = useTicketPresence(ticketId, user.id, editingSources.size > 0 ? 'editing' : 'viewing');
  const setEditing = useCallback((source: string, editing: boolean) => {
    setEditingSources((current) => {
      if (current.has(source) === editing) return current;
      const next = new Set(current);
      if (editing) next.add(source);
      else next.delete(source);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ people, setEditing }), [people, setEditing]);
  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
}

/** Tells the ticket's presence that this form holds unsaved work (a no-op outside a ticket page). */
export function useReportEditing(source: string, editing: boolean): void {
  const setEditing = useContext(PresenceContext)?.setEditing;
  useEffect(() => {
    if (!setEditing) return undefined;
    setEditing(source, editing);
    return () => setEditing(source, false);
  }, [setEditing, source, editing]);
}

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

/** The other people on this ticket, as avatars with "Alex is editing"; nothing when alone or offline. */
export function PresenceAvatars() {
  const { t } = useTranslation();
  const people = useContext(PresenceContext)?.people ?? [];
  if (people.length === 0) return null;
  const say = (p: PresenceEntry) =>
    p.state === 'editing' ? t('presence.editing', { name: p.name }) : t('presence.viewing', { name: p.name });
  const editing = people.filter((p) => p.state === 'editing');
  const headline = (editing.length > 0 ? editing : people).map(say).join(' · ');
  return (
    <Group gap="xs" data-testid="presence" aria-label={t('presence.label')} role="status">
      <Avatar.Group spacing="sm">
        {people.map((p) => (
          <Tooltip key={p.userId} label={say(p)} withArrow>
            <Avatar
              size="sm"
              radius="xl"
              color={p.state === 'editing' ? 'orange' : 'blue'}
              variant={p.state === 'editing' ? 'filled' : 'light'}
              alt={p.name}
              data-testid="presence-person"
              data-state={p.state}
            >
              {initials(p.name)}
            </Avatar>
          </Tooltip>
        ))}
      </Avatar.Group>
      <Text size="sm" c="dimmed" data-testid="presence-text">
        {headline}
      </Text>
    </Group>
  );
}
