import { map } from 'rxjs';
import { useDb } from '../provider.js';
import type { QueueFilter } from '../queue-index/queue-filter.js';
import { EMPTY_FILTER } from '../queue-index/queue-filter.js';
import type { DeskDatabase } from '../types.js';
import { useObservable } from './use-observable.js';

/** A named set of queue filters, kept on this device in the user's own database (never replicated). */
export interface SavedQueueFilter {
  id: string;
  name: string;
  filter: QueueFilter;
}

interface SavedFiltersDoc {
  filters: SavedQueueFilter[];
}

const DOC_ID = 'queue-saved-filters';
/** The longest saved-filter name (kept in this device's local storage, not in a replicated schema). */
export const SAVED_FILTER_NAME_MAX = 60;

/** A stored filter completed with today's defaults, so a filter saved by an older version still applies. */
function complete(f: SavedQueueFilter): SavedQueueFilter {
  return { id: f.id, name: f.name, filter: { ...EMPTY_FILTER, ...f.filter } };
}

/** The saved filters, sorted by name. */
export function useSavedFilters(): SavedQueueFilter[] {
  const db = useDb();
  return useObservable(
    () =>
      db.getLocal$<SavedFiltersDoc>(DOC_ID).pipe(
        map((doc) =>
          // toJSON() types the data deeply read-only; complete() copies what it keeps.
          ((doc?.toJSON().data.filters ?? []) as unknown as SavedQueueFilter[])
            .map(complete)
            .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })),
        ),
      ),
    [db],
    [] as SavedQueueFilter[],
  );
}

/** Saves the filter under a name (trimmed, at most 60 characters); a filter of the same name is replaced. */
export async function saveQueueFilter(db: DeskDatabase, name: string, filter: QueueFilter): Promise<SavedQueueFilter> {
  const clean = name.trim().slice(0, SAVED_FILTER_NAME_MAX);
  if (!clean) throw new Error('A saved filter needs a name');
  const saved: SavedQueueFilter = {
    id: `f-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: clean,
    filter,
  };
  const update = (data: SavedFiltersDoc): SavedFiltersDoc => {
    const same = data.filters.find((f) => f.name.toLowerCase() === clean.toLowerCase());
    if (same) saved.id = same.id;
    return { filters: [...data.filters.filter((f) => f.id !== saved.id), saved] };
  };
  const doc = await db.getLocal<SavedFiltersDoc>(DOC_ID);
  if (doc) await doc.incrementalModify((data) => update({ filters: data.filters ?? [] }));
  else await db.upsertLocal<SavedFiltersDoc>(DOC_ID, update({ filters: [] }));
  return saved;
}

export async function deleteQueueFilter(db: DeskDatabase, id: string): Promise<void> {
  const doc = await db.getLocal<SavedFiltersDoc>(DOC_ID);
  if (doc) await doc.incrementalModify((data) => ({ filters: (data.filters ?? []).filter((f) => f.id !== id) }));
}
