import {
  APPEND_ONLY_COLLECTIONS,
  MERGE_POLICIES,
  TICKET_CHANGE_RECORD_KINDS,
  isScopeExitMarker,
  jsonEqual,
  threeWayMerge,
} from '@shared';
import type { ConflictRecord, FieldClash, MergePolicy, ReplicatedCollection } from '@shared';
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { newId, replicatedState } from '../doc-utils.js';
import type { DeskDatabase, PlainDoc } from '../types.js';
import { keepLocalVersions } from './kept-versions.js';
import { isRefusedState } from './push-refusals.js';

/** Deterministic id, so resolving the same clash again updates one record instead of adding another. */
export function conflictId(collection: string, docId: string, field: string): string {
  return `${collection}:${docId}:${field}`;
}

function toJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

async function recordClashes(db: DeskDatabase, collection: string, remote: PlainDoc, clashes: FieldClash[]): Promise<void> {
  const detectedAt = Date.now();
  const docId = String(remote.id);
  // Who wrote the server's value and when, as the server stamped the document (the user decides knowing it).
  const by = typeof remote.updatedBy === 'string' && remote.updatedBy ? { remoteBy: remote.updatedBy } : {};
  const at = typeof remote.updatedAt === 'number' ? { remoteAt: remote.updatedAt } : {};
  for (const clash of clashes) {
    const record: ConflictRecord = {
      id: conflictId(collection, docId, clash.field),
      kind: 'conflict',
      collectionName: collection,
      docId,
      field: clash.field,
      localValue: toJson(clash.localValue),
      remoteValue: toJson(clash.remoteValue),
      ...by,
      ...at,
      detectedAt,
      resolved: false,
    };
    await db.conflicts.upsert(record);
  }
}

/** The `field` of a conflict record saying the server deleted a document this device had edited. */
export const DELETED_WHILE_EDITED = '_deleted';

const withoutDeleted = ({ _deleted: _ignored, ...fields }: PlainDoc): PlainDoc => fields;

/**
 * The server deleted a document this device changed: the tombstone stands (deletions are the server's), and the
 * version to restore is kept in a conflict record the user sees, so the edit is not lost inside the
 * tombstone and can be restored where `can(actor, 'ticket.restore', ticket)` allows.
 */
async function recordDeletedWhileEdited(db: DeskDatabase, collection: string, local: PlainDoc): Promise<void> {
  const docId = String(local.id);
  const record: ConflictRecord = {
    id: conflictId(collection, docId, DELETED_WHILE_EDITED),
    kind: 'conflict',
    collectionName: collection,
    docId,
    field: DELETED_WHILE_EDITED,
    localValue: toJson(local),
    remoteValue: toJson(null),
    detectedAt: Date.now(),
    resolved: false,
  };
  await keepLocalVersions(db, [record]);
}

/** A history entry that only records its ticket's own change (TICKET_CHANGE_RECORD_KINDS): the ticket carries it. */
const recordsTicketChange = (collection: ReplicatedCollection, doc: PlainDoc): boolean =>
  collection === 'ticket_events' && (TICKET_CHANGE_RECORD_KINDS as readonly unknown[]).includes(doc.kind);

/**
 * Append-only documents are written once: if the server already has the entry it stays as the server has it
 * (nothing is lost); if the server holds a tombstone (or refused the entry), the local entry is appended again under a
 * new id, except an entry that only records its ticket's change, which goes with that change.
 */
async function resolveAppendOnly(db: DeskDatabase, collection: ReplicatedCollection, input: RxConflictHandlerInput<PlainDoc>) {
  const local = replicatedState(input.newDocumentState);
  const remote = replicatedState(input.realMasterState);
  if (remote._deleted && !local._deleted && !recordsTicketChange(collection, local)) {
    const { _deleted: _ignored, ...copy } = local;
    await db.collections[collection].insert({ ...copy, id: newId() } as never);
  }
  return remote;
}

/** How many pushed creates a handler remembers (see `PushedCreates`); older ones fall back to a base-less merge. */
const REMEMBERED_CREATES = 1_000;

/**
 * The creates this device pushed without an assumed state, by id, as pushed. The server answers a create with its
 * stamped version (confirmed number), and RxDB drops the write of that resolution when the user edited the document
 * meanwhile, keeping no assumed state; the next push of the document then comes without one again. The create as
 * pushed is what the server's version grew from, so it is the base that merge needs: without it, every edit made
 * before the confirmation was recorded clashed with the device's own create. Kept in memory: after a reload such a
 * merge falls back to base-less, as before.
 */
class PushedCreates {
  private readonly byId = new Map<string, PlainDoc>();

  /** The base for a merge without an assumed state: the create remembered, or this push (remembered for next time). */
  baseFor(docId: string, pushed: PlainDoc): PlainDoc | undefined {
    const known = this.byId.get(docId);
    if (known) return known;
    this.byId.set(docId, pushed);
    if (this.byId.size > REMEMBERED_CREATES) this.byId.delete(this.byId.keys().next().value as string);
    return undefined;
  }

  /** RxDB recorded a server state for the document: merges have their base again. */
  forget(docId: string): void {
    this.byId.delete(docId);
  }
}

/**
 * The client side of the sync rules: a three-way merge by field. Fields changed on one side only survive;
 * a field both sides changed keeps the server value and is recorded in `conflicts` for the user to decide.
 */
export function createConflictHandler(collection: ReplicatedCollection, getDb: () => DeskDatabase): RxConflictHandler<unknown> {
  const policy = MERGE_POLICIES[collection] as MergePolicy<PlainDoc>;
  const creates = new PushedCreates();

  async function merge(db: DeskDatabase, base: PlainDoc | undefined, local: PlainDoc, remote: PlainDoc) {
    if (remote._deleted && !local._deleted) {
      const { _deleted: _l, ...localFields } = local;
      const baseFields = base ? withoutDeleted(base) : undefined;
      if (!baseFields || !jsonEqual(baseFields, localFields)) {
        // What a restore brings back: the server's last state with this device's edits merged in as usual (a field
        // both changed keeps the server value and is recorded as a clash), so it never undoes what others wrote.
        const { merged, clashes } = threeWayMerge<PlainDoc>(baseFields, localFields, withoutDeleted(remote), policy);
        await recordDeletedWhileEdited(db, collection, merged);
        await recordClashes(db, collection, { ...remote, id: remote.id ?? local.id }, clashes);
      }
      return { ...remote, _deleted: true };
    }
    const { merged, clashes } = threeWayMerge<PlainDoc>(base, local, remote, policy);
    if (clashes.length > 0) await recordClashes(db, collection, { ...remote, id: remote.id ?? local.id }, clashes);
    return { ...merged, _deleted: merged._deleted === true };
  }

  const handler: RxConflictHandler<PlainDoc> = {
    isEqual(a, b) {
      return jsonEqual(replicatedState(a), replicatedState(b));
    },
    async resolve(input) {
      // The document left this user's scope (a retried write that had landed): the device drops it, as a pull would.
      if (isScopeExitMarker(collection, replicatedState(input.realMasterState))) return input.realMasterState;
      const db = getDb();
      // The server refused this very state for good: it waits in the conflict view as a refusal record.
      if (await isRefusedState(db, collection, input.newDocumentState)) return input.realMasterState;
      if (APPEND_ONLY_COLLECTIONS.includes(collection)) {
        return (await resolveAppendOnly(db, collection, input)) as WithDeleted<PlainDoc>;
      }
      const local = replicatedState(input.newDocumentState);
      const docId = String(local.id);
      let base: PlainDoc | undefined;
      if (input.assumedMasterState) {
        base = replicatedState(input.assumedMasterState);
        creates.forget(docId);
      } else {
        base = creates.baseFor(docId, local);
      }
      return await merge(db, base, local, replicatedState(input.realMasterState));
    },
  };
  return handler as unknown as RxConflictHandler<unknown>;
}
