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
 * field is a clash.
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
  const keys = new Set([...Object.keys(l), ...Object.keys(r)]);
  for (const key of keys) {
    if (bookkeeping.has(key) || serverOwned.has(key) || jsonEqual(l[key], r[key])) continue;
    const localChanged = b === undefined || !jsonEqual(b[key], l[key]);
    const remoteChanged = b === undefined || !jsonEqual(b[key], r[key]);
    if (localChanged && !remoteChanged) {
      merged[key] = l[key];
    } else if (localChanged && remoteChanged && !derived.has(key)) {
      clashes.push({ field: key, localValue: l[key], remoteValue: r[key] });
    }
  }
  if (policy.timeField) {
    const tf = policy.timeField;
    const localNewer = Number(l[tf]) > Number(r[tf]);
    for (const key of bookkeeping) merged[key] = localNewer ? l[key] : r[key];
  }
  const result = merged as T;
  return { merged: policy.normalize ? policy.normalize(result) : result, clashes };
}
