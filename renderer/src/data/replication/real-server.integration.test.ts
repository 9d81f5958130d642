import type { LoginResponse, PullResponse, Ticket } from '@shared';
import { queueKeyFor } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTicketEvent } from '../commands/events.js';
import { updateTicket } from '../commands/tickets.js';
import { memoryDb } from '../testing/fixtures.js';
import { waitFor } from '../testing/wait.js';
import type { DeskDatabase } from '../types.js';
import { startReplication } from './index.js';
import type { SyncController } from './index.js';

/**
 * Against a running sync server: `VITE_SYNC_SERVER_URL=http://127.0.0.1:8787 npx vitest run renderer` with the server
 * started as `SEED_DEMO=1 DATA_DIR=/tmp/sd-ui PORT=8787 npx tsx server/src/main.ts`. Skipped otherwise.
 */
const serverUrl = (import.meta.env as Record<string, string | undefined>).VITE_SYNC_SERVER_URL;

async function login(email: string): Promise<LoginResponse> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-pass-2026' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as LoginResponse;
}

async function serverTicket(token: string, id: string): Promise<Ticket | undefined> {
  let checkpoint = 0;
  let found: Ticket | undefined;
  for (;;) {
    const res = await fetch(`${serverUrl}/api/sync/tickets/pull?checkpoint=${checkpoint}&limit=2000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as PullResponse<Ticket>;
    found = body.documents.find((d) => d.id === id) ?? found;
    if (body.documents.length === 0 || !body.checkpoint) return found;
    checkpoint = body.checkpoint.seq;
  }
}

describe.skipIf(!serverUrl)('replication against the real sync server', () => {
  let db: DeskDatabase;
  let sync: SyncController;
  let session: LoginResponse;

  beforeAll(async () => {
    session = await login('tech@example.org');
    db = await memoryDb();
    sync = startReplication(db, {
      serverUrl: serverUrl!,
      getAccessToken: () => session.accessToken,
      waitForLeadership: false,
      retryTime: 200,
    });
  });
  afterAll(async () => {
    await sync.cancel();
    await db.close();
  });

  it('pulls the technician’s tickets and the reference data, documents valid against the schemas', async () => {
    await sync.awaitInitialPull();
    expect(await db.tickets.count().exec()).toBeGreaterThan(0);
    expect(await db.directory.count().exec()).toBeGreaterThan(0);
    expect(sync.getStatus()).toMatchObject({ error: null, initialSync: { running: false } });
  });

  it('pushes an edit and a worklog entry', async () => {
    const open = await db.tickets.findOne({ selector: { assigneeId: session.user.id, status: 'in_progress' } }).exec();
    const ticket = open ?? (await db.tickets.findOne({ selector: { assigneeId: session.user.id } }).exec());
    expect(ticket).not.toBeNull();
    const description = `Checked by the integration test at ${new Date().toISOString()}`;
    expect(await updateTicket(db, ticket!.id, { description }, session.user)).toEqual([]);
    const { event } = await addTicketEvent(
      db,
      { ticketId: ticket!.id, kind: 'worklog', body: 'Integration test', minutes: 5 },
      session.user,
    );
    expect(event).not.toBeNull();
    await waitFor(() => sync.getStatus().pendingPush === 0, 10_000, 'push');
    expect(sync.getStatus().error).toBeNull();
    expect((await serverTicket(session.accessToken, ticket!.id))?.description).toBe(description);
  });

  it('receives another user’s change through the live stream', async () => {
    const supervisor = await login('supervisor@example.org');
    const local = await db.tickets.findOne({ selector: { assigneeId: session.user.id } }).exec();
    const master = (await serverTicket(supervisor.accessToken, local!.id))!;
    const updatedAt = Date.now();
    const changed = {
      ...master,
      description: `Changed by the supervisor at ${updatedAt}`,
      updatedAt,
      queueKey: queueKeyFor(updatedAt),
    };
    const res = await fetch(`${serverUrl}/api/sync/tickets/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor.accessToken}` },
      body: JSON.stringify([{ assumedMasterState: master, newDocumentState: changed }]),
    });
    expect(await res.json()).toEqual([]);
    await waitFor(
      async () => (await db.tickets.findOne(local!.id).exec())?.description === changed.description,
      5000,
      'live change',
    );
  });
});
