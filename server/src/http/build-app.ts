import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { BODY_LIMIT_BYTES } from '@shared';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { resolve } from 'node:path';
import type { AppContext } from '../app-context.js';
import { registerAuthRoutes } from '../routes/auth/index.js';
import { registerCmdbRoutes } from '../routes/cmdb/index.js';
import { registerHealthRoutes } from '../routes/health/index.js';
import { registerSurveyPageRoutes } from '../routes/survey-page/index.js';
import { registerSurveyRoutes } from '../routes/surveys/index.js';
import { registerMailRoutes } from '../routes/mail/index.js';
import { registerDirectoryRoutes } from '../routes/directory/index.js';
import { registerReportRoutes } from '../routes/reports/index.js';
import { registerPresenceRoutes } from '../routes/presence/index.js';
import { registerKbRoutes } from '../routes/kb/index.js';
import { registerSyncRoutes } from '../routes/sync/index.js';
import { badRequest, errorBody } from './api-error.js';
import { trackConnections } from './connection-tracker.js';
import { originAllowList } from './cors.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './json-depth.js';
import { registerErrorHandling } from './error-handling.js';
import { registerConsoleHeaders } from './console-headers.js';

export interface BuildAppOptions {
  logLevel: string;
  staticDir?: string;
  /** Browser origins allowed to call the API cross-origin (normalised; see cors.ts). */
  consoleOrigins: readonly string[];
}

/** The Fastify application: CORS for the configured console origins, error shape, routes, and the web console. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: BODY_LIMIT_BYTES,
    // Errors raised before routing (e.g. a malformed URL) also get the shared body.
    frameworkErrors: (error, _request, reply) => {
      // The reply type is generic over route schemas here; this handler only sends the shared error body.
      const plain = reply as unknown as FastifyReply;
      void plain.code(400).send(errorBody(400, `The request could not be read: ${error.message}. Check the URL and headers.`));
    },
  });
  // Only JSON bodies: anything else is a 415 with a clear message rather than a string reaching a route.
  app.removeContentTypeParser('text/plain');

  // An OPTIONS request that is not a real CORS preflight: answered here in the shared error shape (the CORS
  // plugin would answer a plain-text 400).
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'OPTIONS' || (request.headers.origin && request.headers['access-control-request-method']))
      return done();
    void reply
      .code(400)
      .send(
        errorBody(
          400,
          'This OPTIONS request is not a CORS preflight: it needs the Origin and Access-Control-Request-Method headers.',
        ),
      );
  });
  const isConsoleOrigin = originAllowList(options.consoleOrigins);
  // No Origin (not a browser, or a same-origin GET): nothing to answer. A same-origin page (the console served here)
  // needs no CORS headers either, so only the configured cross-origin consoles get them.
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined || isConsoleOrigin(origin)),
    methods: ['GET', 'POST', 'PUT', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });

  // Only routes that ask for it (sign-in and refresh) are limited.
  await app.register(rateLimit, { global: false });

  registerErrorHandling(app, options.staticDir !== undefined);
  registerConsoleHeaders(app);
  // Every later step (validation, comparisons) walks documents recursively: refuse absurd nesting up front.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body !== undefined && nestedDeeperThan(request.body)) {
      return done(
        badRequest(
          `The request body is nested more than ${MAX_JSON_DEPTH} levels deep; no document of this API is. Send the documents as they are stored.`,
        ),
      );
    }
    done();
  });
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerSurveyRoutes(app, ctx);
  await registerSurveyPageRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerMailRoutes(app, ctx);
  registerDirectoryRoutes(app, ctx);
  registerPresenceRoutes(app, ctx);
  registerKbRoutes(app, ctx);
  registerCmdbRoutes(app, ctx);

  if (options.staticDir !== undefined) {
    await app.register(fastifyStatic, { root: resolve(options.staticDir), prefix: '/', wildcard: true });
  }

  // End live streams and idle connections before the HTTP server waits for open connections to finish.
  const connections = trackConnections(app.server);
  app.addHook('preClose', (done) => {
    ctx.streams.closeAll();
    connections.closeIdle();
    done();
  });
  return app;
}
