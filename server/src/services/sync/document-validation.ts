import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { COLLECTION_DEFINITIONS, type ReplicatedCollection } from '@shared';
import type { Violation } from './violation.js';

/** A document as pushed: its fields plus the tombstone flag. */
export type SyncDocument = Record<string, unknown> & { id: string; _deleted: boolean };

const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<ReplicatedCollection, ValidateFunction>();

function validatorFor(collection: ReplicatedCollection): ValidateFunction {
  let validate = validators.get(collection);
  if (!validate) {
    validate = ajv.compile(COLLECTION_DEFINITIONS[collection].schema);
    validators.set(collection, validate);
  }
  return validate;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Turns an ajv error into a field name and a sentence. */
function describeSchemaError(error: ErrorObject, collection: string): { field: string; message: string } {
  const path = error.instancePath.split('/').slice(1).join('.');
  const join = (child: string): string => (path ? `${path}.${child}` : child);
  if (error.keyword === 'required') {
    const field = join(String(error.params.missingProperty));
    return { field, message: `The field "${field}" is required.` };
  }
  if (error.keyword === 'additionalProperties') {
    const field = join(String(error.params.additionalProperty));
    return { field, message: `The field "${field}" is not part of the ${collection} schema; remove it.` };
  }
  const field = path || '(document)';
  const allowed =
    error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { field, message: `The field "${field}" ${error.message ?? 'is invalid'}${allowed}.` };
}

/**
 * The keys leading to the first text in `value` jsonb cannot store (NUL) or that is not valid Unicode (lone
 * surrogates), innermost last; null when there is none.
 */
function badTextKeys(value: unknown): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') || /\p{Cs}/u.test(value) ? [] : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextKeys(value[i]);
      if (found !== null) return [String(i), ...found];
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const found = badTextKeys(value[key]);
      if (found !== null) return [key, ...found];
    }
  }
  return null;
}

/**
 * Checks a pushed document against its collection's JSON schema, plus `_deleted` (required, boolean) and no
 * other underscore fields. Returns the violations; none means `doc` is a valid `SyncDocument`.
 */
export function validateDocument(collection: ReplicatedCollection, doc: unknown, rowIndex: number): Violation[] {
  if (!isPlainObject(doc)) {
    return [
      { status: 422, field: `${rowIndex}.newDocumentState`, message: `Row ${rowIndex}: newDocumentState must be an object.` },
    ];
  }
  const documentId = typeof doc.id === 'string' && doc.id ? doc.id : undefined;
  const violation = (field: string, message: string): Violation => ({ status: 422, documentId, field, message });
  const violations: Violation[] = [];
  if (documentId === undefined) violations.push(violation('id', `Row ${rowIndex}: the document needs a non-empty string "id".`));
  if (typeof doc._deleted !== 'boolean')
    violations.push(violation('_deleted', 'The field "_deleted" is required and must be true or false.'));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === '_deleted') continue;
    if (key.startsWith('_'))
      violations.push(violation(key, `The field "${key}" is not allowed: only "_deleted" may start with "_".`));
    else fields[key] = value;
  }
  const validate = validatorFor(collection);
  if (!validate(fields)) {
    for (const error of validate.errors ?? []) {
      const { field, message } = describeSchemaError(error, collection);
      if (field === 'id' && documentId === undefined) continue;
      violations.push(violation(field, message));
    }
  }
  const badText = badTextKeys(fields)?.join('.') ?? null;
  if (badText !== null) {
    violations.push(violation(badText, `The field "${badText}" contains a NUL character or invalid Unicode; remove it.`));
  }
  return violations;
}
