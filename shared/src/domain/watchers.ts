import type { TicketEvent } from '../schemas/ticket-event.js';

const WATCHER_PREFIX = 'watcher:';

/** The values of the event that records someone starting (`watching`) or stopping to watch a ticket. */
export function watcherEventValues(userId: string, watching: boolean): Pick<TicketEvent, 'fromValue' | 'toValue'> {
  const value = `${WATCHER_PREFIX}${userId}`;
  return watching ? { fromValue: '', toValue: value } : { fromValue: value, toValue: '' };
}

/**
 * Who started or stopped watching, when the event records that; null for any other event. Such events are kept as
 * communications (the watchers are the stakeholders' list) but are not stakeholder updates and carry no text.
 */
export function watcherChange(
  event: Pick<TicketEvent, 'kind' | 'fromValue' | 'toValue'>,
): { userId: string; watching: boolean } | null {
  if (event.kind !== 'communication') return null;
  if (event.toValue.startsWith(WATCHER_PREFIX)) return { userId: event.toValue.slice(WATCHER_PREFIX.length), watching: true };
  if (event.fromValue.startsWith(WATCHER_PREFIX) && event.toValue === '')
    return { userId: event.fromValue.slice(WATCHER_PREFIX.length), watching: false };
  return null;
}
