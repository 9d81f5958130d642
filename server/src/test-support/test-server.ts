import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../app.js';
import { seedDatabase } from '../seed/index.js';
import { ApiClient } from './api-client.js';
import type { Backend, TestDatabase } from './backends.js';

export interface TestServers {
  /** The first instance and a client for it. */
  server: RunningServer;
  api: ApiClient;
  /** Every started instance (several share one PostgreSQL database when `instances` > 1). */
  servers: RunningServer[];
  apis: ApiClient[];
}

export interface UseServerOptions {
  /** Seed this many tickets/articles (the directory, demo users and survey are always seeded). */
  tickets?: number;
  articles?: number;
  instances?: number;
  server?: Partial<ServerOptions>;
  /** Time allowed to start and seed (ms); the default hook timeout when absent. */
  startTimeoutMs?: number;
}

/**
 * Registers beforeAll/afterAll that start server instance(s) on a fresh database of `backend`, seeded with
 * the demo directory, and returns a getter for them (valid inside tests).
 */
export function useTestServers(backend: Backend, options: UseServerOptions = {}): () => TestServers {
  let env: TestServers | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (!backend.available) return;
    database = await backend.create();
    const instances = options.instances ?? 1;
    const servers: RunningServer[] = [];
    for (let i = 0; i < instances; i++) {
      servers.push(
        await startServer({
          databaseUrl: database.databaseUrl,
          dataDir: database.dataDir,
          port: 0,
          logLevel: 'silent',
          ...options.server,
        }),
      );
    }
    await seedDatabase(servers[0].db, { tickets: options.tickets ?? 0, articles: options.articles ?? 0, random: 7 });
    const apis = servers.map((s) => new ApiClient(s.url));
    env = { server: servers[0], api: apis[0], servers, apis };
  }, options.startTimeoutMs);
  afterAll(async () => {
    for (const server of env?.servers ?? []) await server.close();
    await database?.dispose();
  });
  return () => {
    if (!env) throw new Error('test servers not started');
    return env;
  };
}
