import type { TicketEvent } from '../schemas/ticket-event.js';
import type { Ticket } from '../schemas/ticket.js';
import { statusForAssignee } from './ticket-lifecycle.js';
import { changeEntries, type ChangeAuthor } from './ticket-history.js';
import { applyTicketPatch } from './ticket-writes.js';

/**
 * Public replies (issue #22): a `reply` event is what the caller reads, unlike the internal `comment`. The desk's
 * reply is mailed to the caller; the caller's answer by e-mail comes back as a `reply` marked `inbound`.
 */

/** `fromValue` of a reply the caller sent by e-mail (written by the server only, never pushed by a device). */
export const INBOUND_REPLY = 'inbound';

/** Longest reply body (the event schema's body limit). */
export const REPLY_BODY_MAX = 20_000;

export const isReply = (event: Pick<TicketEvent, 'kind'>): boolean => event.kind === 'reply';

export const isInboundReply = (event: Pick<TicketEvent, 'kind' | 'fromValue'>): boolean =>
  event.kind === 'reply' && event.fromValue === INBOUND_REPLY;

/** The tag every mail about a ticket carries in its subject, and which threads an answer back: `[INC0001234]`. */
export const subjectTag = (number: string): string => `[${number}]`;

/**
 * The ticket number a subject names in its tag (`Re: [INC0001234] Printer`), upper-cased, or null. Only confirmed
 * numbers (three letters, digits): a provisional `NEW-…` never reached a caller's mailbox.
 */
export function ticketNumberInSubject(subject: string): string | null {
  const match = /\[([A-Za-z]{3}\d{4,12})\]/.exec(subject);
  return match ? match[1].toUpperCase() : null;
}

// UTF-16 code units as 4 hex digits each: plain ES, no TextEncoder, and round-trips any id.
const toHex = (text: string): string =>
  Array.from({ length: text.length }, (_, i) => text.charCodeAt(i).toString(16).padStart(4, '0')).join('');

function fromHex(hex: string): string | null {
  if (hex.length === 0 || hex.length % 4 !== 0 || !/^[0-9a-f]+$/.test(hex)) return null;
  let out = '';
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/**
 * Message-ID of the mail carrying a reply. Ticket and event ids are free text, so they are hex-encoded to stay within
 * the characters a Message-ID allows; the caller's client quotes it in In-Reply-To, which names the ticket even when
 * the subject was edited.
 */
export function replyMessageId(ticketId: string, eventId: string, domain: string): string {
  return `<sd.${toHex(ticketId)}.${toHex(eventId)}@${domain}>`;
}

/** The ticket id named by the first of our Message-IDs found in In-Reply-To / References, or null. */
export function ticketIdInReferences(references: readonly string[]): string | null {
  for (const reference of references) {
    const match = /<?sd\.([0-9a-f]+)\.[0-9a-f]+@[^>\s]+>?/.exec(reference);
    const id = match ? fromHex(match[1]) : null;
    if (id) return id;
  }
  return null;
}

const QUOTE_HEADERS = [
  /^on\b.*\bwrote\s*:\s*$/i,
  /^le\b.*\ba écrit\s*:\s*$/i,
  /^-{2,}\s*(original message|message d'origine|message original)\s*-{2,}\s*$/i,
  /^_{5,}\s*$/,
  /^(from|de)\s*:\s.+$/i,
];

/**
 * The new text of an e-mail answer, without the history the mail client quoted below it: cut at the first
 * "On … wrote:" / "Le … a écrit :" / "Original Message" line, and drop `>` quoted lines. Deliberately simple: what it
 * misses stays in the reply, which loses nothing.
 */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (QUOTE_HEADERS.some((header) => header.test(trimmed))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  const body = kept.join('\n').trim();
  return body.length > 0 ? body : text.trim();
}

/**
 * What the caller's e-mail answer does to its ticket: a resolved ticket reopens (the fix did not hold, or a question
 * remains) and one waiting on the caller resumes, back in progress with its assignee (New in its group's queue
 * without one), with the status entry in the caller's name; null when the status stays (open work goes on, a ticket
 * waiting on a vendor or a change still waits, a closed ticket stays closed: its answer is kept but it is final).
 */
export function ticketAfterCallerReply(ticket: Ticket, by: ChangeAuthor): { ticket: Ticket; events: TicketEvent[] } | null {
  const waitingOnCaller = ticket.status === 'pending' && ticket.pendingReason === 'customer';
  if (ticket.status !== 'resolved' && !waitingOnCaller) return null;
  const next = applyTicketPatch(
    ticket,
    { status: statusForAssignee('in_progress', ticket.assigneeId) },
    by.authorId,
    by.occurredAt,
  );
  return { ticket: next, events: changeEntries(ticket, next, by) };
}
