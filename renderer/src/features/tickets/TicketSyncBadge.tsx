import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocSyncState, useSyncController, useSyncStatus } from '../../data/index.js';

/** pending (changes to the ticket or its new entries not yet on the server) / synced / conflict (a clash to settle). */
export function TicketSyncBadge({ ticketId, eventIds }: { ticketId: string; eventIds: string[] }) {
  const { t } = useTranslation();
  const ticketState = useDocSyncState('tickets', ticketId);
  const sync = useSyncController();
  const { pendingPush } = useSyncStatus();
  const eventsPending = pendingPush > 0 && !!sync && eventIds.some((id) => sync.isPending('ticket_events', id));
  const state = ticketState === 'synced' && eventsPending ? 'pending' : ticketState;
  const color = state === 'conflict' ? 'orange' : state === 'pending' ? 'yellow' : 'green';
  const text =
    state === 'conflict' ? t('ticket.sync.conflict') : state === 'pending' ? t('ticket.sync.pending') : t('ticket.sync.synced');
  // A clash is settled in the conflict view: the badge leads there.
  if (state === 'conflict')
    return (
      <Badge component={Link} to="/conflicts" color={color} variant="light" data-testid="ticket-sync-state" data-state={state}>
        {text}
      </Badge>
    );
  return (
    <Badge color={color} variant="light" data-testid="ticket-sync-state" data-state={state}>
      {text}
    </Badge>
  );
}
