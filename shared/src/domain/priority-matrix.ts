import type { Level, Priority } from '../schemas/ticket.js';

/**
 * ITIL impact x urgency matrix, rows by impact (1 high .. 3 low), columns by urgency.
 * Kept as data so an organisation can ship its own without touching code.
 */
export type PriorityMatrix = Readonly<Record<Level, Readonly<Record<Level, Priority>>>>;

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  1: { 1: 1, 2: 2, 3: 3 },
  2: { 1: 2, 2: 3, 3: 4 },
  3: { 1: 3, 2: 4, 3: 5 },
};

/** Computes a ticket's priority from its impact and urgency. */
export function computePriority(impact: Level, urgency: Level, matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX): Priority {
  return matrix[impact][urgency];
}
