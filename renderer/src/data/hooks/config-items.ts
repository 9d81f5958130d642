import { OPEN_STATUSES } from '@shared';
import type { CiHistoryEntry, ConfigItem, Ticket } from '@shared';
import { from, map, startWith, switchMap } from 'rxjs';
import { findWithTombstones } from '../rxdb-internals.js';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/** Every live CI this device holds (a technician: their sites' CIs and the services above them). */
export function useConfigItems(): { items: ConfigItem[]; loading: boolean } {
  const db = useDb();
  const rows = useObservable(
    () => db.config_items.find().$.pipe(map((docs) => docs.map((d) => ({ ...d.toJSON(), deleted: false }) as ConfigItem))),
    [db],
    null as ConfigItem[] | null,
  );
  return { items: rows ?? [], loading: rows === null };
}

/** A CI's history, newest first. */
export function useCiHistory(ciId: string): CiHistoryEntry[] {
  const db = useDb();
  return useObservable(
    () =>
      db.ci_history
        .find({ selector: { ciId }, sort: [{ occurredAt: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as CiHistoryEntry).reverse())),
    [db, ciId],
    [] as CiHistoryEntry[],
  );
}

/** Open tickets of this device that name the CI among their affected CIs, newest first. */
export function useOpenTicketsOfCi(ciId: string): Ticket[] {
  const db = useDb();
  return useObservable(
    () =>
      db.tickets
        .find({ selector: { status: { $in: [...OPEN_STATUSES] }, ciIds: { $elemMatch: { $eq: ciId } } } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Ticket).sort((a, b) => b.updatedAt - a.updatedAt))),
    [db, ciId],
    [] as Ticket[],
  );
}

/**
 * The names of deleted CIs among these ids, read from their tombstones on this device (RxDB keeps a deleted
 * document's data): a ticket that named a CI keeps showing its name after the CI is deleted. Re-read when the CIs
 * change (a deletion arriving while the ticket is open).
 */
export function useDeletedCiNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const db = useDb();
  const key = [...ids].sort().join('\u0000');
  return useObservable(
    () =>
      db.config_items.$.pipe(
        startWith(null),
        switchMap(() => from(findWithTombstones(db.config_items, key ? key.split('\u0000') : []))),
        map((docs) => new Map(docs.filter((d) => d._deleted).map((d) => [d.id, d.name]))),
      ),
    [db, key],
    NO_NAMES,
  );
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();
