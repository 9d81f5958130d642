import { buildChangeCalendar, calendarEntryOf, changeCollisions, changeWindowsOf } from '@shared';
import type { CalendarChange, ChangeCollision, ChangeWindow, Ticket } from '@shared';
import { useCallback, useMemo } from 'react';
import { useChanges, useConfigItems, useSettingDocuments } from '../../data/index.js';
import { useCmdbGraph } from '../cmdb/use-cmdb.js';

/** The changes of this device on their calendar, the windows, and a collision check over them (offline too). */
export interface ChangeCalendarView {
  changes: Ticket[] | undefined;
  byId: ReadonlyMap<string, Ticket>;
  windows: ChangeWindow[];
  /** What a change collides with in its planned window (none while the CMDB is loading). */
  collisionsOf: (change: Ticket) => ChangeCollision[];
}

/** A change's planned window and CIs, whatever its phase: a draft is checked before it asks for approval. */
export function plannedEntryOf(change: Ticket): CalendarChange | null {
  if (!change.plannedStart || !change.plannedEnd || change.plannedEnd <= change.plannedStart) return null;
  return { id: change.id, start: change.plannedStart, end: change.plannedEnd, ciIds: change.ciIds ?? [] };
}

export function useChangeCalendar(): ChangeCalendarView {
  const changes = useChanges();
  const settings = useSettingDocuments();
  const { items } = useConfigItems();
  const graph = useCmdbGraph(items, true);
  const calendar = useMemo(
    () => buildChangeCalendar((changes ?? []).map(calendarEntryOf).filter((e): e is CalendarChange => e !== null)),
    [changes],
  );
  const windows = useMemo(() => changeWindowsOf(settings), [settings]);
  const byId = useMemo(() => new Map((changes ?? []).map((c) => [c.id, c])), [changes]);
  const collisionsOf = useCallback(
    (change: Ticket) => {
      const entry = plannedEntryOf(change);
      return entry && graph ? changeCollisions(entry, { calendar, graph, windows }) : [];
    },
    [calendar, graph, windows],
  );
  return { changes, byId, windows, collisionsOf };
}
