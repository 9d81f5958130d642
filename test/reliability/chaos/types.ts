import type { ConflictRecord, Role } from '@shared';
import type { FaultConfig, FaultStats } from '../support/fault-fetch.js';

/** A document as compared: its fields, without RxDB's local bookkeeping, `_deleted` beside them. */
export type PlainDoc = Record<string, unknown> & { id: string };

/** What one simulated client does, how often (relative weights). */
export interface OperationWeights {
  editText: number;
  editEnum: number;
  changeStatus: number;
  assign: number;
  addEvent: number;
  createTicket: number;
  deleteTicket: number;
  resolveConflict: number;
}

export const DEFAULT_WEIGHTS: OperationWeights = {
  editText: 30,
  editEnum: 14,
  changeStatus: 8,
  assign: 5,
  addEvent: 28,
  createTicket: 6,
  deleteTicket: 3,
  resolveConflict: 6,
};

export interface SimClientConfig {
  index: number;
  /** Seed of the run; the client derives its own streams from it and its index. */
  seed: number;
  serverUrl: string;
  email: string;
  password: string;
  /** Tickets every client works on first, so edits collide. */
  hotTicketIds: string[];
  faults: FaultConfig;
  weights: OperationWeights;
  /** Pause between operations, 0..maxPauseMs. */
  maxPauseMs: number;
  /** Chance per operation of going offline (for 3-30 operations). */
  offlineChance: number;
  retryTime: number;
  devMode: boolean;
}

/** A local change of one ticket field, as seen in the collection's change stream (previous -> new value). */
export interface EditRecord {
  client: number;
  ticketId: string;
  field: string;
  value: unknown;
  prev: unknown;
  /** The field's edit counter (`fieldRevs`) after the edit, and before it; 0 when absent. */
  rev: number;
  prevRev: number;
  /** Order of the edit on its client. */
  seq: number;
  at: number;
}

/** Something written locally and acknowledged by the local database. */
export interface InsertRecord {
  client: number;
  doc: PlainDoc;
}

export interface ClientRecords {
  edits: EditRecord[];
  events: InsertRecord[];
  createdTickets: InsertRecord[];
  /** Tickets this client deleted, numbered in the same sequence as its edits (EditRecord.seq). */
  deletions: { client: number; ticketId: string; seq: number }[];
  counts: Record<string, number>;
  /** Operations the local rules refused (e.g. a status the lifecycle forbids): not edits. */
  refused: number;
  faults: FaultStats;
  replicationErrors: string[];
}

export interface ClientSnapshot {
  tickets: PlainDoc[];
  events: PlainDoc[];
  conflicts: ConflictRecord[];
  pendingPush: number;
  error: string | null;
  pulls: string[];
}

export interface ClientIdentity {
  userId: string;
  role: Role;
  accessToken: string;
}
