import { fieldRevision, type FieldRevisions } from './field-revisions.js';

/** A field both sides changed to different values. The remote (server) value was kept. */
export interface FieldClash {
  field: string;
  localValue: unknown;
  remoteValue: unknown;
}

export interface MergeResult<T> {
  merged: T;
  clashes: FieldClash[];
}

/** How a collection's documents merge: bookkeeping fields that never clash, and derived fields to recompute. */
export interface MergePolicy<T> {
  /** Fields every edit touches (timestamps, editor): the newer side wins, never a clash. */
  bookkeepingFields: readonly (keyof T & string)[];
  /**
   * Fields `normalize` recomputes from others (e.g. priority from impact x urgency). Merged like any field,
   * but never reported as a clash: two edits of their inputs would otherwise look like one of them.
   */
  derivedFields?: readonly (keyof T & string)[];
  /**
   * Fields only the server assigns (e.g. a ticket's confirmed number): the remote value always wins and is never
   * a clash, so an edit made before the device learned the server's value merges cleanly.
   */
  serverFields?: readonly (keyof T & string)[];
  /** Field holding the edit time, deciding who wins bookkeeping fields. */
  timeField?: keyof T & string;
  /** Recomputes derived fields (e.g. priority, sort keys) of the merged document. */
  normalize?: (doc: T) => T;
  /**
   * Field holding per-field edit counters (see field-revisions.ts). With it, a side "changed" a field when its
   * value or its counter differs from the base, so an edit undone later (A -> B -> A) still counts as a change.
   */
  revisionsField?: keyof T & string;
  /**
   * Fields merged by their own function instead of as one value (e.g. a map keyed by user, merged key by key):
   * never a clash, since the function keeps both sides' changes.
   */
  fieldMergers?: Partial<Record<keyof T & string, (base: unknown, local: unknown, remote: unknown) => unknown>>;
}

/** Structural equality of JSON values, independent of key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
}

/**
 * Three-way merge by top-level field. A field changed on one side only (relative to `base`, the state both
 * sides started from) takes that side's value; a field changed on both sides to different values keeps the
 * remote value and is reported as a clash, so nothing is silently dropped. Without a base every differing
 * field is a clash. With `policy.revisionsField`, "changed" also means "edit counter moved" (see MergePolicy).
 */
export function threeWayMerge<T extends object>(
  base: T | undefined,
  local: T,
  remote: T,
  policy: MergePolicy<T>,
): MergeResult<T> {
  const merged: Record<string, unknown> = { ...(remote as Record<string, unknown>) };
  const clashes: FieldClash[] = [];
  const b = base as Record<string, unknown> | undefined;
  const l = local as Record<string, unknown>;
  const r = remote as Record<string, unknown>;
  const bookkeeping = new Set<string>(policy.bookkeepingFields);
  const derived = new Set<string>(policy.derivedFields ?? []);
  const serverOwned = new Set<string>(policy.serverFields ?? []);
  const revField = policy.revisionsField;
  const revs = (doc: Record<string, unknown> | undefined): unknown => (revField && doc ? doc[revField] : undefined);
  const changed = (side: Record<string, unknown>, key: string): boolean =>
    b === undefined || !jsonEqual(b[key], side[key]) || fieldRevision(revs(side), key) !== fieldRevision(revs(b), key);
  /** Whose counter each field keeps: the side whose value won; the higher one when the values agree. */
  const counterFrom = new Map<string, 'local' | 'remote'>();
  const keys = new Set([...Object.keys(l), ...Object.keys(r)]);
  const mergers = (policy.fieldMergers ?? {}) as Partial<Record<string, (b: unknown, l: unknown, r: unknown) => unknown>>;
  for (const key of keys) {
    if (bookkeeping.has(key) || serverOwned.has(key) || key === revField) continue;
    const merger = mergers[key];
    if (merger) {
      merged[key] = merger(b?.[key], l[key], r[key]);
      continue;
    }
    const localChanged = changed(l, key);
    const remoteChanged = changed(r, key);
    if (jsonEqual(l[key], r[key])) continue;
    if (localChanged && !remoteChanged) {
      merged[key] = l[key];
      counterFrom.set(key, 'local');
    } else {
      // The remote value stays, and so does its counter: the local value now lives in the clash record, and
      // taking it back is a new edit that counts again. Keeping the higher local counter instead would announce
      // an edit the value does not contain, and every other device that edited the field would see a clash.
      counterFrom.set(key, 'remote');
      if (localChanged && remoteChanged && !derived.has(key)) {
        clashes.push({ field: key, localValue: l[key], remoteValue: r[key] });
      }
    }
  }
  if (revField && (l[revField] !== undefined || r[revField] !== undefined)) {
    merged[revField] = mergeRevisions(revs(l), revs(r), counterFrom);
  }
  if (policy.timeField) {
    const tf = policy.timeField;
    const localNewer = Number(l[tf]) > Number(r[tf]);
    for (const key of bookkeeping) merged[key] = localNewer ? l[key] : r[key];
  }
  const result = merged as T;
  return { merged: policy.normalize ? policy.normalize(result) : result, clashes };
}

function mergeRevisions(local: unknown, remote: unknown, counterFrom: ReadonlyMap<string, 'local' | 'remote'>): FieldRevisions {
  const keysOf = (revisions: unknown): string[] =>
    typeof revisions === 'object' && revisions !== null ? Object.keys(revisions) : [];
  const remoteFields = new Set(keysOf(remote));
  const out: FieldRevisions = {};
  for (const field of new Set([...keysOf(local), ...remoteFields])) {
    const from = counterFrom.get(field);
    const l = fieldRevision(local, field);
    const r = fieldRevision(remote, field);
    const value = from === 'local' ? l : from === 'remote' ? r : Math.max(l, r);
    // A zero the server does not spell out is the same counter: leaving it out keeps the merge equal to the master.
    if (value !== 0 || remoteFields.has(field)) out[field] = value;
  }
  return out;
}
