import type { Actor, ReplicatedCollection } from '@shared';
import type { Transaction } from '../../db/database.js';
import type { SyncDocument } from './document-validation.js';

/** What a push wrote, handed to each effect inside the push's transaction. */
export interface PushEffectInput {
  tx: Transaction;
  actor: Actor;
  collection: ReplicatedCollection;
  /** The accepted new states, in push order. */
  writes: readonly SyncDocument[];
  /** The masters those writes replaced (absent for new documents). */
  previous: ReadonlyMap<string, SyncDocument>;
}

/**
 * Work that must happen exactly when a push commits (queue an e-mail, write a derived document): it runs in
 * the push's transaction, so it is rolled back with a refused push and never runs for one that failed.
 * An effect that rewrote documents of this push (a server-assigned value) returns their new states: the push
 * answers them with its conflicts, because a device that pulls before it has the push's answer would otherwise
 * keep its own version (RxDB skips pulled documents with a local write in flight). Fields only the server
 * sets are `serverFields` of the merge policy, so the device takes them without a clash to resolve.
 */
export type PushEffect = (input: PushEffectInput) => Promise<void | readonly SyncDocument[]>;
