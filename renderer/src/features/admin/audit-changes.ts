/** One field an audited change touched, with its value before and after (undefined: absent). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields that differ between an entry's audited states, in a stable order (`before` null: created; `after` null: erased). */
export function auditedFieldChanges(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => f !== 'id');
  return fields
    .filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]))
    .sort()
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }));
}
