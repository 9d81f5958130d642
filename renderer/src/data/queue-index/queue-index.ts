import type { Ticket } from '@shared';
import type { NamedQueue, QueueOwner } from './named-queues.js';
import { compileFilter, FLAG_ESCALATED, FLAG_MAJOR, queueFlags, searchableText } from './queue-filter.js';
import type { QueueFilter } from './queue-filter.js';
import { sortKey } from './queue-sort.js';
import type { AssigneeName, QueueSort, SortColumn } from './queue-sort.js';

/** A stored ticket as the storage hands it over: the ticket plus RxDB's revision and deletion flag. */
export type StoredTicket = Ticket & { _rev?: string; _deleted?: boolean; _meta?: unknown; _attachments?: unknown };

/** One write seen by the index: a ticket's new state, or its deletion. */
export type QueueChange = { doc: StoredTicket } | { deletedId: string; rev: string };

export interface QueueQuery {
  queue: NamedQueue;
  me: QueueOwner;
  filter: QueueFilter;
  sort: QueueSort;
  /** Stop after this many matches (the command palette needs a handful); default: every match. */
  limit?: number;
  /** The clock the age filter measures against (tests pin it). */
  now?: number;
  /** The CIs that are or support the filter's services (see compileFilter). */
  serviceCis?: ReadonlySet<string> | null;
}

/** A query's result: its tickets in order, read by position (the table reads only the rows on screen). */
export interface TicketList {
  readonly length: number;
  at(i: number): Ticket;
  /** The tickets from `start` to `end` (exclusive) as an array. */
  slice(start?: number, end?: number): Ticket[];
}

/** Positions into a sorted list (never changed once handed out: writes copy the lists they change). */
class PositionList implements TicketList {
  constructor(
    private readonly list: readonly Entry[],
    private readonly positions: Int32Array,
  ) {}
  get length(): number {
    return this.positions.length;
  }
  at(i: number): Ticket {
    return this.list[this.positions[i]].ticket;
  }
  slice(start = 0, end = this.positions.length): Ticket[] {
    return Array.from(this.positions.subarray(start, end), (p) => this.list[p].ticket);
  }
}

class ArrayList implements TicketList {
  constructor(private readonly rows: readonly Entry[]) {}
  get length(): number {
    return this.rows.length;
  }
  at(i: number): Ticket {
    return this.rows[i].ticket;
  }
  slice(start = 0, end = this.rows.length): Ticket[] {
    return this.rows.slice(start, end).map((e) => e.ticket);
  }
}

interface Entry {
  ticket: Ticket;
  /** Folded title and number: what the text filter searches. */
  text: string;
  /** queueFlags(ticket): open, unassigned, escalated, major. */
  flags: number;
  rev: number;
  keys: Partial<Record<SortColumn, number | string>>;
}

/** Below this share of all tickets, a queue's few candidates are filtered then sorted instead of scanning a sorted list. */
const SUBSET_SHARE = 0.1;

/** Writes larger than this drop the sorted lists (rebuilt on the next query) instead of splicing each row in. */
const SPLICE_LIMIT = 1000;

function revHeight(rev: string | undefined): number {
  return rev ? Number.parseInt(rev, 10) || 0 : 0;
}

function plainTicket(doc: StoredTicket): Ticket {
  const { _rev: _r, _deleted: _d, _meta: _m, _attachments: _a, ...ticket } = doc;
  return ticket;
}

/**
 * Every local ticket in memory, with one sorted list per column (built on first use, then kept in order as
 * changes arrive), so filtering and sorting 100,000 tickets is one pass over an array. It knows nothing about
 * RxDB: `load-queue-index.ts` feeds it from the tickets collection.
 */
export class QueueIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly sorted = new Map<SortColumn, Entry[]>();
  /** Small queues' candidates, so "mine", "escalated" and "major" never scan 100,000 rows. */
  private readonly escalated = new Set<Entry>();
  private readonly major = new Set<Entry>();
  private readonly byAssignee = new Map<string, Set<Entry>>();
  /** Changes, problems and releases are few beside incidents: their screens read them without a scan. */
  private readonly byType = new Map<Ticket['type'], Set<Entry>>();
  /** Revisions of tickets deleted while the initial load runs, so a stale page read cannot bring them back. */
  private tombstones: Map<string, number> | null = new Map();
  private readonly listeners = new Set<() => void>();
  private assigneeName: AssigneeName = (id) => id;
  private loadedFlag = false;
  /** Bumped on every change: lets callers cache a query result until the index changes. */
  version = 0;

  get size(): number {
    return this.entries.size;
  }

  /** True once every stored ticket has been read (live changes keep arriving afterwards). */
  get loaded(): boolean {
    return this.loadedFlag;
  }

  markLoaded(): void {
    this.loadedFlag = true;
    this.tombstones = null;
    this.changed();
  }

  /** Resolves once every stored ticket has been read. */
  whenLoaded(): Promise<void> {
    if (this.loadedFlag) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        if (!this.loadedFlag) return;
        stop();
        resolve();
      });
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: string): Ticket | undefined {
    return this.entries.get(id)?.ticket;
  }

  /** Every ticket that passes `test`, in no particular order (one pass over the tickets held). */
  where(test: (ticket: Ticket) => boolean): Ticket[] {
    const out: Ticket[] = [];
    for (const e of this.entries.values()) if (test(e.ticket)) out.push(e.ticket);
    return out;
  }

  /** Every ticket of this type, in no particular order. */
  ofType(type: Ticket['type']): Ticket[] {
    return Array.from(this.byType.get(type) ?? [], (e) => e.ticket);
  }

  /** How the assignee column sorts: by the person's name. A new resolver re-sorts that column. */
  setAssigneeNames(name: AssigneeName): void {
    if (name === this.assigneeName) return;
    this.assigneeName = name;
    this.sorted.delete('assignee');
    for (const e of this.entries.values()) delete e.keys.assignee;
    this.changed();
  }

  /** Applies writes in order; an older revision than the one held (a page read before a live change) is ignored. */
  apply(changes: readonly QueueChange[]): void {
    if (changes.length === 0) return;
    const splice = changes.length <= SPLICE_LIMIT;
    if (!splice) this.sorted.clear();
    // Results already handed out keep reading the lists they were computed from.
    else for (const [column, list] of this.sorted) this.sorted.set(column, list.slice());
    let touched = false;
    for (const change of changes) {
      if ('deletedId' in change) touched = this.remove(change.deletedId, revHeight(change.rev), splice) || touched;
      else if (change.doc._deleted) touched = this.remove(change.doc.id, revHeight(change.doc._rev), splice) || touched;
      else touched = this.upsert(change.doc, splice) || touched;
    }
    if (touched) this.changed();
  }

  private upsert(doc: StoredTicket, splice: boolean): boolean {
    const rev = revHeight(doc._rev);
    const old = this.entries.get(doc.id);
    if (old && old.rev >= rev && rev !== 0) return false;
    const dead = this.tombstones?.get(doc.id);
    if (dead !== undefined && dead >= rev) return false;
    const ticket = plainTicket(doc);
    const entry: Entry = { ticket, text: searchableText(ticket), flags: queueFlags(ticket), rev, keys: {} };
    this.entries.set(doc.id, entry);
    if (old) this.unlink(old);
    this.link(entry);
    if (splice) {
      for (const [column, list] of this.sorted) {
        if (old) removeFrom(list, old, this.comparator(column));
        insertInto(list, entry, this.comparator(column));
      }
    }
    return true;
  }

  private remove(id: string, rev: number, splice: boolean): boolean {
    this.tombstones?.set(id, Math.max(rev, this.tombstones.get(id) ?? 0));
    const old = this.entries.get(id);
    if (!old) return false;
    this.entries.delete(id);
    this.unlink(old);
    if (splice) for (const [column, list] of this.sorted) removeFrom(list, old, this.comparator(column));
    return true;
  }

  private link(e: Entry): void {
    if (e.flags & FLAG_ESCALATED) this.escalated.add(e);
    if (e.flags & FLAG_MAJOR) this.major.add(e);
    let set = this.byAssignee.get(e.ticket.assigneeId);
    if (!set) this.byAssignee.set(e.ticket.assigneeId, (set = new Set()));
    set.add(e);
    let ofType = this.byType.get(e.ticket.type);
    if (!ofType) this.byType.set(e.ticket.type, (ofType = new Set()));
    ofType.add(e);
  }

  private unlink(e: Entry): void {
    this.escalated.delete(e);
    this.major.delete(e);
    this.byAssignee.get(e.ticket.assigneeId)?.delete(e);
    this.byType.get(e.ticket.type)?.delete(e);
  }

  /** The few rows a query can match, when a small queue or an assignee filter says so; null: scan everything. */
  private candidates(q: QueueQuery): Iterable<Entry> | null {
    let best: { rows: Iterable<Entry>; size: number } | null = null;
    const consider = (rows: Iterable<Entry>, size: number) => {
      if (!best || size < best.size) best = { rows, size };
    };
    if (q.queue === 'escalated') consider(this.escalated, this.escalated.size);
    if (q.queue === 'major') consider(this.major, this.major.size);
    if (q.queue === 'mine') {
      const mine = this.byAssignee.get(q.me.id);
      consider(mine ?? [], mine?.size ?? 0);
    }
    if (q.filter.assigneeIds.length) {
      const sets = q.filter.assigneeIds.map((id) => this.byAssignee.get(id)).filter((x): x is Set<Entry> => !!x);
      consider(
        sets.flatMap((x) => [...x]),
        sets.reduce((n, x) => n + x.size, 0),
      );
    }
    const chosen = best as { rows: Iterable<Entry>; size: number } | null;
    return chosen && chosen.size < this.entries.size * SUBSET_SHARE ? chosen.rows : null;
  }

  private changed(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }

  private key(e: Entry, column: SortColumn): number | string {
    let k = e.keys[column];
    if (k === undefined) k = e.keys[column] = sortKey(column, e.ticket, this.assigneeName);
    return k;
  }

  /**
   * By the column's value (ascending, or descending), ties newest update first then by id: every order is total
   * and stable.
   */
  private comparator(column: SortColumn, direction: 'asc' | 'desc' = 'asc'): (a: Entry, b: Entry) => number {
    const sign = direction === 'asc' ? 1 : -1;
    return (a, b) => {
      const ka = this.key(a, column);
      const kb = this.key(b, column);
      if (ka < kb) return -sign;
      if (ka > kb) return sign;
      return b.ticket.updatedAt - a.ticket.updatedAt || (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0);
    };
  }

  private list(column: SortColumn): Entry[] {
    let list = this.sorted.get(column);
    if (!list) {
      list = [...this.entries.values()].sort(this.comparator(column));
      this.sorted.set(column, list);
    }
    return list;
  }

  /** Sorts every column's list now (otherwise done by the first query sorting by it). */
  prepareSorts(columns: readonly SortColumn[]): void {
    for (const c of columns) this.list(c);
  }

  /** The queue's tickets in the asked order: one pass over the pre-sorted list, or a sort of a small queue's few rows. */
  query(q: QueueQuery): TicketList {
    const test = compileFilter(q.queue, q.me, q.filter, q.now ?? Date.now(), q.serviceCis ?? null);
    const limit = q.limit ?? Infinity;
    const few = this.candidates(q);
    if (few) {
      const matched: Entry[] = [];
      for (const e of few) if (test(e)) matched.push(e);
      matched.sort(this.comparator(q.sort.column, q.sort.direction));
      return new ArrayList(matched.length > limit ? matched.slice(0, limit) : matched);
    }
    const list = this.list(q.sort.column);
    const positions = new Int32Array(Math.min(list.length, limit));
    let n = 0;
    if (q.sort.direction === 'asc') {
      for (let i = 0; i < list.length && n < limit; i++) if (test(list[i])) positions[n++] = i;
      return new PositionList(list, positions.subarray(0, n));
    }
    // Descending: groups of equal values in reverse, each group still newest first.
    const column = q.sort.column;
    let end = list.length;
    while (end > 0 && n < limit) {
      let start = end - 1;
      const k = list[start].keys[column];
      while (start > 0 && list[start - 1].keys[column] === k) start--;
      for (let i = start; i < end && n < limit; i++) if (test(list[i])) positions[n++] = i;
      end = start;
    }
    return new PositionList(list, positions.subarray(0, n));
  }
}

function lowerBound(list: Entry[], entry: Entry, cmp: (a: Entry, b: Entry) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list[mid], entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertInto(list: Entry[], entry: Entry, cmp: (a: Entry, b: Entry) => number): void {
  list.splice(lowerBound(list, entry, cmp), 0, entry);
}

function removeFrom(list: Entry[], entry: Entry, cmp: (a: Entry, b: Entry) => number): void {
  const at = lowerBound(list, entry, cmp);
  if (list[at] === entry) list.splice(at, 1);
  else {
    // Only if the entry's key changed under it (an assignee renamed before the list was rebuilt).
    const i = list.indexOf(entry);
    if (i >= 0) list.splice(i, 1);
  }
}
