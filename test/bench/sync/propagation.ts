import { firstValueFrom, filter } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { LoginResponse } from '@shared';
import {
  createDeskDatabase,
  startReplication,
  updateTicket,
  type DeskDatabase,
  type SyncController,
} from '../../../renderer/src/data/index.js';
import { percentile, round } from '../lib/stats.js';

export interface PropagationResult {
  propagation_changes: number;
  propagation_p50_ms: number;
  propagation_p99_ms: number;
  propagation_max_ms: number;
}

async function login(serverUrl: string, email: string): Promise<LoginResponse> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-pass-2026' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (await res.json()) as LoginResponse;
}

async function client(serverUrl: string, email: string, name: string) {
  const session = await login(serverUrl, email);
  const db = await createDeskDatabase({
    name,
    storage: getRxStorageMemory(),
    devMode: false,
    multiInstance: false,
    collections: ['tickets', 'ticket_events'],
  });
  const sync = startReplication(db, {
    serverUrl,
    getAccessToken: () => session.accessToken,
    collections: ['tickets', 'ticket_events'],
    waitForLeadership: false,
    retryTime: 500,
  });
  await sync.awaitInitialPull();
  return { db, sync, user: session.user };
}

/**
 * Client A edits a ticket; the time until client B (another process-local RxDB replica with its own live
 * stream) holds the new value: A's local write -> push -> server -> NOTIFY -> SSE -> B's pull -> B's write.
 */
export async function benchPropagation(serverUrl: string, changes: number): Promise<PropagationResult> {
  const a = await client(serverUrl, 'agent@example.org', `bench-a-${Date.now()}`);
  const b = await client(serverUrl, 'supervisor@example.org', `bench-b-${Date.now()}`);
  const closers: { db: DeskDatabase; sync: SyncController }[] = [a, b];
  try {
    const tickets = await a.db.tickets
      .find({ selector: { status: { $in: ['assigned', 'in_progress'] }, security: false }, limit: 20 })
      .exec();
    if (tickets.length === 0) throw new Error('no open tickets to edit');
    const samples: number[] = [];
    for (let i = 0; i < changes; i++) {
      const id = tickets[i % tickets.length].id;
      const title = `Propagation probe ${i} ${Date.now()}`;
      const seen = firstValueFrom(b.db.tickets.findOne(id).$.pipe(filter((d) => d?.title === title)));
      const start = performance.now();
      const violations = await updateTicket(a.db, id, { title }, a.user);
      if (violations.length > 0) throw new Error(JSON.stringify(violations));
      await seen;
      samples.push(performance.now() - start);
    }
    return {
      propagation_changes: changes,
      propagation_p50_ms: round(percentile(samples, 0.5), 1),
      propagation_p99_ms: round(percentile(samples, 0.99), 1),
      propagation_max_ms: round(Math.max(...samples), 1),
    };
  } finally {
    for (const c of closers) {
      await c.sync.cancel();
      await c.db.close();
    }
  }
}
