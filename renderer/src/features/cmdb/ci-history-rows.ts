import type { CiHistoryEntry } from '@shared';

/** One history entry as shown: who (by name), when, what kind, and each change with readable values. */
export interface HistoryRow {
  id: string;
  occurredAt: number;
  authorName: string;
  kind: CiHistoryEntry['kind'];
  changes: { field: string; from: string; to: string }[];
}

/** How the page names things in history: users, CIs and groups by name, values translated. */
export interface HistoryNames {
  user(id: string): string | undefined;
  group(id: string): string | undefined;
  ci(id: string): string | undefined;
  /** A translated value of a field (status, criticality, class, enum attribute), or undefined to show it as stored. */
  value(field: string, value: string): string | undefined;
}

/** `relations` changes read "depends_on ci:ci-app-pay" (diffConfigItems): the target is named, the type kept. */
function showRelation(text: string, names: HistoryNames): string {
  const match = /^(\S+) (ci|user|group|org):(.+)$/.exec(text);
  if (!match) return text;
  const [, type, kind, id] = match;
  const name = kind === 'ci' ? names.ci(id) : kind === 'group' ? names.group(id) : kind === 'user' ? names.user(id) : undefined;
  return `${names.value('relations', type) ?? type} ${name ?? id}`;
}

function showValue(field: string, value: string, names: HistoryNames): string {
  if (value === '') return value;
  if (field === 'locationId') return names.ci(value) ?? value;
  if (field === 'ownerGroupId') return names.group(value) ?? value;
  if (field === 'relations') return showRelation(value, names);
  return names.value(field, value) ?? value;
}

/** History rows, newest first. */
export function historyRows(entries: readonly CiHistoryEntry[], names: HistoryNames): HistoryRow[] {
  return [...entries]
    .sort((a, b) => b.occurredAt - a.occurredAt)
    .map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt,
      authorName: names.user(e.authorId) ?? e.authorId,
      kind: e.kind,
      changes: e.changes.map((c) => ({
        field: c.field,
        from: showValue(c.field, c.from, names),
        to: showValue(c.field, c.to, names),
      })),
    }));
}
