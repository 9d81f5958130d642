import type { ErrorDetail } from '@shared';
import { ApiError } from '../../http/api-error.js';

/** One reason a pushed row is refused: 403 when the policy forbids it, 422 when the data is wrong. */
export interface Violation {
  status: 403 | 422;
  documentId?: string;
  field?: string;
  message: string;
  /** Stable code the UI translates, for rules that have one. */
  code?: string;
  /** Passes later unchanged, e.g. an event whose ticket has not been pushed yet. */
  retryable?: boolean;
}

const MAX_DETAILS = 50;

/**
 * One error for the refused rows of a push: 403 if any row is forbidden, else 422, naming every document and
 * field. `saved`, given for a push that was applied in part, counts the rows stored anyway; then every violation is
 * listed (the client must know each row that was not stored), else the first MAX_DETAILS.
 */
export function rejectPush(violations: readonly Violation[], saved?: number): ApiError {
  const status = violations.some((v) => v.status === 403) ? 403 : 422;
  const details: ErrorDetail[] = (saved !== undefined ? violations : violations.slice(0, MAX_DETAILS)).map(
    ({ documentId, field, message, code, retryable }) => ({
      ...(documentId !== undefined ? { documentId } : {}),
      ...(field !== undefined ? { field } : {}),
      message,
      ...(code !== undefined ? { code } : {}),
      ...(retryable ? { retryable } : {}),
    }),
  );
  const first = violations.find((v) => v.status === status) ?? violations[0];
  const where = [
    first.documentId !== undefined ? `document "${first.documentId}"` : '',
    first.field ? `field "${first.field}"` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const more =
    violations.length > 1 ? ` (${violations.length - 1} more problem${violations.length > 2 ? 's' : ''} in details)` : '';
  const head = saved ? `${saved} row${saved > 1 ? 's were' : ' was'} saved, not this one` : 'Nothing was saved';
  const message = `${head}: ${where ? `${where}: ` : ''}${first.message}${more}`;
  return new ApiError(status, message, details);
}
