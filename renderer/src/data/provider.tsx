import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { SyncController } from './replication/index.js';
import type { DeskDatabase } from './types.js';

interface DataContextValue {
  db: DeskDatabase;
  sync: SyncController | null;
}

const DataContext = createContext<DataContextValue | null>(null);

/** Makes the open database and its replication available to the hooks below it. */
export function DataProvider({ db, sync, children }: DataContextValue & { children: ReactNode }) {
  return <DataContext.Provider value={{ db, sync }}>{children}</DataContext.Provider>;
}

export function useDb(): DeskDatabase {
  const ctx = useContext(DataContext);
  if (!ctx) throw new Error('useDb() outside <DataProvider>');
  return ctx.db;
}

export function useSyncController(): SyncController | null {
  return useContext(DataContext)?.sync ?? null;
}
