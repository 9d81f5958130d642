import { eraseLocalDrafts } from './hooks/drafts.js';
import { forgetLastSync } from './replication/last-sync-memory.js';
import type { DeskDatabase } from './types.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function deleteIndexedDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    // Another tab still holds it open: its data is already cleared, and the browser deletes it once that tab lets go.
    request.onblocked = () => resolve();
  });
}

/**
 * Deletes the desk database and its data (logout with wipe). RxDB's remove() closes it and empties every
 * collection's storage; with the default Dexie storage the emptied IndexedDB databases
 * (`rxdb-dexie-<name>--<version>--<collection>`) are then deleted too, as are unsent drafts and the last sync time, so nothing of the user's is left behind.
 */
export async function eraseDeskDatabase(db: DeskDatabase): Promise<void> {
  const name = db.name;
  await db.remove();
  eraseLocalDrafts(name);
  forgetLastSync(name);
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const ours = new RegExp(`^rxdb-dexie-${escapeRegExp(name)}--\\d+--`);
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => ours.test(n));
  await Promise.all(names.map(deleteIndexedDb));
}
