/**
 * A bare page for the client crash test: the real data layer (RxDB on Dexie/IndexedDB, replication, commands)
 * without the UI, driven by Playwright through `window.crashHarness`. Bundled by esbuild at test time.
 */
import { createDeskDatabase } from '../../../renderer/src/data/db.js';
import { addTicketEvent } from '../../../renderer/src/data/commands/events.js';
import { manualConnectivity, startReplication, type SyncController } from '../../../renderer/src/data/replication/index.js';
import type { DeskDatabase } from '../../../renderer/src/data/types.js';

export interface CrashHarness {
  open(name: string): Promise<void>;
  startSync(serverUrl: string, token: string, online: boolean): void;
  setOnline(online: boolean): void;
  /** Appends worklog entries one after another until `max`; logs "ACK <id>" once each is stored locally. */
  writeLoop(ticketId: string, actorId: string, max: number): void;
  localEventIds(): Promise<string[]>;
  awaitInSync(timeoutMs: number): Promise<{ inSync: boolean; pendingPush: number; error: string | null }>;
}

declare global {
  interface Window {
    /** Set by this page only (the crash test's harness). */
    crashHarness: CrashHarness;
  }
}

let db: DeskDatabase | undefined;
let sync: SyncController | undefined;
const connectivity = manualConnectivity(false);

const harness: CrashHarness = {
  async open(name) {
    db = await createDeskDatabase({ name, devMode: false, multiInstance: false });
  },
  startSync(serverUrl, token, online) {
    connectivity.set(online);
    sync = startReplication(db!, {
      serverUrl,
      getAccessToken: () => token,
      collections: ['tickets', 'ticket_events'],
      connectivity,
      retryTime: 200,
      waitForLeadership: false,
    });
  },
  setOnline(online) {
    connectivity.set(online);
  },
  writeLoop(ticketId, actorId, max) {
    void (async () => {
      for (let i = 0; i < max; i++) {
        const { event } = await addTicketEvent(
          db!,
          { ticketId, kind: 'worklog', body: `crash-test entry ${i}`, minutes: 1 },
          { id: actorId },
        );
        if (event) console.log(`ACK ${event.id}`);
      }
      console.log('WRITE-LOOP-DONE');
    })();
  },
  async localEventIds() {
    return (await db!.ticket_events.find().exec()).map((d) => d.id);
  },
  async awaitInSync(timeoutMs) {
    const replications = Object.values(sync!.replications);
    const inSync = await Promise.race([
      Promise.all(replications.map((rs) => rs.awaitInSync())).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
    ]);
    const status = sync!.getStatus();
    return { inSync, pendingPush: status.pendingPush, error: status.error };
  },
};

window.crashHarness = harness;
document.title = 'crash harness ready';
