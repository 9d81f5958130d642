/** What the duplicate hint needs to know about an existing ticket. */
export interface DuplicateCandidate {
  id: string;
  callerId: string;
  status: string;
  updatedAt: number;
}

/** A text-search hit: the ticket id and the search engine's relevance score. */
export interface TextHit {
  id: string;
  score: number;
}

export interface DuplicateHint<T extends DuplicateCandidate> {
  ticket: T;
  score: number;
  sameCaller: boolean;
}

const CLOSED = new Set(['resolved', 'closed']);
/** A same-caller open ticket counts as much as a good title match. */
const SAME_CALLER_BONUS = 5;

/**
 * Ranks open tickets that may duplicate the one being recorded: title similarity (scores from a text search) plus
 * a bonus for the same caller. Same-caller tickets appear even without a title match once a title is being typed.
 * Ties go to the most recently updated.
 */
export function rankDuplicates<T extends DuplicateCandidate>(
  candidates: readonly T[],
  hits: readonly TextHit[],
  callerId: string,
  limit = 5,
): DuplicateHint<T>[] {
  const scoreById = new Map(hits.map((h) => [h.id, h.score]));
  const out: DuplicateHint<T>[] = [];
  for (const ticket of candidates) {
    if (CLOSED.has(ticket.status)) continue;
    const text = scoreById.get(ticket.id) ?? 0;
    const sameCaller = callerId !== '' && ticket.callerId === callerId;
    if (text <= 0 && !sameCaller) continue;
    out.push({ ticket, sameCaller, score: text + (sameCaller ? SAME_CALLER_BONUS : 0) });
  }
  out.sort((a, b) => b.score - a.score || b.ticket.updatedAt - a.ticket.updatedAt);
  return out.slice(0, limit);
}
