import {
  checkSlaSetting,
  vipCallerIdsOf,
  type BusinessCalendar,
  type DirectoryEntry,
  type SettingDocument,
  type SlaPolicy,
} from '@shared';
import { useMemo } from 'react';
import { map } from 'rxjs';
import { useDb } from '../../data/provider.js';
import { useObservable } from '../../data/hooks/use-observable.js';

/** The replicated SLA policies and business calendars this device holds, ready for the clock function. */
export interface SlaSettings {
  policies: SlaPolicy[];
  calendars: ReadonlyMap<string, BusinessCalendar>;
  /** The callers the local directory marks VIP, for policies with a VIP condition (matchTicketSlaPolicy). */
  vipCallerIds: ReadonlySet<string>;
  loading: boolean;
}

/**
 * Splits settings documents into policies and calendars, leaving out any the shared rules refuse: the server
 * checks every write, but a device keeps working (without that one policy) if an older client stored a bad one.
 */
export function slaSettingsFrom(docs: readonly SettingDocument[]): Omit<SlaSettings, 'loading' | 'vipCallerIds'> {
  const calendarDocs = docs.filter((d) => d.kind === 'sla_calendar');
  const calendarIds = calendarDocs.map((d) => d.id);
  const calendars = new Map<string, BusinessCalendar>();
  for (const doc of calendarDocs)
    if (checkSlaSetting(doc, calendarIds).length === 0) calendars.set(doc.id, doc.data as unknown as BusinessCalendar);
  const policies = docs
    .filter((d) => d.kind === 'sla_policy' && checkSlaSetting(d, calendarIds).length === 0)
    .map((d) => d.data as unknown as SlaPolicy);
  return { policies, calendars };
}

/** Every SLA policy and calendar and the VIP callers, live from the local database (works offline). */
export function useSlaSettings(): SlaSettings {
  const db = useDb();
  const docs = useObservable(
    () => db.settings.find().$.pipe(map((rows) => rows.map((d) => d.toJSON() as SettingDocument))),
    [db],
    null as SettingDocument[] | null,
  );
  // As one text, so a directory change that leaves the VIP callers as they were re-renders no clock.
  const vipText = useObservable(
    () =>
      db.directory
        .find({ selector: { kind: 'user' } })
        .$.pipe(map((rows) => [...vipCallerIdsOf(rows.map((d) => d.toJSON() as DirectoryEntry))].sort().join('\n'))),
    [db],
    '',
  );
  return useMemo(
    () => ({
      ...slaSettingsFrom(docs ?? []),
      vipCallerIds: new Set(vipText === '' ? [] : vipText.split('\n')),
      loading: docs === null,
    }),
    [docs, vipText],
  );
}
