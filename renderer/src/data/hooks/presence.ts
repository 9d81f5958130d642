import type { PresenceEntry, PresenceState } from '@shared/sync/presence.js';
import { useEffect, useRef, useState } from 'react';
import { startPresence, type PresenceSession } from '../presence/presence-client.js';
import { useDataNetwork } from '../provider.js';

/**
 * The other people who have this ticket open (live, through the server), while announcing this person as
 * `state`. Empty while offline or without a server.
 */
export function useTicketPresence(ticketId: string, selfId: string, state: PresenceState): PresenceEntry[] {
  const network = useDataNetwork();
  const [people, setPeople] = useState<PresenceEntry[]>([]);
  const session = useRef<PresenceSession | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    if (!network || !ticketId) return undefined;
    const current = startPresence(network, { ticketId, initialState: stateRef.current, onPeople: setPeople });
    session.current = current;
    return () => {
      current.stop();
      session.current = null;
      setPeople([]);
    };
  }, [network, ticketId]);

  useEffect(() => session.current?.setState(state), [state]);

  return people.filter((p) => p.userId !== selfId);
}
