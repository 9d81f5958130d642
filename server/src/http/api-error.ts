import { STATUS_CODES } from 'node:http';
import type { ApiErrorBody, ErrorDetail } from '@shared';

/** An error meant for the client: its status, a sentence a person can act on, and per-document details. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: ErrorDetail[],
    /** Sent as the Retry-After header (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The `error` field: the HTTP reason phrase, e.g. "Unprocessable Entity". */
export function reasonPhrase(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? 'Error';
}

/** Builds the shared error body. */
export function errorBody(statusCode: number, message: string, details?: ErrorDetail[]): ApiErrorBody {
  const body: ApiErrorBody = { statusCode, error: reasonPhrase(statusCode), message };
  if (details && details.length > 0) body.details = details;
  return body;
}

export const badRequest = (message: string, details?: ErrorDetail[]): ApiError => new ApiError(400, message, details);
export const unauthorized = (message: string): ApiError => new ApiError(401, message);
export const forbidden = (message: string, details?: ErrorDetail[]): ApiError => new ApiError(403, message, details);
export const notFound = (message: string): ApiError => new ApiError(404, message);
