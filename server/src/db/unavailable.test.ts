import { describe, expect, it } from 'vitest';
import { toErrorResponse } from '../http/error-format.js';
import { classifyDatabaseError, DatabaseUnavailableError, isConnectionError } from './unavailable.js';

const pgError = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('database unavailability', () => {
  it('recognises dropped connections, shutdowns and refused connections', () => {
    for (const error of [
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('08006'),
      pgError('55000', 'database "x" is not currently accepting connections'),
      pgError('ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(isConnectionError(error), String(error)).toBe(true);
    }
  });

  it('leaves SQL and data errors alone', () => {
    for (const error of [
      pgError('23505', 'duplicate key'),
      pgError('42P01', 'relation "x" does not exist'),
      new Error('boom'),
      'text',
      null,
    ]) {
      expect(isConnectionError(error)).toBe(false);
      expect(classifyDatabaseError(error)).toBe(error);
    }
  });

  it('answers 503 with a sentence saying the request may be repeated', () => {
    const response = toErrorResponse(classifyDatabaseError(pgError('57P01')));
    expect(response.statusCode).toBe(503);
    expect(response.internal).toBe(true);
    expect(response.body.message).toMatch(/database is unreachable right now.*sending the same request again is safe/);
    expect(classifyDatabaseError(pgError('57P01'))).toBeInstanceOf(DatabaseUnavailableError);
  });
});
