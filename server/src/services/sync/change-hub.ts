import type { Database } from '../../db/database.js';
import { CHANGES_CHANNEL } from '../../db/queries/sequence.js';

type Listener = () => void;

/** Notifications arriving within this window are sent as one RESYNC. */
const COALESCE_MS = 10;

/**
 * Receives the database's change notifications (from every server instance, through LISTEN/NOTIFY) and tells
 * the subscribers of each changed collection. Bursts are coalesced into one call per collection.
 */
export class ChangeHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.stopListening = await this.db.listen(
      CHANGES_CHANNEL,
      (payload) => this.onPayload(payload),
      () => this.notifyAll(),
    );
  }

  /** Calls `listener` whenever `collection` changes; returns the unsubscribe function. */
  subscribe(collection: string, listener: Listener): () => void {
    let set = this.listeners.get(collection);
    if (!set) this.listeners.set(collection, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(collection);
    };
  }

  /** Schedules a notification of `collection` (also used for notifications from the database). */
  notify(collection: string): void {
    this.pending.add(collection);
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
    await this.stopListening?.();
  }

  private onPayload(payload: string): void {
    try {
      const parsed: unknown = JSON.parse(payload);
      const collection = (parsed as { collection?: unknown } | null)?.collection;
      if (typeof collection === 'string') this.notify(collection);
    } catch {
      // Not one of ours: ignore.
    }
  }

  /** After a dropped notification connection, changes may have been missed: everybody pulls again. */
  private notifyAll(): void {
    for (const collection of this.listeners.keys()) this.notify(collection);
  }

  private flush(): void {
    this.timer = undefined;
    const collections = [...this.pending];
    this.pending.clear();
    for (const collection of collections) {
      for (const listener of [...(this.listeners.get(collection) ?? [])]) listener();
    }
  }
}
