import { createContext, useContext } from 'react';

/** Control over the replication of the open local database (see DatabaseGate). */
export interface SyncControl {
  /** Stops the replication (tray "Pause sync"): nothing is sent or received; local edits keep being counted. */
  pause: () => Promise<void>;
  /** Starts the replication again after pause(). */
  resume: () => Promise<void>;
  /** Stops the replication and deletes the local database (logout with wipe). Nothing works afterwards: reload. */
  eraseLocalDatabase: () => Promise<void>;
}

export const SyncControlContext = createContext<SyncControl | null>(null);

export function useSyncControl(): SyncControl {
  const ctx = useContext(SyncControlContext);
  if (!ctx) throw new Error('useSyncControl() outside <DatabaseGate>');
  return ctx;
}
