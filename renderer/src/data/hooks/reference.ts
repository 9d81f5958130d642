import type { ConflictRecord, DirectoryEntry, KbArticle } from '@shared';
import { map } from 'rxjs';
import { useMemo } from 'react';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/** Knowledge articles, newest first: those not retired, or every one with `includeRetired`. */
export function useArticles(includeRetired = false): { articles: KbArticle[]; loading: boolean } {
  const db = useDb();
  const statuses = includeRetired ? ['published', 'draft', 'retired'] : ['published', 'draft'];
  const rows = useObservable(
    () =>
      db.kb_articles
        .find({ selector: { status: { $in: statuses } }, sort: [{ updatedAt: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as KbArticle).reverse())),
    [db, includeRetired],
    null as KbArticle[] | null,
  );
  return { articles: rows ?? [], loading: rows === null };
}

export function useArticle(id: string): KbArticle | null | undefined {
  const db = useDb();
  return useObservable(
    () => db.kb_articles.findOne(id).$.pipe(map((d) => (d ? (d.toJSON() as KbArticle) : null))),
    [db, id],
    undefined as KbArticle | null | undefined,
  );
}

/** Clashes waiting for the user's choice, oldest first. */
export function useConflicts(): ConflictRecord[] {
  const db = useDb();
  return useObservable(
    () =>
      db.conflicts
        .find({ selector: { resolved: false }, sort: [{ detectedAt: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as ConflictRecord))),
    [db],
    [] as ConflictRecord[],
  );
}

export function useUnresolvedConflictCount(): number {
  return useConflicts().length;
}

export interface Directory {
  /** Every entry, deactivated ones included (the administration screens), by kind then name. */
  all: DirectoryEntry[];
  users: DirectoryEntry[];
  groups: DirectoryEntry[];
  categories: DirectoryEntry[];
  byId: ReadonlyMap<string, DirectoryEntry>;
}

/** Users, groups and categories, sorted by name. */
export function useDirectory(): Directory {
  const db = useDb();
  const entries = useObservable(
    () =>
      db.directory
        .find({ selector: {}, sort: [{ kind: 'asc' }, { name: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as DirectoryEntry))),
    [db],
    [] as DirectoryEntry[],
  );
  return useMemo(() => {
    const active = entries.filter((e) => e.active);
    return {
      all: entries,
      users: active.filter((e) => e.kind === 'user'),
      groups: active.filter((e) => e.kind === 'group'),
      categories: active.filter((e) => e.kind === 'category'),
      byId: new Map(entries.map((e) => [e.id, e])),
    };
  }, [entries]);
}
