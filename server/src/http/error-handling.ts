import type { FastifyInstance } from 'fastify';
import { ApiError, errorBody } from './api-error.js';
import { toErrorResponse } from './error-format.js';

/**
 * Every error leaves as the shared ApiErrorBody: ours, Fastify's (bad JSON, 413, wrong content type) and
 * unexpected ones (logged, generic message). Unknown routes get a 404 in the same shape.
 */
export function registerErrorHandling(app: FastifyInstance, spaFallback: boolean): void {
  app.setErrorHandler((error, request, reply) => {
    const response = toErrorResponse(error);
    if (response.internal) request.log.error({ err: error }, 'request failed');
    const retryAfter = error instanceof ApiError ? error.retryAfterSeconds : response.statusCode === 503 ? 2 : undefined;
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    return reply.code(response.statusCode).send(response.body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (spaFallback && (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api') {
      // The web console routes on the client: every other GET is its index.html.
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .send(
        errorBody(
          404,
          `There is no ${request.method} ${path} endpoint. The API lives under /api; GET /api/health checks the server.`,
        ),
      );
  });
}
