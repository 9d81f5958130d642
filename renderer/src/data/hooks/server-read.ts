import { useEffect, useState } from 'react';
import { useDataNetwork } from '../provider.js';
import { requestJson } from '../replication/http.js';

/** Something read from the server (not replicated) as a page shows it: loading, unreachable or refusing, or read. */
export type ServerRead<T> = { status: 'loading' } | { status: 'unavailable'; message: string } | { status: 'ready'; value: T };

/** Reads `path` from the server, again whenever `round` changes (after a change the page made). */
export function useServerRead<T>(path: string, round: number): ServerRead<T> {
  const network = useDataNetwork();
  const [state, setState] = useState<ServerRead<T>>({ status: 'loading' });
  useEffect(() => {
    if (!network) return undefined;
    let cancelled = false;
    requestJson<T>(network, path)
      .then((value) => !cancelled && setState({ status: 'ready', value }))
      .catch(
        (err: unknown) =>
          !cancelled && setState({ status: 'unavailable', message: err instanceof Error ? err.message : String(err) }),
      );
    return () => {
      cancelled = true;
    };
  }, [network, path, round]);
  return state;
}
