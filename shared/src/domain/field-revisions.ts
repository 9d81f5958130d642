/**
 * Per-field edit counters ("field revisions"). A three-way merge that compares states cannot see an edit that was
 * undone (A -> B -> A): the field looks unchanged and a concurrent edit from A silently wins. Each person-made edit
 * of a field therefore also adds one to that field's counter, so "changed since the base" is "counter or value
 * differs", whatever the value went through meanwhile.
 */

/** A document's edit counters, by field name; an absent field (or an absent map) counts as 0. */
export type FieldRevisions = Record<string, number>;

/** Largest counter accepted: a fixed bound keeps the map small and the arithmetic exact. */
export const FIELD_REVISION_MAX = 2_147_483_647;

/**
 * Most a field's counter may rise in one pushed write (over the stored ticket; from 0 for a new one). A counter rises
 * by one per edit of its field made on the device since its last accepted push, so this is the number of edits of
 * one field one push may carry: far above what a person does offline, far below FIELD_REVISION_MAX, so no client can
 * push a counter to the top (where it could no longer rise and an undone edit would leave no trace) in a few writes.
 */
export const FIELD_REVISION_STEP_MAX = 1_000;

/**
 * Ticket fields people edit and the merge may report as clashes: everything but identity, creation, bookkeeping
 * (updatedAt, updatedBy, queueKey) and derived (priority) fields.
 */
export const TICKET_REVISED_FIELDS = [
  'type',
  'title',
  'description',
  'status',
  'pendingReason',
  'impact',
  'urgency',
  'priorityOverrideReason',
  'categoryId',
  'groupId',
  'assigneeId',
  'callerId',
  'channel',
  'security',
  'resolutionCode',
  'resolutionNotes',
  'callerName',
  'callerEmail',
  'affectedItem',
  'watcherIds',
  'major',
  'majorManagerId',
  'parentId',
  'escalationTier',
  'escalatedToSupervisor',
  'linkedArticleIds',
  'resolvedWithArticleId',
  'ciIds',
  'problemId',
  'problemPhase',
  'rootCause',
  'workaround',
  'knownError',
  'resolvedByProblemCount',
  'changeType',
  'changePhase',
  'changePlan',
  'changeTemplateId',
  'riskAnswers',
  'plannedStart',
  'plannedEnd',
  'implementedAt',
  'changeOutcome',
  'reviewNotes',
  'fixesTicketIds',
  'causedByChangeId',
  'releaseChangeIds',
  'releaseDeployments',
  'releaseNotes',
  'actualStart',
  'actualEnd',
] as const;

export type TicketRevisedField = (typeof TICKET_REVISED_FIELDS)[number];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The counter of `field` in a document's `revisions` map (0 when absent or not a number). */
export function fieldRevision(revisions: unknown, field: string): number {
  if (!isRecord(revisions)) return 0;
  const value = revisions[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * The counters after an edit from `previous` to `next`: one more for each of `fields` whose value differs, the
 * others as they were. Returns `previous`'s map unchanged (possibly undefined) when no counted field changed.
 */
export function bumpFieldRevisions(
  previousRevisions: FieldRevisions | undefined,
  previous: object,
  next: object,
  fields: readonly string[],
  equal: (a: unknown, b: unknown) => boolean,
): FieldRevisions | undefined {
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const changed = fields.filter((field) => !equal(before[field], after[field]));
  if (changed.length === 0) return previousRevisions;
  const out: FieldRevisions = { ...(previousRevisions ?? {}) };
  for (const field of changed) out[field] = Math.min(fieldRevision(previousRevisions, field) + 1, FIELD_REVISION_MAX);
  return out;
}

/** Fields whose counter is lower in `next` than in `master`, with both counters: a write that forgot edits. */
export function decreasedFieldRevisions(master: unknown, next: unknown): { field: string; master: number; next: number }[] {
  if (!isRecord(master)) return [];
  const out: { field: string; master: number; next: number }[] = [];
  for (const field of Object.keys(master)) {
    const before = fieldRevision(master, field);
    const after = fieldRevision(next, field);
    if (after < before) out.push({ field, master: before, next: after });
  }
  return out;
}

/**
 * Fields whose counter rose by more than FIELD_REVISION_STEP_MAX from `base` (the stored counters; undefined for a
 * new document, all 0) to `next`, with both counters: a write no device's edits explain.
 */
export function excessiveFieldRevisionRises(base: unknown, next: unknown): { field: string; base: number; next: number }[] {
  if (!isRecord(next)) return [];
  const out: { field: string; base: number; next: number }[] = [];
  for (const field of Object.keys(next)) {
    const before = fieldRevision(base, field);
    const after = fieldRevision(next, field);
    if (after - before > FIELD_REVISION_STEP_MAX) out.push({ field, base: before, next: after });
  }
  return out;
}
