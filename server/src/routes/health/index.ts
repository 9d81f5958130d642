import { SYNC_PROTOCOL_VERSION, type HealthResponse } from '@shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { databaseVersion } from '../../db/queries/server-info.js';
import { ApiError } from '../../http/api-error.js';

/** GET /api/health: the server and database are up, and which versions they run. */
export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/health', async (request): Promise<HealthResponse> => {
    let version: string;
    try {
      version = await databaseVersion(ctx.db.reads);
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      throw new ApiError(503, 'The database is unreachable. Check that PostgreSQL is running, then try again.');
    }
    return {
      status: 'ok',
      version: ctx.version,
      protocolVersion: SYNC_PROTOCOL_VERSION,
      database: { kind: ctx.db.kind, version },
    };
  });
}
