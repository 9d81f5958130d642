import { HELD_MAIL_PATH, type HeldMail } from '@shared';
import { useCallback, useState } from 'react';
import { useDataNetwork } from '../provider.js';
import { requestJson } from '../replication/http.js';
import { useServerRead, type ServerRead } from './server-read.js';

/** The held-mail list as the page shows it: loading, the server unreachable (offline), refused, or the list. */
export type HeldMailState = ServerRead<HeldMail[]>;

/**
 * The mail the desk holds back, read from the server (it is not replicated: it is the server's outbox), and a
 * release that answers the server's refusal as a message, or null when it went through (the list is read again).
 */
export function useHeldMail(): { state: HeldMailState; reload: () => void; release: (id: number) => Promise<string | null> } {
  const network = useDataNetwork();
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const state = useServerRead<HeldMail[]>(HELD_MAIL_PATH, round);

  const release = useCallback(
    async (id: number): Promise<string | null> => {
      if (!network) return null;
      try {
        await requestJson<HeldMail>(network, `${HELD_MAIL_PATH}/${id}/release`, { method: 'POST' });
        reload();
        return null;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
    [network, reload],
  );
  return { state, reload, release };
}
