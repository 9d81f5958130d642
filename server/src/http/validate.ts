import type { ErrorDetail } from '@shared';
import type { z } from 'zod';
import { badRequest } from './api-error.js';

/** Field path of a zod issue as dotted text ("0.newDocumentState"), or undefined at the top. */
function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}

/** Parses a request part with zod; throws a 400 naming each wrong field. `what` is e.g. "request body". */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.slice(0, 50).map((issue) => {
    const field = fieldOf(issue.path);
    return field === undefined ? { message: issue.message } : { field, message: issue.message };
  });
  const first = details[0];
  const where = first.field ? ` (field "${first.field}")` : '';
  throw badRequest(`The ${what} is invalid${where}: ${first.message}`, details);
}
