import type { ApiErrorBody, PullResponse } from '@shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { errorBody } from '../../http/api-error.js';
import { authenticate } from '../../http/authenticate.js';
import { parseRequest } from '../../http/validate.js';
import type { SyncDocument } from '../../services/sync/document-validation.js';
import { pullChanges } from '../../services/sync/pull-service.js';
import { pushDocuments } from '../../services/sync/push-service.js';
import { rejectPush } from '../../services/sync/violation.js';
import { parseCollection, parseCheckpoint, parseLimit, pushBody } from './schema.js';
import { registerStreamRoute } from './stream.js';

/** The replication endpoints: pull by checkpoint, push with conflict detection, live stream. */
export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/sync/:collection/pull', async (request): Promise<PullResponse<SyncDocument>> => {
    const actor = await authenticate(request, ctx);
    const collection = parseCollection(request.params);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const checkpoint = parseCheckpoint(query.checkpoint);
    const limit = parseLimit(query.limit);
    return pullChanges(ctx.db.reads, actor, collection, checkpoint, limit);
  });

  app.post('/api/sync/:collection/push', async (request, reply): Promise<SyncDocument[] | ApiErrorBody> => {
    const actor = await authenticate(request, ctx);
    const collection = parseCollection(request.params);
    const rows = parseRequest(pushBody, request.body, 'push body');
    const outcome = await pushDocuments(ctx.db, actor, collection, rows, ctx.pushEffects);
    if (outcome.violations.length === 0) return outcome.documents;
    // The rows that passed are stored: the refusal names the others (retryable ones are deferred) and carries
    // the conflicts of the stored part, so the client settles those as it would on a 200.
    const refusal = rejectPush(outcome.violations, outcome.saved);
    void reply.code(refusal.statusCode);
    return { ...errorBody(refusal.statusCode, refusal.message, refusal.details), conflicts: outcome.documents };
  });

  registerStreamRoute(app, ctx);
}
