import { type Actor, type ReplicatedCollection } from '@shared';
import type { Database } from '../../db/database.js';
import type { PullFilter } from '../../db/queries/pull.js';
import { CHANGES_CHANNEL } from '../../db/queries/sequence.js';
import { anyVisibleInRange, changedDirectoryIds, changedDocuments, committedSequence, type ExitRow } from './change-hub-query.js';
import { pullFilterFor } from './pull-filter.js';
import { ticketScopeMatches } from './pull-filter-match.js';

/** Who listens to a collection's changes. */
export interface HubSubscriber {
  /** Whose pull filter decides which changes reach `onChange`; null: every change (in-process listeners). */
  actor: Actor | null;
  /** A change this subscriber's pull would return, or one the hub could not judge. */
  onChange(): void;
  /** The subscriber's directory entry changed: their token may no longer hold and their filter may be stale. */
  onAccessChange?(): void;
}

interface Subscription {
  subscriber: HubSubscriber;
  /** 'any': no actor (told of every change); null: the policy gives this actor nothing of the collection. */
  filter: PullFilter | null | 'any';
}

/** Notifications arriving within this window are judged together. */
const COALESCE_MS = 10;
/**
 * More documents than this in one judged range (a seed, a bulk import, a large access change) are not inspected:
 * every subscriber is told, as before filtering existed. Correct, and rare.
 */
const RANGE_LIMIT = 2000;

/**
 * Receives the database's change notifications (from every server instance, through LISTEN/NOTIFY: payload
 * `{collection, seq}`, far below NOTIFY's 8000 bytes) and tells each subscriber of a changed collection only when
 * its pull would return something new. The hub remembers, per collection, up to which sequence number it has judged;
 * a notification of `seq` lets it read the documents committed in between once, for every subscriber, and decide
 * each subscriber with the shared pull filter (`pullFilterFor`). When it cannot decide (a notification without a
 * sequence, a lost notification connection, a query that failed, a very large range) it tells everybody.
 */
export class ChangeHub {
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  /** Collection -> highest notified sequence number not judged yet. */
  private readonly pending = new Map<string, number>();
  /** Collections whose subscribers are all told, whatever the pending range holds. */
  private readonly undecidable = new Set<string>();
  /** Collection -> sequence number up to which its changes were judged. */
  private readonly judged = new Map<string, number>();
  /** Where every collection's judging starts: the sequence committed when the hub started. */
  private baseline = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: (message: string, error?: unknown) => void = (message, error) =>
      console.error(`[stream] ${message}${error instanceof Error ? `: ${error.message}` : ''}`),
  ) {}

  async start(): Promise<void> {
    // Read before listening: a commit in between lies above the baseline and is inside the first judged range.
    this.baseline = await committedSequence(this.db.reads).catch(() => 0);
    this.stopListening = await this.db.listen(
      CHANGES_CHANNEL,
      (payload) => this.onPayload(payload),
      () => this.onReconnect(),
    );
  }

  /** Tells `subscriber` of the changes of `collection` it may receive; returns the unsubscribe function. */
  subscribe(collection: string, subscriber: HubSubscriber): () => void {
    let set = this.subscriptions.get(collection);
    if (!set) this.subscriptions.set(collection, (set = new Set()));
    const subscription: Subscription = {
      subscriber,
      filter: subscriber.actor ? pullFilterFor(subscriber.actor, collection as ReplicatedCollection) : 'any',
    };
    set.add(subscription);
    return () => {
      set.delete(subscription);
      if (set.size === 0) this.subscriptions.delete(collection);
    };
  }

  /** Schedules judging `collection` up to `seq`; without a sequence number every subscriber is told. */
  notify(collection: string, seq?: number): void {
    if (seq === undefined || !Number.isSafeInteger(seq)) this.undecidable.add(collection);
    else this.pending.set(collection, Math.max(seq, this.pending.get(collection) ?? 0));
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.subscriptions.clear();
    await this.running;
    await this.stopListening?.();
  }

  private onPayload(payload: string): void {
    try {
      const parsed = JSON.parse(payload) as { collection?: unknown; seq?: unknown } | null;
      const collection = parsed?.collection;
      const seq = parsed?.seq;
      if (typeof collection === 'string') this.notify(collection, typeof seq === 'number' ? seq : undefined);
    } catch {
      // Not one of ours: ignore.
    }
  }

  /**
   * Notifications sent while the connection was down are lost: every subscriber pulls again, and everybody's access
   * is checked again (a directory change may be among the lost ones). The judged marks stay: the next notification
   * of each collection judges the missed range too.
   */
  private onReconnect(): void {
    for (const collection of this.subscriptions.keys()) this.undecidable.add(collection);
    this.everybodyChecksAccess();
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // Notifications that came while judging wait for their own flush.
      if ((this.pending.size > 0 || this.undecidable.size > 0) && !this.stopped) {
        this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
      }
    });
  }

  /** Judges what is pending, the directory first: a changed access ends streams before anything else is judged. */
  private async drain(): Promise<void> {
    const undecidable = [...this.undecidable];
    this.undecidable.clear();
    const pending = [...this.pending].sort(([a], [b]) => Number(b === 'directory') - Number(a === 'directory'));
    this.pending.clear();
    for (const collection of undecidable) this.tell(collection, mayReceive);
    for (const [collection, upTo] of pending) {
      if (this.stopped) return;
      const after = this.judged.get(collection) ?? this.baseline;
      if (upTo <= after) continue;
      try {
        if (collection === 'directory') await this.judgeAccess(after, upTo);
        if (!undecidable.includes(collection)) await this.judge(collection, after, upTo);
      } catch (error) {
        this.log(`could not judge the changes of ${collection}; every stream of it is told`, error);
        this.tell(collection, mayReceive);
        if (collection === 'directory') this.everybodyChecksAccess();
      }
      this.judged.set(collection, upTo);
    }
  }

  private everybodyChecksAccess(): void {
    for (const set of this.subscriptions.values()) for (const { subscriber } of [...set]) subscriber.onAccessChange?.();
  }

  private tell(collection: string, receives: (subscription: Subscription) => boolean): void {
    for (const subscription of [...(this.subscriptions.get(collection) ?? [])]) {
      if (receives(subscription)) subscription.subscriber.onChange();
    }
  }

  private async judgeAccess(after: number, upTo: number): Promise<void> {
    const anyone = [...this.subscriptions.values()].some((set) => set.size > 0);
    if (!anyone) return;
    const ids = await changedDirectoryIds(this.db.reads, after, upTo, RANGE_LIMIT + 1);
    const everybody = ids.length > RANGE_LIMIT;
    const changed = new Set(ids);
    for (const set of this.subscriptions.values()) {
      for (const { subscriber } of [...set]) {
        if (subscriber.actor && (everybody || changed.has(subscriber.actor.id))) subscriber.onAccessChange?.();
      }
    }
  }

  private async judge(collection: string, after: number, upTo: number): Promise<void> {
    const subscriptions = this.subscriptions.get(collection);
    if (!subscriptions || subscriptions.size === 0) return;
    const documents = await changedDocuments(this.db.reads, collection, after, upTo, RANGE_LIMIT + 1);
    if (documents.length === 0) return;
    if (documents.length > RANGE_LIMIT) {
      this.tell(collection, mayReceive);
      return;
    }
    const ciVisible = await this.ciVisibility(collection, after, upTo, subscriptions);
    const exits = documents.flatMap((doc) => doc.exits);
    this.tell(collection, ({ filter, subscriber }) => {
      if (filter === null) return false;
      if (filter === 'any' || filter.kind === 'all') return true;
      const userId = subscriber.actor?.id;
      return filter.kind === 'cis'
        ? ciVisible.get(ciFilterKey(filter)) === true || exits.some((exit) => ciExitApplies(filter, userId, exit))
        : documents.some((doc) => doc.ticketScope !== null && ticketScopeMatches(filter, doc.ticketScope)) ||
            exits.some((exit) => ticketExitApplies(filter, userId, exit));
    });
  }

  /** The pull's SQL, once per distinct configuration-item filter (they differ by groups only). */
  private async ciVisibility(
    collection: string,
    after: number,
    upTo: number,
    subscriptions: ReadonlySet<Subscription>,
  ): Promise<Map<string, boolean>> {
    const distinct = new Map<string, Extract<PullFilter, { kind: 'cis' }>>();
    for (const { filter } of subscriptions) {
      if (filter !== null && filter !== 'any' && filter.kind === 'cis') distinct.set(ciFilterKey(filter), filter);
    }
    if (distinct.size === 0) return new Map();
    const answers = await anyVisibleInRange(this.db.reads, collection, after, upTo, [...distinct.values()]);
    return new Map([...distinct.keys()].map((key, i) => [key, answers[i]]));
  }
}

/** Whether the policy gives the subscriber anything of the collection at all: told of changes it cannot judge. */
const mayReceive = (subscription: Subscription): boolean => subscription.filter !== null;

const ciFilterKey = (filter: Extract<PullFilter, { kind: 'cis' }>): string => JSON.stringify([...filter.groupIds].sort());

/** As `pullDocuments` decides a ticket exit: the user named, or anyone whose filter let the old scope through. */
function ticketExitApplies(filter: Extract<PullFilter, { kind: 'tickets' }>, userId: string | undefined, exit: ExitRow): boolean {
  if (exit.userId !== null) return exit.userId === userId;
  return ticketScopeMatches(filter, exit.scope);
}

/** As `pullDocuments` decides a configuration item exit: the user named, or a member of the group that lost it. */
function ciExitApplies(filter: Extract<PullFilter, { kind: 'cis' }>, userId: string | undefined, exit: ExitRow): boolean {
  if (exit.userId !== null) return exit.userId === userId;
  return exit.scope.groupId !== null && filter.groupIds.includes(exit.scope.groupId);
}
