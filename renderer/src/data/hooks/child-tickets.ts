import type { Ticket } from '@shared';
import { map } from 'rxjs';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/** The child incidents of a major incident, by number; none when `parentId` is empty. */
export function useChildTickets(parentId: string): Ticket[] {
  const db = useDb();
  return useObservable(
    () =>
      parentId
        ? db.tickets
            .find({ selector: { parentId } })
            .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket).sort((a, b) => a.number.localeCompare(b.number))))
        : null,
    [db, parentId],
    [] as Ticket[],
  );
}
