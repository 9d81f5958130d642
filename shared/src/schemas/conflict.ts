import type { CollectionDefinition } from './json-schema.js';
import { idProp, timeProp } from './json-schema.js';

/** Why the server refused a pushed row for good; the UI translates each code (i18n key "refusals"). */
export const REFUSAL_CODES = ['forbidden', 'rule', 'conflict', 'too_large', 'invalid', 'orphaned', 'gave_up', 'unknown'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Longest server message a refusal keeps. */
export const REFUSAL_MESSAGE_MAX = 2_000;

/** A refusal's code from the HTTP status the server answered it with. */
export function refusalCodeForStatus(status: number): RefusalCode {
  const codes: Record<number, RefusalCode> = { 400: 'invalid', 403: 'forbidden', 409: 'conflict', 413: 'too_large', 422: 'rule' };
  return codes[status] ?? 'unknown';
}

/**
 * A record of the local conflicts collection (local to each device, never replicated), one of two kinds.
 * - `conflict`: a same-field clash found while merging; the server value was kept and the local value is held here
 *   until the user picks one.
 * - `refusal`: the server refused a pushed row for good; the device went back to the server's state and the whole
 *   refused document waits here with the server's code and message, until the user edits and resends or discards it.
 */
export interface ConflictRecord {
  id: string;
  kind: 'conflict' | 'refusal';
  collectionName: string;
  docId: string;
  /** The clashing field; empty for a refusal (it concerns the whole document). */
  field: string;
  /** JSON of the value this device wanted (a refusal: the whole refused document). */
  localValue: string;
  /** JSON of the value the server had, which is the one now in the document (a refused creation: null). */
  remoteValue: string;
  /** Refusals only: why the server refused, for the UI to translate. */
  code?: RefusalCode;
  /** Refusals only: the server's own sentence about this row. */
  message?: string;
  /** Conflicts only: who wrote the server's value, and when, as the server stamped it (when the record says). */
  remoteBy?: string;
  remoteAt?: number;
  detectedAt: number;
  resolved: boolean;
}

/** The reason a version-0 refusal kept as a JSON string in remoteValue; empty when it is not one. */
function oldReason(json: unknown): string {
  try {
    const reason: unknown = JSON.parse(String(json));
    return typeof reason === 'string' ? reason : '';
  } catch {
    return '';
  }
}

/** Version 0 had no kind: a refusal was a record with field `_document` whose remoteValue held the reason. */
function toV1(old: Record<string, unknown>): Record<string, unknown> {
  if (old.field !== '_document') return { ...old, kind: 'conflict' };
  const message = oldReason(old.remoteValue);
  return {
    ...old,
    id: `refusal:${String(old.collectionName)}:${String(old.docId)}`,
    kind: 'refusal',
    field: '',
    remoteValue: 'null',
    code: 'unknown',
    message: message.slice(0, REFUSAL_MESSAGE_MAX),
  };
}

export const conflictDefinition: CollectionDefinition = {
  schema: {
    title: 'conflicts',
    version: 2,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 200, minLength: 1 },
      kind: { type: 'string', enum: ['conflict', 'refusal'] },
      collectionName: { type: 'string', maxLength: 40 },
      docId: idProp,
      field: { type: 'string', maxLength: 100 },
      localValue: { type: 'string', maxLength: 200_000 },
      remoteValue: { type: 'string', maxLength: 200_000 },
      code: { type: 'string', enum: [...REFUSAL_CODES] },
      message: { type: 'string', maxLength: REFUSAL_MESSAGE_MAX },
      remoteBy: { type: 'string', maxLength: 100 },
      remoteAt: timeProp,
      detectedAt: timeProp,
      resolved: { type: 'boolean' },
    },
    required: ['id', 'kind', 'collectionName', 'docId', 'field', 'localValue', 'remoteValue', 'detectedAt', 'resolved'],
    indexes: [['resolved', 'detectedAt']],
    additionalProperties: false,
  },
  migrationStrategies: {
    1: (old: Record<string, unknown>) => toV1(old),
    // v2 added who wrote the server's value and when, optional: v1 records are valid v2 records.
    2: (old: Record<string, unknown>) => old,
  },
};
