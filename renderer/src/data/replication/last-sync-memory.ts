/**
 * The time of the last successful exchange with the server, kept across reloads: a device reopened offline shows
 * when it last synced, not "Not synced yet". Per database and server, in localStorage (absent in Node: no memory).
 */
const PREFIX = 'servicedesk:last-sync:';

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

const keyOf = (databaseName: string, serverUrl: string) => `${PREFIX}${databaseName}|${serverUrl}`;

/** The last sync time remembered for this database and server, or null. */
export function readLastSync(databaseName: string, serverUrl: string): number | null {
  const value = Number(storage()?.getItem(keyOf(databaseName, serverUrl)) ?? NaN);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Remembers the last sync time for this database and server. */
export function rememberLastSync(databaseName: string, serverUrl: string, at: number): void {
  try {
    storage()?.setItem(keyOf(databaseName, serverUrl), String(at));
  } catch {
    // A full or disabled storage only costs the time shown after a reload.
  }
}

/** Forgets every server's last sync time of a database (erased on sign-out or deactivation). */
export function forgetLastSync(databaseName: string): void {
  const store = storage();
  if (!store) return;
  const ours = `${PREFIX}${databaseName}|`;
  for (const key of Object.keys(store)) if (key.startsWith(ours)) store.removeItem(key);
}
