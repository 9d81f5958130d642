/** A message the desk holds back instead of sending, as operators see it (GET /api/mail/held). */
export interface HeldMail {
  id: number;
  /** Why it would be sent, e.g. `ticket-created`, `major-incident-update`. */
  kind: string;
  to: string;
  subject: string;
  ticketId: string | null;
  /** The user whose write caused it; null for the server's own mail. */
  requestedBy: string | null;
  heldReason: string;
  /** ISO time it was queued. */
  createdAt: string;
}

/** Where held mail is listed; `${HELD_MAIL_PATH}/${id}/release` lets one go (administrators). */
export const HELD_MAIL_PATH = '/api/mail/held';
