import type { PullResponse } from '@shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { authenticate } from '../../http/authenticate.js';
import { parseRequest } from '../../http/validate.js';
import type { SyncDocument } from '../../services/sync/document-validation.js';
import { pullChanges } from '../../services/sync/pull-service.js';
import { pushDocuments } from '../../services/sync/push-service.js';
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
    return pullChanges(ctx.db, actor, collection, checkpoint, limit);
  });

  app.post('/api/sync/:collection/push', async (request): Promise<SyncDocument[]> => {
    const actor = await authenticate(request, ctx);
    const collection = parseCollection(request.params);
    const rows = parseRequest(pushBody, request.body, 'push body');
    return pushDocuments(ctx.db, actor, collection, rows, ctx.pushEffects);
  });

  registerStreamRoute(app, ctx);
}
