import { DIRECTORY_AUDIT_PATH, type DirectoryAuditEntry } from '@shared';
import { useEffect, useState } from 'react';
import { useDataNetwork } from '../provider.js';
import { requestJson } from '../replication/http.js';

/** The audit as the page shows it: loading, the server unreachable (offline) or refusing, or the newest changes. */
export type DirectoryAuditState =
  { status: 'loading' } | { status: 'unavailable'; message: string } | { status: 'ready'; changes: DirectoryAuditEntry[] };

/**
 * The newest recorded changes to people, groups and categories, read from the server (the audit is the server's
 * record of accepted pushes, not replicated). `round` reads it again, e.g. after a save has synced.
 */
export function useDirectoryAudit(round: number): DirectoryAuditState {
  const network = useDataNetwork();
  const [state, setState] = useState<DirectoryAuditState>({ status: 'loading' });
  useEffect(() => {
    if (!network) return undefined;
    let cancelled = false;
    requestJson<DirectoryAuditEntry[]>(network, DIRECTORY_AUDIT_PATH)
      .then((changes) => !cancelled && setState({ status: 'ready', changes }))
      .catch(
        (err: unknown) =>
          !cancelled && setState({ status: 'unavailable', message: err instanceof Error ? err.message : String(err) }),
      );
    return () => {
      cancelled = true;
    };
  }, [network, round]);
  return state;
}
