import {
  ACCESS_POLICY,
  CHANNELS,
  fieldRevision,
  nextStatuses,
  type LoginResponse,
  type ResolutionCode,
  type Ticket,
} from '@shared';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import {
  addTicketEvent,
  createDeskDatabase,
  createTicket,
  manualConnectivity,
  resolveConflict,
  settleRefusal,
  startReplication,
  updateTicket,
  type DeskDatabase,
  type SyncController,
  type TicketPatch,
} from '../../../renderer/src/data/index.js';
import { faultyFetch, NO_FAULTS, type FaultyFetch } from '../support/fault-fetch.js';
import { Rng } from '../support/rng.js';
import type { ClientIdentity, ClientRecords, ClientSnapshot, EditRecord, PlainDoc, SimClientConfig } from './types.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Bookkeeping, derived and counter ticket fields: every edit touches them, they are not edits of their own. */
const NOT_EDITS = new Set([
  'updatedAt',
  'updatedBy',
  'queueKey',
  'priority',
  'fieldRevs',
  '_meta',
  '_rev',
  '_attachments',
  '_deleted',
]);
const FIELD_TECHNICIANS = ['', 'usr-tech', 'usr-0006', 'usr-0007', 'usr-0020'];
const RESOLUTION_CODES: ResolutionCode[] = ['fixed', 'workaround', 'no_fault_found', 'user_error'];

/** The replicated state of a local document: its fields, without RxDB's bookkeeping. */
export function plain(doc: object): PlainDoc {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = value;
  return out as PlainDoc;
}

async function login(serverUrl: string, email: string, password: string): Promise<LoginResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${serverUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (res.status === 200) return (await res.json()) as LoginResponse;
      throw new Error(`login ${email}: HTTP ${res.status} ${await res.text()}`);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500);
    }
  }
}

/**
 * One simulated device: an in-memory RxDB desk database with the real replication, conflict handler and
 * commands, talking to the server through a fault-injecting fetch, going offline and online, and recording
 * every local write it makes (from the collections' change streams) for the convergence oracle.
 */
export class SimClient {
  private db!: DeskDatabase;
  private sync!: SyncController;
  private net!: FaultyFetch;
  private session!: LoginResponse;
  private readonly connectivity = manualConnectivity(true);
  private readonly ops: Rng;
  private readonly records: ClientRecords;
  private editSeq = 0;

  constructor(private readonly config: SimClientConfig) {
    const root = new Rng(config.seed ^ Math.imul(config.index + 1, 0x9e3779b1));
    this.ops = root.fork(1);
    this.net = faultyFetch(root.fork(2), config.faults);
    this.records = {
      edits: [],
      events: [],
      createdTickets: [],
      deletions: [],
      counts: {},
      refused: 0,
      faults: this.net.stats,
      replicationErrors: [],
    };
  }

  async start(): Promise<ClientIdentity> {
    const { config } = this;
    this.session = await login(config.serverUrl, config.email, config.password);
    this.db = await createDeskDatabase({
      name: `chaos-${config.seed}-${config.index}-${Date.now()}`,
      storage: getRxStorageMemory(),
      devMode: config.devMode,
      multiInstance: false,
    });
    this.watchLocalWrites();
    this.sync = startReplication(this.db, {
      serverUrl: config.serverUrl,
      getAccessToken: () => this.session.accessToken,
      collections: ['tickets', 'ticket_events'],
      fetchImpl: this.net.fetch,
      connectivity: this.connectivity,
      retryTime: config.retryTime,
      waitForLeadership: false,
    });
    for (const rs of Object.values(this.sync.replications)) {
      rs.error$.subscribe((error) => {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        const inner = (error as { parameters?: { errors?: { message?: string }[] } }).parameters?.errors?.[0]?.message;
        if (this.records.replicationErrors.length < 200) this.records.replicationErrors.push(inner ?? message);
      });
    }
    await this.sync.awaitInitialPull();
    return { userId: this.session.user.id, role: this.session.user.role, accessToken: this.session.accessToken };
  }

  /** Records local (not replication) writes: ticket field edits with the value they replaced, inserts, deletes. */
  private watchLocalWrites(): void {
    this.db.tickets.eventBulks$.subscribe((bulk) => {
      if (bulk.context.startsWith('replication-')) return;
      for (const event of bulk.events) {
        const next = event.documentData as unknown as Record<string, unknown>;
        if (event.operation === 'INSERT') {
          this.records.createdTickets.push({ client: this.config.index, doc: plain(next) });
        } else if (event.operation === 'DELETE' || next._deleted === true) {
          this.records.deletions.push({ client: this.config.index, ticketId: event.documentId, seq: this.editSeq++ });
        } else {
          const prev = (event.previousDocumentData ?? {}) as Record<string, unknown>;
          for (const field of Object.keys(next)) {
            if (NOT_EDITS.has(field) || JSON.stringify(prev[field]) === JSON.stringify(next[field])) continue;
            const edit: EditRecord = {
              client: this.config.index,
              ticketId: event.documentId,
              field,
              value: next[field],
              prev: prev[field],
              rev: fieldRevision(next.fieldRevs, field),
              prevRev: fieldRevision(prev.fieldRevs, field),
              seq: this.editSeq++,
              at: Date.now(),
            };
            this.records.edits.push(edit);
          }
        }
      }
    });
    this.db.ticket_events.eventBulks$.subscribe((bulk) => {
      if (bulk.context.startsWith('replication-')) return;
      for (const event of bulk.events) {
        if (event.operation === 'INSERT') {
          this.records.events.push({ client: this.config.index, doc: plain(event.documentData as object) });
        }
      }
    });
  }

  /** Runs `count` random operations with pauses, going offline and back online now and then. */
  async run(count: number): Promise<ClientRecords> {
    let offlineFor = 0;
    for (let n = 0; n < count; n++) {
      if (offlineFor > 0) {
        offlineFor--;
        if (offlineFor === 0) this.connectivity.set(true);
      } else if (this.ops.chance(this.config.offlineChance)) {
        offlineFor = this.ops.int(3, 30);
        this.connectivity.set(false);
      }
      const op = this.ops.weighted(this.config.weights);
      this.records.counts[op] = (this.records.counts[op] ?? 0) + 1;
      try {
        await this.operation(op, n);
      } catch (error) {
        throw new Error(`client ${this.config.index} operation ${n} (${op}) failed: ${String(error)}`, { cause: error });
      }
      if (this.config.maxPauseMs > 0) await sleep(this.ops.int(0, this.config.maxPauseMs));
    }
    return this.records;
  }

  private actor() {
    return { id: this.session.user.id, role: this.session.user.role, groupIds: this.session.user.groupIds };
  }

  private async pickTicket(): Promise<Ticket | null> {
    const hot = this.config.hotTicketIds;
    if (hot.length > 0 && this.ops.chance(0.7)) {
      const doc = await this.db.tickets.findOne(this.ops.pick(hot)).exec();
      if (doc) return doc.toMutableJSON();
    }
    const all = await this.db.tickets.find().exec();
    return all.length > 0 ? this.ops.pick(all).toMutableJSON() : null;
  }

  private async edit(ticket: Ticket, patch: TicketPatch): Promise<void> {
    const violations = await updateTicket(this.db, ticket.id, patch, this.actor());
    if (violations.length > 0) this.records.refused++;
  }

  private async operation(op: string, n: number): Promise<void> {
    const tag = `c${this.config.index} o${n}`;
    if (op === 'createTicket') return this.createTicket(tag);
    if (op === 'resolveConflict') return this.resolveOneConflict();
    const ticket = await this.pickTicket();
    if (!ticket) return this.createTicket(tag);
    switch (op) {
      case 'editText': {
        const field = this.ops.pick(['title', 'description', 'resolutionNotes'] as const);
        return this.edit(ticket, { [field]: `${field} ${tag}` });
      }
      case 'editEnum': {
        const field = this.ops.pick(['impact', 'urgency', 'channel'] as const);
        if (field === 'channel') return this.edit(ticket, { channel: this.ops.pick(CHANNELS) });
        return this.edit(ticket, { [field]: this.ops.int(1, 3) as 1 | 2 | 3 });
      }
      case 'changeStatus':
        return this.changeStatus(ticket, tag);
      case 'assign':
        return this.edit(ticket, { assigneeId: this.ops.pick(FIELD_TECHNICIANS) });
      case 'deleteTicket': {
        if (!ACCESS_POLICY.tickets[this.session.user.role].delete) return this.edit(ticket, { title: `title ${tag}` });
        const doc = await this.db.tickets.findOne(ticket.id).exec();
        await doc?.remove();
        return;
      }
      default: {
        const kind = this.ops.chance(0.5) ? 'worklog' : 'comment';
        const { violations } = await addTicketEvent(
          this.db,
          { ticketId: ticket.id, kind, body: `${kind} ${tag}`, minutes: kind === 'worklog' ? this.ops.int(1, 120) : undefined },
          this.actor(),
        );
        if (violations.length > 0) this.records.refused++;
      }
    }
  }

  /** A status change along the lifecycle, with the fields the new status requires. */
  private async changeStatus(ticket: Ticket, tag: string): Promise<void> {
    const options = nextStatuses(ticket.status);
    if (options.length === 0) return this.edit(ticket, { title: `title ${tag}` });
    const status = this.ops.pick(options);
    const patch: TicketPatch = { status };
    if (status === 'pending') patch.pendingReason = this.ops.pick(['customer', 'vendor', 'change'] as const);
    if (status === 'resolved') {
      patch.resolutionCode = this.ops.pick(RESOLUTION_CODES);
      patch.resolutionNotes = `resolutionNotes ${tag}`;
    }
    await this.edit(ticket, patch);
  }

  private async createTicket(tag: string): Promise<void> {
    // Through the app's own command: a uuid, a provisional number the server must replace, routing by category.
    const { ticket, violations } = await createTicket(
      this.db,
      {
        type: 'incident',
        title: `title ${tag}`,
        description: `description ${tag}`,
        callerId: 'usr-0002',
        channel: 'phone',
        categoryId: 'cat-hardware-printer',
        impact: 3,
        urgency: 3,
      },
      this.actor(),
    );
    if (!ticket) {
      if (violations.length > 0) this.records.refused++;
      return;
    }
    // Create then log, a cross-collection dependency: the work log may reach the server before its ticket, is then
    // deferred, and must still arrive (issue 16: a push queue never blocks for good).
    if (this.ops.chance(0.5)) {
      const { violations } = await addTicketEvent(
        this.db,
        { ticketId: ticket.id, kind: 'worklog', body: `worklog ${tag}`, minutes: this.ops.int(1, 120) },
        this.actor(),
      );
      if (violations.length > 0) this.records.refused++;
    }
  }

  private async resolveOneConflict(): Promise<void> {
    const open = await this.db.conflicts.find({ selector: { resolved: false } }).exec();
    if (open.length === 0) return;
    const conflict = this.ops.pick(open);
    // A refusal offers no "keep mine" (the server would refuse it again): the simulated user discards it.
    if (conflict.kind === 'refusal') {
      await settleRefusal(this.db, conflict.id);
      return;
    }
    const choice = this.ops.chance(0.5) ? 'local' : 'server';
    const violations = await resolveConflict(this.db, conflict.id, choice, this.actor());
    if (violations.length > 0) this.records.refused++;
  }

  setOnline(online: boolean): void {
    this.connectivity.set(online);
  }

  /** Online, no more faults; pulls and pushes until in sync (or `timeoutMs`). */
  async settle(timeoutMs: number): Promise<{ pendingPush: number; inSync: boolean; error: string | null }> {
    this.net.set(NO_FAULTS);
    this.connectivity.set(true);
    this.sync.reSync();
    const replications = Object.values(this.sync.replications);
    const inSync = await Promise.race([
      Promise.all(replications.map((rs) => rs.awaitInSync())).then(() => true),
      sleep(timeoutMs).then(() => false),
    ]);
    const status = this.sync.getStatus();
    return { pendingPush: status.pendingPush, inSync, error: status.error };
  }

  async snapshot(): Promise<ClientSnapshot> {
    const [tickets, events, conflicts] = await Promise.all([
      this.db.tickets.find().exec(),
      this.db.ticket_events.find().exec(),
      this.db.conflicts.find().exec(),
    ]);
    const status = this.sync.getStatus();
    return {
      tickets: tickets.map((d) => plain(d.toJSON())),
      events: events.map((d) => plain(d.toJSON())),
      conflicts: conflicts.map((d) => d.toMutableJSON()),
      pendingPush: status.pendingPush,
      error: status.error,
      pulls: [...this.net.pulls],
    };
  }

  recordsSoFar(): ClientRecords {
    return this.records;
  }

  async close(): Promise<void> {
    await this.sync.cancel();
    await this.db.close();
  }
}
