/**
 * Generic grouping over a key function. Every item lands in exactly one group, so group sizes sum to the input
 * size (a partition). Rows come out sorted by key (code-unit order) so client and server list them alike.
 */

/** One group's key and its computed metrics. */
export interface KeyedRow<M> {
  key: string;
  count: number;
  metrics: M;
}

/** Splits items into groups by `key(item)`, keeping input order inside each group. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Groups items by key and summarises each group, as rows sorted by key. */
export function summarizeBy<T, M>(
  items: Iterable<T>,
  key: (item: T) => string,
  summarize: (group: T[], key: string) => M,
): KeyedRow<M>[] {
  const groups = groupBy(items, key);
  return [...groups].map(([k, group]) => ({ key: k, count: group.length, metrics: summarize(group, k) })).sort(byKey);
}

/** Keys as small integer codes: `keys[codes[i]]` is item i's key; keys are in order of first appearance. */
export interface EncodedKeys {
  codes: Int32Array;
  keys: string[];
}

/** Code-unit order of strings, as rows are listed. */
export const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Encodes every item's key as an integer code (one key call and one lookup per item). */
export function encodeKeys<T>(items: readonly T[], key: (item: T) => string): EncodedKeys {
  const encoder = keyEncoder(items.length);
  for (let i = 0; i < items.length; i++) encoder.add(i, key(items[i]));
  return encoder.finish();
}

/** An incremental encoder: `add(i, key)` for every item, then `finish()`. */
export function keyEncoder(size: number): { add: (i: number, key: string) => void; finish: () => EncodedKeys } {
  const seen = new Map<string, number>();
  const codes = new Int32Array(size);
  return {
    add(i, key) {
      let c = seen.get(key);
      if (c === undefined) seen.set(key, (c = seen.size));
      codes[i] = c;
    },
    finish: () => ({ codes, keys: [...seen.keys()] }),
  };
}
