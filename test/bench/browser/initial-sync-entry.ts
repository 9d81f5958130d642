// Runs inside Chromium, one measurement per fresh browser profile (see sync/initial-sync.ts): the real client data
// layer (RxDB on Dexie) syncing from the server; the raw baseline, the same pull pages fetched and written with Dexie
// bulkPut into a table with the tickets schema's indexes; RxDB's bulkInsert of the same documents; the fetch alone;
// this machine's IndexedDB floor: the same documents, fetched first, bulkPut into a table with no index; and the
// schema upgrade of a device holding them.
import Dexie from 'dexie';
import { COLLECTION_DEFINITIONS } from '@shared';
import type { LoginResponse, PullResponse, Ticket } from '@shared';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDeskDatabase, startReplication, type DeskDatabase } from '../../../renderer/src/data/index.js';
import { openTicketsV2Database } from '../../../renderer/src/data/testing/ticket-schema-v2.js';

/** Milliseconds taken and documents stored by one measurement. */
export interface Measured {
  ms: number;
  docs: number;
}

const BATCH = 2000;

async function login(email: string, password: string): Promise<string> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await res.json()) as LoginResponse).accessToken;
}

async function fetchPage(accessToken: string, seq: number): Promise<PullResponse<Ticket & { _deleted: boolean }>> {
  const checkpoint = seq > 0 ? `&checkpoint=${seq}` : '';
  const res = await fetch(`/api/sync/tickets/pull?limit=${BATCH}${checkpoint}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return (await res.json()) as PullResponse<Ticket & { _deleted: boolean }>;
}

/** Every pull page in turn, handed to `onPage` before the next is fetched. */
async function eachPage(
  accessToken: string,
  onPage: (docs: (Ticket & { _deleted: boolean })[]) => Promise<void> | void,
): Promise<number> {
  let docs = 0;
  for (let seq = 0; ;) {
    const page = await fetchPage(accessToken, seq);
    if (page.documents.length === 0 || !page.checkpoint) return docs;
    await onPage(page.documents);
    docs += page.documents.length;
    seq = page.checkpoint.seq;
  }
}

/** The app's replication of the tickets, until the first sync is over. */
async function firstSync(db: DeskDatabase, accessToken: string): Promise<void> {
  const sync = startReplication(db, {
    serverUrl: location.origin,
    getAccessToken: () => accessToken,
    collections: ['tickets'],
    pullBatchSize: BATCH,
    live: false,
    waitForLeadership: false,
  });
  await sync.awaitInitialPull();
  await sync.cancel();
}

/** The time since `start`, then the tickets `db` holds; closes it. */
async function measured(db: DeskDatabase, start: number): Promise<Measured> {
  const ms = performance.now() - start;
  const docs = await db.tickets.count().exec();
  await db.close();
  return { ms, docs };
}

/** Every pull page, fetched before a measurement that times the writes alone. */
async function fetchAllPages(email: string, password: string): Promise<(Ticket & { _deleted: boolean })[][]> {
  const pages: (Ticket & { _deleted: boolean })[][] = [];
  await eachPage(await login(email, password), (page) => void pages.push(page));
  return pages;
}

/** The Dexie index specification of the tickets schema: the indexes the app's storage maintains. */
function ticketIndexSpec(): string {
  const indexes = COLLECTION_DEFINITIONS.tickets.schema.indexes ?? [];
  return ['id', ...indexes.map((index) => (Array.isArray(index) ? `[${index.join('+')}]` : index))].join(', ');
}

const benches = {
  async sync(email: string, password: string): Promise<Measured> {
    const accessToken = await login(email, password);
    const db = await createDeskDatabase({ name: 'bench-sync', devMode: false, multiInstance: false });
    const start = performance.now();
    await firstSync(db, accessToken);
    return measured(db, start);
  },

  /**
   * The one-off wait at the first start of the release with tickets schema v3: a device synced under v2 (untimed)
   * opens its database, and RxDB migrates the tickets and their replication state before the console shows.
   */
  async upgrade(email: string, password: string): Promise<Measured> {
    const accessToken = await login(email, password);
    const old = await openTicketsV2Database('bench-upgrade', getRxStorageDexie());
    await firstSync(old, accessToken);
    await old.close();
    const start = performance.now();
    const db = await createDeskDatabase({ name: 'bench-upgrade', devMode: false, multiInstance: false });
    return measured(db, start);
  },

  async raw(email: string, password: string): Promise<Measured> {
    const accessToken = await login(email, password);
    const raw = new Dexie('bench-raw');
    raw.version(1).stores({ tickets: ticketIndexSpec() });
    const start = performance.now();
    const docs = await eachPage(accessToken, async (page) => void (await raw.table('tickets').bulkPut(page)));
    const ms = performance.now() - start;
    raw.close();
    return { ms, docs };
  },

  /** RxDB's own bulkInsert without replication, the pages fetched first (untimed): the storage's share. */
  async bulkInsert(email: string, password: string): Promise<Measured> {
    // The pulled documents carry `_deleted`, which RxDB's insert does not take.
    const pages = (await fetchAllPages(email, password)).map((page) => page.map(({ _deleted: _, ...doc }) => doc));
    const db = await createDeskDatabase({ name: 'bench-bulk', devMode: false, multiInstance: false });
    const start = performance.now();
    for (const page of pages) await db.tickets.bulkInsert(page);
    return measured(db, start);
  },

  /** The floor: the pages fetched first (untimed), then bulkPut into a table keyed by id with no other index. */
  async indexedDbFloor(email: string, password: string): Promise<Measured> {
    const pages = await fetchAllPages(email, password);
    const floor = new Dexie('bench-floor');
    floor.version(1).stores({ tickets: 'id' });
    const start = performance.now();
    for (const page of pages) await floor.table('tickets').bulkPut(page);
    const ms = performance.now() - start;
    const docs = await floor.table('tickets').count();
    floor.close();
    return { ms, docs };
  },

  /** Fetching and parsing every pull page, nothing written: the server and network share of both paths. */
  async fetchOnly(email: string, password: string): Promise<Measured> {
    const accessToken = await login(email, password);
    const start = performance.now();
    const docs = await eachPage(accessToken, () => undefined);
    return { ms: performance.now() - start, docs };
  },
};

export type InitialSyncBench = keyof typeof benches;

(window as unknown as { initialSyncBenches: typeof benches }).initialSyncBenches = benches;
