/**
 * A column of per-ticket values (e.g. time to resolve) sorted once, so that every grouping can read each group's
 * values in ascending order without sorting again. Rows without a value (NaN) are left out; ties keep row order.
 * Non-negative integers below 2^44 (milliseconds: over 500 years) take an LSD radix sort, 11 bits per pass;
 * anything else falls back to a comparison sort with the same result.
 */

/** The rows with a value, ordered by value ascending (ties by row), and their values in that order. */
export interface SortedColumn {
  order: Uint32Array;
  sorted: Float64Array;
}

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;

/** Sorts a column once, leaving out NaN (no value) rows. */
export function sortColumn(values: Float64Array): SortedColumn {
  let n = 0;
  let max = 0;
  let radixable = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    n++;
    if (v > max) max = v;
    if (v < 0 || !Number.isInteger(v)) radixable = false;
  }
  let order = new Uint32Array(n);
  let sorted = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) {
    if (values[i] !== values[i]) continue;
    order[j] = i;
    sorted[j++] = values[i];
  }
  if (!radixable || max >= 2 ** (4 * BITS)) {
    order.sort((a, b) => values[a] - values[b] || a - b);
    return { order, sorted: Float64Array.from(order, (r) => values[r]) };
  }
  let nextOrder = new Uint32Array(n);
  let nextSorted = new Float64Array(n);
  const counts = new Int32Array(RADIX);
  for (let divisor = 1; divisor <= max; divisor *= RADIX) {
    counts.fill(0);
    // ToInt32 keeps the low 32 bits of the (exact, below 2^53) integer part: & MASK takes the digit.
    for (let j = 0; j < n; j++) counts[((sorted[j] / divisor) | 0) & MASK]++;
    for (let d = 0, at = 0; d < RADIX; d++) {
      const c = counts[d];
      counts[d] = at;
      at += c;
    }
    for (let j = 0; j < n; j++) {
      const at = counts[((sorted[j] / divisor) | 0) & MASK]++;
      nextOrder[at] = order[j];
      nextSorted[at] = sorted[j];
    }
    [order, nextOrder] = [nextOrder, order];
    [sorted, nextSorted] = [nextSorted, sorted];
  }
  return { order, sorted };
}
