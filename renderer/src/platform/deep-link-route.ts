import { isAppRoute } from '@shared/ipc/channels.js';
import type { DeepLink } from '@shared/ipc/channels.js';

/** Where the desktop shell asks the window to go: a servicedesk:// link, or an app route (a clicked notification). */
export type DeskDestination = { kind: 'link'; link: DeepLink } | { kind: 'route'; route: string };

/** The route to open; `missingTicket` when a ticket link names a ticket this device does not hold (the queue is searched instead). */
export interface RouteDecision {
  route: string;
  missingTicket?: string;
}

export interface RouteLookup {
  findTicketIdByNumber(number: string): Promise<string | null>;
  /** Resolves once the first download is over (at once when it is); a ticket not found yet is looked up again after it. */
  waitForInitialSync?(): Promise<void>;
}

async function lookUp(number: string, lookup: RouteLookup): Promise<string | null> {
  const id = await lookup.findTicketIdByNumber(number);
  if (id) return id;
  // Numbers are stored upper case (INC0001003); a typed link may not be.
  const upper = number.toUpperCase();
  return upper === number ? null : lookup.findTicketIdByNumber(upper);
}

/**
 * Decides where a destination leads: ticket links by the ticket's local id (looked up by number, offline), kb links
 * to the article, notification routes as they are when they are app routes. Null: ignore it.
 */
export async function routeForDestination(destination: DeskDestination, lookup: RouteLookup): Promise<RouteDecision | null> {
  if (destination.kind === 'route') return isAppRoute(destination.route) ? { route: destination.route } : null;
  const { link } = destination;
  if (link.kind === 'kb') {
    const route = `/kb/${encodeURIComponent(link.id)}`;
    return isAppRoute(route) ? { route } : null;
  }
  let id = await lookUp(link.number, lookup);
  if (!id && lookup.waitForInitialSync) {
    await lookup.waitForInitialSync();
    id = await lookUp(link.number, lookup);
  }
  if (id) return { route: `/tickets/${encodeURIComponent(id)}` };
  return { route: `/tickets?q=${encodeURIComponent(link.number)}`, missingTicket: link.number };
}
