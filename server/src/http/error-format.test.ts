import { describe, expect, it } from 'vitest';
import { ApiError, errorBody } from './api-error.js';
import { toErrorResponse } from './error-format.js';

const fastifyError = (code: string, statusCode: number, message = 'raw'): Error =>
  Object.assign(new Error(message), { code, statusCode });

describe('toErrorResponse', () => {
  it('passes our own errors through with their details', () => {
    const result = toErrorResponse(
      new ApiError(422, 'Fix the title.', [{ documentId: 'a', field: 'title', message: 'too long' }]),
    );
    expect(result).toEqual({
      statusCode: 422,
      internal: false,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Fix the title.',
        details: [{ documentId: 'a', field: 'title', message: 'too long' }],
      },
    });
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, /larger than this endpoint accepts \(8 MB for sync pushes/],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, /application\/json/],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, /not valid JSON/],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, /body is empty/],
  ])('rewrites Fastify error %s into a sentence a person can act on', (code, status, text) => {
    const result = toErrorResponse(fastifyError(code, status));
    expect(result.statusCode).toBe(status);
    expect(result.internal).toBe(false);
    expect(result.body.message).toMatch(text);
    expect(result.body.error).toBeTruthy();
  });

  it('treats a 400 SyntaxError (prototype poisoning) as invalid JSON', () => {
    const result = toErrorResponse(
      Object.assign(new SyntaxError('Object contains forbidden prototype property'), { statusCode: 400 }),
    );
    expect(result.statusCode).toBe(400);
    expect(result.body.message).toMatch(/not valid JSON/);
  });

  it('keeps the message of other client errors', () => {
    expect(toErrorResponse(fastifyError('X', 405, 'Method not allowed here')).body).toEqual({
      statusCode: 405,
      error: 'Method Not Allowed',
      message: 'Method not allowed here',
    });
  });

  it('hides unexpected failures behind a generic 500 and flags them for logging', () => {
    for (const thrown of [new Error('relation "x" does not exist'), 'boom', null, fastifyError('Y', 502)]) {
      const result = toErrorResponse(thrown);
      expect(result.statusCode).toBe(500);
      expect(result.internal).toBe(true);
      expect(result.body.message).not.toContain('relation');
    }
  });

  it('omits empty details', () => {
    expect(errorBody(404, 'Nothing here.', [])).toEqual({ statusCode: 404, error: 'Not Found', message: 'Nothing here.' });
  });
});
