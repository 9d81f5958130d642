import { TICKET_CHANGE_RECORD_KINDS, jsonEqual, type ConflictRecord } from '@shared';
import { isProvisionalNumber } from '@shared/domain/ticket-numbering.js';
import type { EditRecord, InsertRecord, PlainDoc } from './types.js';
import { DELETED_WHILE_EDITED } from '../../../renderer/src/data/replication/conflict-handler.js';

export interface OracleInput {
  /** Every ticket the server holds, tombstones included (a supervisor's pull). */
  serverTickets: ReadonlyMap<string, PlainDoc & { _deleted?: boolean }>;
  serverEvents: ReadonlyMap<string, PlainDoc & { _deleted?: boolean }>;
  edits: readonly EditRecord[];
  /** Events each client's local database acknowledged. */
  events: readonly InsertRecord[];
  createdTickets: readonly InsertRecord[];
  /** Tickets each client deleted itself, in its edit sequence. */
  deletions?: readonly { client: number; ticketId: string; seq: number }[];
  /** Conflict records by client index. */
  conflicts: ReadonlyMap<number, readonly ConflictRecord[]>;
}

export interface OracleReport {
  problems: string[];
  edits: {
    total: number;
    inFinalState: number;
    recordedAsConflict: number;
    supersededByOwnLaterEdit: number;
    /** Replaced by an edit that started from this edit's value at this edit's counter or a later one. */
    replacedByOthers: number;
    /** Made on a ticket whose creation the server refused for good: the refusal record keeps the whole ticket. */
    inRefusedCreation: number;
  };
  acknowledgedEvents: number;
  /** Acknowledged events the server refused for good, kept in a refusal record on their device. */
  setAsideEvents: number;
  createdTickets: number;
  /** Created tickets the server refused for good (e.g. the creator handed it out of their own sight offline). */
  setAsideTickets: number;
}

const withoutDeleted = (doc: Record<string, unknown>): Record<string, unknown> => {
  const { _deleted: _ignored, ...rest } = doc;
  return rest;
};

/**
 * True when `other` started from the state `edit` left: the same value, at the field's edit counter `edit` wrote or a
 * later one. Values alone cannot say it for fields whose values repeat (a device that changed a field and changed it
 * back looks unchanged: A-B-A), and counters alone cannot either (two devices count their own edits from the same
 * number); together they name the state. A later edit of the same field by a device that had not seen this one does
 * not account for it: the merge must have recorded a conflict.
 */
function startedFrom(other: EditRecord, edit: EditRecord): boolean {
  return other !== edit && other.prevRev >= edit.rev && jsonEqual(other.prev, edit.value);
}

/**
 * The convergence properties of the issue, checked against the server's final state: no acknowledged event
 * missing or changed, no duplicates, every created ticket present once, every field edit counted, and in the final
 * state or recorded as a conflict (or knowingly replaced by a later edit).
 */
export function checkConvergence(input: OracleInput): OracleReport {
  const problems: string[] = [];
  const report: OracleReport = {
    problems,
    edits: {
      total: input.edits.length,
      inFinalState: 0,
      recordedAsConflict: 0,
      supersededByOwnLaterEdit: 0,
      replacedByOthers: 0,
      inRefusedCreation: 0,
    },
    acknowledgedEvents: input.events.length,
    setAsideEvents: 0,
    createdTickets: input.createdTickets.length,
    setAsideTickets: 0,
  };
  // A creation the server refused waits, whole, in a refusal record on its device: set aside, not lost.
  const refusedCreation = (client: number, ticketId: string): boolean =>
    (input.conflicts.get(client) ?? []).some(
      (c) => c.kind === 'refusal' && c.collectionName === 'tickets' && c.docId === ticketId && c.remoteValue === 'null',
    );

  for (const { client, doc } of input.events) {
    const stored = input.serverEvents.get(doc.id);
    // An event the server refused for good (e.g. on a ticket whose creation it refused) waits in a refusal record the
    // user sees: set aside, not lost.
    const setAside = (input.conflicts.get(client) ?? []).some(
      (c) => c.kind === 'refusal' && c.collectionName === 'ticket_events' && c.docId === doc.id,
    );
    // An entry that only records its ticket's change (TICKET_CHANGE_RECORD_KINDS) goes with that change: where the
    // ticket's write was refused, the ticket's refusal record holds it and the entry gets none of its own.
    const withRefusedTicket =
      (TICKET_CHANGE_RECORD_KINDS as readonly unknown[]).includes(doc.kind) &&
      (input.conflicts.get(client) ?? []).some(
        (c) => c.kind === 'refusal' && c.collectionName === 'tickets' && c.docId === String(doc.ticketId),
      );
    if (!stored && (setAside || withRefusedTicket)) report.setAsideEvents++;
    else if (!stored)
      problems.push(`event ${doc.id} (${String(doc.kind)} by client ${client}) acknowledged locally is missing on the server`);
    else if (stored._deleted) problems.push(`event ${doc.id} is deleted on the server`);
    else if (!jsonEqual(withoutDeleted(stored), doc))
      problems.push(`event ${doc.id} differs on the server: ${JSON.stringify(stored)} vs ${JSON.stringify(doc)}`);
  }

  const bodies = new Map<string, string[]>();
  for (const event of input.serverEvents.values()) {
    if (event.kind !== 'comment' && event.kind !== 'worklog') continue;
    const key = `${String(event.ticketId)}|${String(event.kind)}|${String(event.body)}`;
    bodies.set(key, [...(bodies.get(key) ?? []), event.id]);
  }
  for (const [key, ids] of bodies)
    if (ids.length > 1) problems.push(`duplicate ${key.split('|')[1]} "${key.split('|')[2]}": ${ids.join(', ')}`);

  const numbers = new Map<string, number>();
  for (const ticket of input.serverTickets.values())
    numbers.set(String(ticket.number), (numbers.get(String(ticket.number)) ?? 0) + 1);
  for (const { client, doc } of input.createdTickets) {
    const stored = input.serverTickets.get(doc.id);
    if (!stored && refusedCreation(client, doc.id)) {
      report.setAsideTickets++;
      continue;
    }
    if (!stored) {
      problems.push(`ticket ${doc.id} created by client ${client} is missing on the server`);
      continue;
    }
    // Created with a provisional number on the device: the server must have confirmed a unique one.
    const number = String(stored.number);
    // Every create is numbered by the server, tombstones included (a ticket created and deleted offline used to keep
    // its provisional number: issue 15, item 3).
    if (isProvisionalNumber(number)) problems.push(`ticket ${doc.id} kept its provisional number ${number} on the server`);
    if ((numbers.get(number) ?? 0) > 1) problems.push(`ticket number ${number} appears ${numbers.get(number)} times`);
  }

  const byField = new Map<string, EditRecord[]>();
  for (const edit of input.edits) {
    const key = `${edit.ticketId}|${edit.field}`;
    byField.set(key, [...(byField.get(key) ?? []), edit]);
  }
  for (const edit of input.edits) {
    if (edit.rev !== edit.prevRev + 1) {
      problems.push(
        `uncounted edit: client ${edit.client} set ${edit.ticketId}.${edit.field} = ${JSON.stringify(edit.value)} ` +
          `but its edit counter went from ${edit.prevRev} to ${edit.rev}`,
      );
    }
    const final = input.serverTickets.get(edit.ticketId);
    if (!final && refusedCreation(edit.client, edit.ticketId)) {
      report.edits.inRefusedCreation++;
      continue;
    }
    if (!final) {
      problems.push(`ticket ${edit.ticketId} edited by client ${edit.client} is missing on the server`);
      continue;
    }
    if (jsonEqual(final[edit.field], edit.value)) {
      report.edits.inFinalState++;
      continue;
    }
    // A same-field clash names the field; a refusal, and an edit the server's deletion overtook (field `_deleted`),
    // keep the whole local document.
    const recorded = (input.conflicts.get(edit.client) ?? []).some(
      (c) =>
        c.collectionName === 'tickets' &&
        c.docId === edit.ticketId &&
        (c.kind === 'refusal' || c.field === DELETED_WHILE_EDITED
          ? jsonEqual((JSON.parse(c.localValue) as Record<string, unknown>)[edit.field], edit.value)
          : c.field === edit.field && c.localValue === JSON.stringify(edit.value)),
    );
    if (recorded) {
      report.edits.recordedAsConflict++;
      continue;
    }
    const sameField = byField.get(`${edit.ticketId}|${edit.field}`) ?? [];
    // The same person later changed the field again, or deleted the ticket (what comes back of it is a kept version).
    const ownDeletion = (input.deletions ?? []).some(
      (d) => d.client === edit.client && d.ticketId === edit.ticketId && d.seq > edit.seq,
    );
    if (ownDeletion || sameField.some((other) => other.client === edit.client && other.seq > edit.seq)) {
      report.edits.supersededByOwnLaterEdit++;
      continue;
    }
    if (sameField.some((other) => startedFrom(other, edit))) {
      report.edits.replacedByOthers++;
      continue;
    }
    const history = sameField.map(
      (e) => `c${e.client}#${e.seq}@${e.at}: ${JSON.stringify(e.prev)}@${e.prevRev} -> ${JSON.stringify(e.value)}@${e.rev}`,
    );
    const records = [...input.conflicts].flatMap(([client, list]) =>
      list
        .filter((c) => c.docId === edit.ticketId && c.field === edit.field)
        .map((c) => `c${client}: local ${c.localValue} remote ${c.remoteValue}${c.resolved ? ' (resolved)' : ''}`),
    );
    problems.push(
      `lost edit: client ${edit.client} set ${edit.ticketId}.${edit.field} = ${JSON.stringify(edit.value)} (was ${JSON.stringify(edit.prev)}); ` +
        `the server has ${JSON.stringify(final[edit.field])} and no conflict was recorded. ` +
        `Edits of this field: [${history.join('; ')}]; conflict records: [${records.join('; ')}]`,
    );
  }
  return report;
}

/**
 * Differences between a replica and the server's view for the same user (live documents only), at most `limit`.
 */
export function diffReplica(
  label: string,
  local: readonly PlainDoc[],
  server: ReadonlyMap<string, PlainDoc & { _deleted?: boolean }>,
  limit = 10,
): string[] {
  const out: string[] = [];
  const localById = new Map(local.map((d) => [d.id, d]));
  for (const doc of local) {
    const remote = server.get(doc.id);
    if (!remote || remote._deleted)
      out.push(`${label}: ${doc.id} is on the replica but ${remote ? 'deleted' : 'absent'} on the server`);
    else if (!jsonEqual(withoutDeleted(remote), doc))
      out.push(`${label}: ${doc.id} differs: replica ${JSON.stringify(doc)} server ${JSON.stringify(remote)}`);
  }
  for (const remote of server.values()) {
    if (!remote._deleted && !localById.has(remote.id)) out.push(`${label}: ${remote.id} is on the server but not on the replica`);
  }
  return out.slice(0, limit).concat(out.length > limit ? [`${label}: ... ${out.length - limit} more`] : []);
}
