import type { Ticket } from '@shared';
import { map } from 'rxjs';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/**
 * The tickets with these ids on this device, live, by number (a release's changes, the tickets they fix); ids not on
 * the device are left out.
 */
export function useTicketsByIds(ids: readonly string[]): Ticket[] {
  const db = useDb();
  // The ids as one value: a new array with the same ids must not resubscribe.
  const key = ids.join('\n');
  return useObservable(
    () =>
      key === ''
        ? null
        : db.tickets
            .find({ selector: { id: { $in: key.split('\n') } } })
            .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket).sort((a, b) => a.number.localeCompare(b.number)))),
    [db, key],
    [] as Ticket[],
  );
}
