import { PRESENCE_TTL_MS, type PresenceEntry, type PresenceSnapshot, type PresenceState } from '@shared/sync/presence.js';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';

/** The notification channel presence travels on between server instances; nothing is stored. */
export const PRESENCE_CHANNEL = 'presence';

type Listener = (snapshot: PresenceSnapshot) => void;

/** One instance's announcement of a heartbeat (or a departure), as sent through pg_notify. */
interface PresenceMessage {
  from: string;
  ticketId: string;
  userId: string;
  name: string;
  state: PresenceState | 'left';
}

interface Seen extends PresenceEntry {
  expiresAt: number;
}

export interface PresenceHubOptions {
  ttlMs?: number;
  /** How often expired entries are swept out. */
  sweepMs?: number;
  now?: () => number;
}

/** Names are capped so a message stays far below pg_notify's 8000-byte payload limit. */
const MAX_NAME = 200;

/**
 * Who has which ticket open, in memory: each instance keeps the entries it hears of, from its own clients and
 * from the other instances through LISTEN/NOTIFY, and forgets an entry `ttlMs` after its last heartbeat.
 * Subscribers of a ticket get the full list on every change.
 */
export class PresenceHub {
  private readonly instanceId = randomUUID();
  private readonly tickets = new Map<string, Map<string, Seen>>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly sweepMs: number;
  private sweeper: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    options: PresenceHubOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? PRESENCE_TTL_MS;
    this.sweepMs = options.sweepMs ?? Math.max(250, Math.floor(this.ttlMs / 6));
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    this.stopListening = await this.db.listen(PRESENCE_CHANNEL, (payload) => this.onPayload(payload));
    this.sweeper = setInterval(() => this.sweep(), this.sweepMs);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.listeners.clear();
    await this.stopListening?.();
  }

  /** Records a heartbeat here and tells the other instances. */
  async announce(ticketId: string, userId: string, name: string, state: PresenceState | 'left'): Promise<void> {
    const message: PresenceMessage = { from: this.instanceId, ticketId, userId, name: name.slice(0, MAX_NAME), state };
    this.apply(message);
    await this.db.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify(message)]);
  }

  /** Calls `listener` with the current list now and on every change; returns the unsubscribe function. */
  subscribe(ticketId: string, listener: Listener): () => void {
    let set = this.listeners.get(ticketId);
    if (!set) this.listeners.set(ticketId, (set = new Set()));
    set.add(listener);
    listener(this.snapshot(ticketId));
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(ticketId);
    };
  }

  snapshot(ticketId: string): PresenceSnapshot {
    const people = [...(this.tickets.get(ticketId)?.values() ?? [])]
      .map(({ userId, name, state }) => ({ userId, name, state }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { ticketId, people };
  }

  private onPayload(payload: string): void {
    let message: PresenceMessage;
    try {
      message = JSON.parse(payload) as PresenceMessage;
    } catch {
      return;
    }
    // Our own announcements were applied when made.
    if (message.from === this.instanceId || typeof message.ticketId !== 'string' || typeof message.userId !== 'string') return;
    this.apply(message);
  }

  private apply(message: PresenceMessage): void {
    let entries = this.tickets.get(message.ticketId);
    const before = entries?.get(message.userId);
    if (message.state === 'left') {
      if (!before) return;
      entries!.delete(message.userId);
      if (entries!.size === 0) this.tickets.delete(message.ticketId);
      this.publish(message.ticketId);
      return;
    }
    if (!entries) this.tickets.set(message.ticketId, (entries = new Map<string, Seen>()));
    entries.set(message.userId, {
      userId: message.userId,
      name: String(message.name),
      state: message.state,
      expiresAt: this.now() + this.ttlMs,
    });
    // A repeated heartbeat changes nothing anybody sees.
    if (!before || before.state !== message.state || before.name !== message.name) this.publish(message.ticketId);
  }

  private sweep(): void {
    const now = this.now();
    for (const [ticketId, entries] of this.tickets) {
      let changed = false;
      for (const [userId, entry] of entries) {
        if (entry.expiresAt <= now) {
          entries.delete(userId);
          changed = true;
        }
      }
      if (entries.size === 0) this.tickets.delete(ticketId);
      if (changed) this.publish(ticketId);
    }
  }

  private publish(ticketId: string): void {
    const listeners = this.listeners.get(ticketId);
    if (!listeners) return;
    const snapshot = this.snapshot(ticketId);
    for (const listener of [...listeners]) listener(snapshot);
  }
}
