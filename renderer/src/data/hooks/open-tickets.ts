import type { Ticket } from '@shared';
import { OPEN_STATUSES } from '@shared';
import { combineLatest, map } from 'rxjs';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/** Up to `perStatus` most recently updated tickets of each open status (index-served), for hints and search. */
export function useOpenTickets(perStatus = 2000): Ticket[] {
  const db = useDb();
  return useObservable(
    () =>
      combineLatest(
        OPEN_STATUSES.map((status) =>
          db.tickets
            .find({ selector: { status }, sort: [{ queueKey: 'asc' }], limit: perStatus })
            .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket))),
        ),
      ).pipe(map((lists) => lists.flat())),
    [db, perStatus],
    [] as Ticket[],
  );
}
