import type { Survey, SurveyResponse, Ticket, TicketEvent } from '@shared';
import { auditTime, combineLatest, map } from 'rxjs';
import type { RxDocument } from 'rxdb';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/** Every local document the reports are computed from, as one consistent load. */
export interface ReportsSource {
  tickets: readonly Ticket[];
  /** In id order: the event index keeps ties in input order, so the same order everywhere gives the same figures. */
  events: readonly TicketEvent[];
  surveys: readonly Survey[];
  responses: readonly SurveyResponse[];
  /** Increments with every load, so consumers can memoise on it. */
  version: number;
}

/** Live changes arriving in bursts (a replication batch) are folded into one reload this often at most. */
const RELOAD_EVERY_MS = 1000;

// The stored data as it is, not a copy per document: read-only, and copying 400k events on every change would cost
// more than the reports themselves.
const plain = <T>(docs: RxDocument<T>[]): T[] => docs.map((d) => d._data as T);

/**
 * The reports' inputs, live: a new load whenever a ticket, event, survey or response changes locally or arrives
 * by replication (throttled). null until the first load.
 */
export function useReportsSource(): ReportsSource | null {
  const db = useDb();
  return useObservable(
    () => {
      let version = 0;
      return combineLatest([
        db.tickets.find().$.pipe(map(plain)),
        db.ticket_events.find({ selector: {}, sort: [{ id: 'asc' }] }).$.pipe(map(plain)),
        db.surveys.find().$.pipe(map(plain)),
        db.survey_responses.find().$.pipe(map(plain)),
      ]).pipe(
        auditTime(RELOAD_EVERY_MS),
        map(([tickets, events, surveys, responses]) => ({ tickets, events, surveys, responses, version: ++version })),
      );
    },
    [db],
    null as ReportsSource | null,
  );
}
