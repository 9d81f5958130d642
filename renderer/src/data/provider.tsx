import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { DataNetwork } from './presence/presence-client.js';
import type { SyncController } from './replication/index.js';
import type { DeskDatabase } from './types.js';

interface DataContextValue {
  db: DeskDatabase;
  sync: SyncController | null;
  /** The server, token and connectivity for live features outside replication (presence); absent in tests. */
  network?: DataNetwork | null;
}

const DataContext = createContext<DataContextValue | null>(null);

/** Makes the open database and its replication available to the hooks below it. */
export function DataProvider({ db, sync, network = null, children }: DataContextValue & { children: ReactNode }) {
  return <DataContext.Provider value={{ db, sync, network }}>{children}</DataContext.Provider>;
}

export function useDb(): DeskDatabase {
  const ctx = useContext(DataContext);
  if (!ctx) throw new Error('useDb() outside <DataProvider>');
  return ctx.db;
}

export function useSyncController(): SyncController | null {
  return useContext(DataContext)?.sync ?? null;
}

export function useDataNetwork(): DataNetwork | null {
  return useContext(DataContext)?.network ?? null;
}
