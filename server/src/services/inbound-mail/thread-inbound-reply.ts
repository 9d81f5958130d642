import { createHash } from 'node:crypto';
import {
  INBOUND_REPLY,
  REPLY_BODY_MAX,
  SYSTEM_AUTHOR_ID,
  stripQuotedHistory,
  ticketAfterCallerReply,
  ticketIdInReferences,
  ticketNumberInSubject,
  type Ticket,
  type TicketEvent,
} from '@shared';
import type { Database, Queryable } from '../../db/database.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { findUserById } from '../../db/queries/directory.js';
import { callerContact } from '../contacts/caller-contact.js';
import { feedSlaDue } from '../sla/sla-feed.js';
import { validateDocument } from '../sync/document-validation.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { toSyncDocument } from '../sync/stored-document.js';

/** An e-mail answer as the listener parsed it. */
export interface InboundMessage {
  /** Address of the From: header. */
  from: string;
  subject: string;
  /** In-Reply-To and References, as Message-IDs. */
  references: readonly string[];
  messageId: string;
  text: string;
}

export type InboundOutcome =
  | { kind: 'recorded'; ticketId: string; eventId: string; reopened: boolean }
  | { kind: 'duplicate'; ticketId: string; eventId: string }
  | { kind: 'unknown_ticket' }
  | { kind: 'not_caller'; number: string }
  | { kind: 'empty' };

type StoredTicket = Ticket & { _deleted: boolean };

async function ticketByNumber(db: Queryable, number: string): Promise<StoredTicket | null> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'tickets' AND data->>'number' = $1 AND NOT deleted`,
    [number],
  );
  return rows[0] ? ticketById(db, rows[0].id) : null;
}

async function ticketById(db: Queryable, id: string): Promise<StoredTicket | null> {
  const row = (await loadDocuments(db, 'tickets', [id])).get(id);
  const ticket = row ? (toSyncDocument(row) as unknown as StoredTicket) : null;
  return ticket && !ticket._deleted ? ticket : null;
}

/**
 * The ticket an answer is about: the tag in its subject (`[INC0001234]`), else the ticket named by the Message-ID
 * of our mail it answers (a client or a person may have edited the subject).
 */
async function findTicket(db: Queryable, message: InboundMessage): Promise<StoredTicket | null> {
  const number = ticketNumberInSubject(message.subject);
  const byNumber = number ? await ticketByNumber(db, number) : null;
  if (byNumber) return byNumber;
  const id = ticketIdInReferences(message.references);
  return id ? ticketById(db, id) : null;
}

/** Whether `address` is the ticket's caller: the address written on the ticket, or their directory entry's. */
async function isCaller(db: Queryable, ticket: Ticket, address: string): Promise<{ authorId: string } | null> {
  const wanted = address.trim().toLowerCase();
  if (!wanted) return null;
  const contact = await callerContact(db, ticket);
  const entry = ticket.callerId ? await findUserById(db, ticket.callerId) : null;
  const entryEmail = typeof entry?.email === 'string' ? entry.email.trim().toLowerCase() : '';
  if (contact?.email.toLowerCase() !== wanted && entryEmail !== wanted) return null;
  // A caller outside the directory has no id to author with: the desk's system id, the kind says who wrote it.
  return { authorId: ticket.callerId || contact?.directoryId || SYSTEM_AUTHOR_ID };
}

/**
 * Threads a caller's e-mail answer into its ticket as an inbound `reply` event, through the server's own write path
 * (sequence lock, fresh seq, change notification), so every device that sees the ticket pulls it. Refused: an
 * unknown ticket, or a sender who is not the ticket's caller (anyone could otherwise write into any ticket by
 * guessing its number). The event id derives from the Message-ID, so a message delivered twice is recorded once.
 * A resolved ticket reopens and one waiting on the caller resumes (ticketAfterCallerReply), in the same transaction.
 * The time is the server's, not the message's Date header, which the sender chooses.
 */
export async function threadInboundReply(db: Database, message: InboundMessage, now = Date.now()): Promise<InboundOutcome> {
  return db.transaction(async (tx) => {
    const ticket = await findTicket(tx, message);
    if (!ticket) return { kind: 'unknown_ticket' };
    const author = await isCaller(tx, ticket, message.from);
    if (!author) return { kind: 'not_caller', number: ticket.number };
    const body = stripQuotedHistory(message.text).slice(0, REPLY_BODY_MAX);
    if (!body) return { kind: 'empty' };
    const key = message.messageId || `${message.from}\n${message.subject}\n${body}\n${now}`;
    const eventId = `mail-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
    if ((await loadDocuments(tx, 'ticket_events', [eventId])).has(eventId)) {
      return { kind: 'duplicate', ticketId: ticket.id, eventId };
    }
    const event: TicketEvent = {
      id: eventId,
      ticketId: ticket.id,
      kind: 'reply',
      authorId: author.authorId,
      occurredAt: Math.max(now, ticket.createdAt),
      body,
      minutes: 0,
      fromValue: INBOUND_REPLY,
      toValue: '',
    };
    // Its entries' ids derive from the message's too (kept short: an id holds at most 40 characters).
    const idPrefix = `r-${eventId.slice('mail-'.length, 'mail-'.length + 12)}`;
    const change = ticketAfterCallerReply(ticket, { authorId: author.authorId, occurredAt: event.occurredAt, idPrefix });
    const events = [event, ...(change?.events ?? [])].map((e) => ({ ...e, _deleted: false }));
    const tickets = change ? [{ ...change.ticket, _deleted: false }] : [];
    const problems = [
      ...events.flatMap((doc) => validateDocument('ticket_events', doc, 0)),
      ...tickets.flatMap((doc) => validateDocument('tickets', doc, 0)),
    ];
    if (problems.length > 0) throw new Error(`inbound reply does not fit the schemas: ${problems[0]?.message ?? ''}`);
    await writeServerDocuments(tx, 'tickets', tickets);
    await writeServerDocuments(tx, 'ticket_events', events);
    // A reopened or resumed ticket's clocks run again: its SLA warnings are planned anew.
    if (change) await feedSlaDue(tx, [ticket.id], now);
    return { kind: 'recorded', ticketId: ticket.id, eventId, reopened: change !== null };
  });
}
