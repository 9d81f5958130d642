import { startServer } from './app.js';
import { ConfigError, serverOptionsFromEnv } from './config/env.js';

/** `npm run server`: starts the sync server from environment variables and stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const options = serverOptionsFromEnv();
  const where = options.databaseUrl ? 'PostgreSQL' : `PGlite in ${options.dataDir}`;
  console.log(`Starting the service desk server (${where})${options.seedDemo ? ', seeding demo data if empty' : ''}...`);
  const server = await startServer(options);
  console.log(`Service desk server listening on ${server.url} (database: ${server.db.kind})`);
  if (options.staticDir) console.log(`Serving the web console from ${options.staticDir} at ${server.url}/`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down...`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
