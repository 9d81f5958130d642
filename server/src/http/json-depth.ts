/** Deeper than any document of the schemas (surveys, the deepest, need about 8 levels with the push row). */
export const MAX_JSON_DEPTH = 32;

/**
 * True when a parsed JSON value nests arrays or objects more than `max` levels deep. Iterative, so a hostile
 * body 100,000 levels deep cannot overflow the stack here (it would in every recursive walk after this one).
 */
export function nestedDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
