// Runs inside Chromium: the real client data layer (RxDB on Dexie) syncing from the server, then the raw
// baseline: the same pull pages fetched and written with Dexie bulkPut into a table with the same indexes.
import Dexie from 'dexie';
import type { LoginResponse, PullResponse, Ticket } from '@shared';
import { createDeskDatabase, startReplication } from '../../../renderer/src/data/index.js';

export interface InitialSyncFigures {
  syncMs: number;
  syncedDocs: number;
  rawMs: number;
  rawDocs: number;
  /** RxDB bulkInsert of the same documents, no replication: separates storage cost from replication cost. */
  bulkInsertMs: number;
}

const BATCH = 2000;

async function runInitialSyncBench(email: string, password: string): Promise<InitialSyncFigures> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken } = (await res.json()) as LoginResponse;

  const db = await createDeskDatabase({ name: `bench-${Date.now()}`, devMode: false, multiInstance: false });
  const syncStart = performance.now();
  const sync = startReplication(db, {
    serverUrl: location.origin,
    getAccessToken: () => accessToken,
    collections: ['tickets'],
    pullBatchSize: BATCH,
    live: false,
    waitForLeadership: false,
  });
  await sync.awaitInitialPull();
  const syncMs = performance.now() - syncStart;
  const syncedDocs = await db.tickets.count().exec();
  await sync.cancel();
  await db.close();

  const raw = new Dexie(`raw-${Date.now()}`);
  raw.version(1).stores({ tickets: 'id, [status+queueKey], [assigneeId+queueKey], [groupId+queueKey], queueKey' });
  const rawStart = performance.now();
  let checkpoint = '';
  const pages: Ticket[][] = [];
  for (;;) {
    const page = await fetch(`/api/sync/tickets/pull?limit=${BATCH}${checkpoint}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const body = (await page.json()) as PullResponse<Ticket>;
    if (body.documents.length === 0 || !body.checkpoint) break;
    await raw.table('tickets').bulkPut(body.documents);
    pages.push(body.documents.map(({ _deleted: _, ...doc }) => doc));
    checkpoint = `&checkpoint=${body.checkpoint.seq}`;
  }
  const rawMs = performance.now() - rawStart;
  raw.close();

  const plain = await createDeskDatabase({ name: `bulk-${Date.now()}`, devMode: false, multiInstance: false });
  const bulkStart = performance.now();
  for (const page of pages) await plain.tickets.bulkInsert(page);
  const bulkInsertMs = performance.now() - bulkStart;
  await plain.close();
  return { syncMs, syncedDocs, rawMs, rawDocs: pages.reduce((n, p) => n + p.length, 0), bulkInsertMs };
}

(window as unknown as { runInitialSyncBench: typeof runInitialSyncBench }).runInitialSyncBench = runInitialSyncBench;
