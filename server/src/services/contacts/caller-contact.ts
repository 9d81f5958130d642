import type { Language, Ticket } from '@shared';
import type { Queryable } from '../../db/database.js';
import { findUserByEmail, findUserById } from '../../db/queries/directory.js';

/** The person a ticket's mail goes to. `directoryId` is empty for people outside the directory. */
export interface CallerContact {
  email: string;
  name: string;
  language: Language;
  directoryId: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** False when the ticket names no caller at all (no directory entry, no address): `callerContact` is then null. */
export function namesCaller(ticket: Pick<Ticket, 'callerId' | 'callerEmail'>): boolean {
  return ticket.callerId !== '' || text(ticket.callerEmail) !== '';
}

/**
 * A ticket's caller as a mail recipient, the one rule every mail the desk sends follows: the address written on the
 * ticket (the caller asked to be reached there) else their directory entry's; the name likewise; the language of
 * their directory entry, else of the entry holding that address, else English. Null when there is no address.
 */
export async function callerContact(db: Queryable, ticket: Ticket): Promise<CallerContact | null> {
  const entry = ticket.callerId ? await findUserById(db, ticket.callerId) : null;
  const email = text(ticket.callerEmail) || text(entry?.email);
  if (!email) return null;
  const holder = entry && text(entry.email).toLowerCase() === email.toLowerCase() ? entry : await findUserByEmail(db, email);
  const person = entry ?? holder;
  return {
    email,
    name: text(ticket.callerName) || text(person?.name),
    language: (person?.locale ?? holder?.locale) === 'fr' ? 'fr' : 'en',
    directoryId: entry ? ticket.callerId : holder ? String(holder.id) : '',
  };
}
