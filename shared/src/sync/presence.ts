/** What a person is doing with a ticket: looking at it, or changing it (unsaved edits or a draft). */
export const PRESENCE_STATES = ['viewing', 'editing'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** POST /api/presence: "I am here" (repeat every PRESENCE_HEARTBEAT_MS), or `left` to go at once. */
export interface PresenceHeartbeat {
  ticketId: string;
  state: PresenceState | 'left';
}

/** One person with the ticket open. */
export interface PresenceEntry {
  userId: string;
  name: string;
  state: PresenceState;
}

/** Each message of GET /api/presence/:ticketId/stream: everybody with the ticket open now (the subscriber too). */
export interface PresenceSnapshot {
  ticketId: string;
  people: PresenceEntry[];
}

/** How often clients repeat their heartbeat. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
/** A person without a heartbeat for this long has gone (closed the laptop, lost the network). */
export const PRESENCE_TTL_MS = 30_000;
