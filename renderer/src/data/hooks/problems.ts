import type { DismissedCandidate, Ticket } from '@shared';
import { map } from 'rxjs';
import { DISMISSALS_DOC_ID } from '../commands/problems.js';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';
import { useTicketsOfType } from './queue.js';

const byNumber = (a: Ticket, b: Ticket) => a.number.localeCompare(b.number, undefined, { numeric: true });

/** The incidents linked to a problem, by number; none when `problemId` is empty. */
export function useLinkedIncidents(problemId: string): Ticket[] {
  const db = useDb();
  return useObservable(
    () =>
      problemId
        ? db.tickets.find({ selector: { problemId } }).$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket).sort(byNumber)))
        : null,
    [db, problemId],
    [] as Ticket[],
  );
}

/** The problems on this device (their known errors are searched offline). */
export function useProblems(): Ticket[] {
  return useTicketsOfType('problem') ?? NONE;
}

const NONE: Ticket[] = [];

/**
 * The incidents created since `since` on this device, what candidate detection reads. Undefined while loading, so the
 * page does not say "no candidates" before it looked.
 */
export function useIncidentsSince(since: number): Ticket[] | undefined {
  const db = useDb();
  return useObservable(
    () =>
      db.tickets
        .find({ selector: { type: 'incident', createdAt: { $gte: since } } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket))),
    [db, since],
    undefined as Ticket[] | undefined,
  );
}

/** The candidates dismissed on this device, with their size when dismissed. */
export function useDismissedCandidates(): DismissedCandidate[] {
  const db = useDb();
  return useObservable(
    () =>
      db
        .getLocal$<{ dismissed: DismissedCandidate[] }>(DISMISSALS_DOC_ID)
        // toJSON() types the data deeply read-only; the detection only reads it.
        .pipe(map((doc) => (doc?.toJSON().data.dismissed ?? []) as DismissedCandidate[])),
    [db],
    [] as DismissedCandidate[],
  );
}
