import type { ApiErrorBody } from '@shared';
import { BODY_LIMIT_BYTES } from '@shared';
import { isConnectionError } from '../db/unavailable.js';
import { ApiError, errorBody } from './api-error.js';

/** Friendlier sentences for the errors Fastify raises itself, by error code. */
/** The 503 sent while the database is unreachable: the request may be repeated as it is. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unreachable right now (it is restarting or the connection was lost). Try again in a moment: sending the same request again is safe.';

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: `The request body is larger than this endpoint accepts (${BODY_LIMIT_BYTES / 1024 / 1024} MB for sync pushes, 16 kB for sign-in requests). Send fewer or smaller documents per request.`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE:
    'This content type is not accepted. Send the body as JSON with "Content-Type: application/json".',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty although the content type is application/json. Send a JSON body.',
  FST_ERR_CTP_INVALID_JSON_BODY:
    'The request body is not valid JSON. Check its syntax (quotes, commas, brackets) and send it again.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The request body length does not match its Content-Length header. Send the request again.',
  FST_ERR_BAD_URL: 'The address contains an invalid component. Check the URL encoding.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the address is too long. Check the URL.',
};

interface ErrorLike {
  statusCode?: unknown;
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

function httpStatusOf(error: ErrorLike): number | undefined {
  const status =
    typeof error.statusCode === 'number' ? error.statusCode : typeof error.status === 'number' ? error.status : undefined;
  return status !== undefined && status >= 400 && status <= 599 ? status : undefined;
}

/**
 * Turns anything thrown while handling a request into the status and shared body to send. `internal` is true
 * for unexpected failures (bugs, database down): they get a generic message and must be logged.
 */
export function toErrorResponse(error: unknown): { statusCode: number; body: ApiErrorBody; internal: boolean } {
  if (error instanceof ApiError) {
    return { statusCode: error.statusCode, body: errorBody(error.statusCode, error.message, error.details), internal: false };
  }
  if (isConnectionError(error)) {
    return { statusCode: 503, body: errorBody(503, DATABASE_UNAVAILABLE_MESSAGE), internal: true };
  }
  const like: ErrorLike = typeof error === 'object' && error !== null ? error : {};
  const code = typeof like.code === 'string' ? like.code : '';
  const status = httpStatusOf(like);
  if (status !== undefined && status < 500) {
    // Secure JSON parsing rejects "__proto__" keys with a SyntaxError carrying statusCode 400.
    const fallback = typeof like.message === 'string' && like.message ? like.message : 'The request could not be processed.';
    const message =
      FASTIFY_MESSAGES[code] ?? (error instanceof SyntaxError ? FASTIFY_MESSAGES.FST_ERR_CTP_INVALID_JSON_BODY : fallback);
    return { statusCode: status, body: errorBody(status, message), internal: false };
  }
  if (status === 503) {
    return {
      statusCode: 503,
      body: errorBody(503, 'The service is temporarily unavailable. Try again in a moment.'),
      internal: true,
    };
  }
  return {
    statusCode: 500,
    body: errorBody(500, 'The server failed to handle this request. Try again; if it keeps failing, tell your administrator.'),
    internal: true,
  };
}
