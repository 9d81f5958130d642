/**
 * Verbatim comments: the non-blank text answers of responses, newest first (ties by response id, then question
 * order), with optional filters that must all hold:
 * - score: the response's first valid answer of that kind (csat, nps or ces) lies in [min, max] (both inclusive,
 *   each optional); responses without such an answer are excluded when a score filter is set.
 * - groupId, assigneeId, categoryId: equal to the field of the ticket the response refers to.
 * - from / to: submittedAt in [from, to).
 * - contains: the text contains it, ignoring case and accents ("ecran" matches "Écran"); blank matches all.
 */
import type { ScoredResponse } from './survey-scores.js';

/** The filters of the verbatim list; every given one must hold. */
export interface VerbatimFilter {
  score?: { kind: 'csat' | 'nps' | 'ces'; min?: number; max?: number };
  groupId?: string;
  assigneeId?: string;
  categoryId?: string;
  from?: number;
  to?: number;
  contains?: string;
}

/** One comment with its context. */
export interface Verbatim {
  responseId: string;
  ticketId: string;
  /** What people quote (INC…); empty when the ticket is not held here. */
  ticketNumber: string;
  questionId: string;
  text: string;
  submittedAt: number;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  groupId: string;
  assigneeId: string;
  categoryId: string;
}

/** Lower-cases and strips diacritics, for accent-insensitive matching. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matches(s: ScoredResponse, f: VerbatimFilter): boolean {
  const t = s.ticket;
  if (f.groupId !== undefined && t?.groupId !== f.groupId) return false;
  if (f.assigneeId !== undefined && t?.assigneeId !== f.assigneeId) return false;
  if (f.categoryId !== undefined && t?.categoryId !== f.categoryId) return false;
  const at = s.response.submittedAt;
  if ((f.from !== undefined && at < f.from) || (f.to !== undefined && at >= f.to)) return false;
  if (f.score) {
    const v = s[f.score.kind];
    if (v === null || v < (f.score.min ?? -Infinity) || v > (f.score.max ?? Infinity)) return false;
  }
  return true;
}

/** The verbatim comments that pass the filter, newest first. */
export function verbatims(scored: readonly ScoredResponse[], filter: VerbatimFilter = {}): Verbatim[] {
  const needle = foldText(filter.contains?.trim() ?? '');
  const out: Verbatim[] = [];
  for (const s of scored) {
    if (s.texts.length === 0 || !matches(s, filter)) continue;
    for (const { questionId, text } of s.texts) {
      if (needle !== '' && !foldText(text).includes(needle)) continue;
      const r = s.response;
      out.push({
        responseId: r.id,
        ticketId: r.ticketId,
        ticketNumber: s.ticket?.number ?? '',
        questionId,
        text,
        submittedAt: r.submittedAt,
        csat: s.csat,
        nps: s.nps,
        ces: s.ces,
        groupId: s.ticket?.groupId ?? '',
        assigneeId: s.ticket?.assigneeId ?? '',
        categoryId: s.ticket?.categoryId ?? '',
      });
    }
  }
  // Stable sort: within one response, question order is kept.
  return out.sort(
    (a, b) => b.submittedAt - a.submittedAt || (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0),
  );
}
