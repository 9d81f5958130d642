import type { SettingDocument, Ticket } from '@shared';
import { useMemo } from 'react';
import { map } from 'rxjs';
import { changeBoardsOf, type ChangeBoards } from '@shared';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';
import { useDirectory } from './reference.js';
import { useTicketsOfType } from './queue.js';

/** The changes on this device (the calendar, collision checks and the approval queue read them), by number. */
export function useChanges(): Ticket[] | undefined {
  return useTicketsOfType('change');
}

/** The replicated settings documents (change settings, blackout and maintenance windows, templates, SLA). */
export function useSettingDocuments(): SettingDocument[] {
  const db = useDb();
  return useObservable(
    () => db.settings.find().$.pipe(map((rows) => rows.map((d) => d.toJSON() as SettingDocument))),
    [db],
    [] as SettingDocument[],
  );
}

/** Who approves changes, from this device's settings and directory (live, offline too). */
export function useChangeBoards(): ChangeBoards {
  const settings = useSettingDocuments();
  const { users } = useDirectory();
  return useMemo(() => changeBoardsOf(settings, users), [settings, users]);
}
