// npm run bench:sync — change propagation, initial sync of 100k tickets in Chromium, server push ingest.
// Figures go to stdout and test/bench/results/sync.json. Sizes can be reduced for a quick look:
//   BENCH_INITIAL_DOCS=20000 BENCH_PUSH_DOCS=5000 npm run bench:sync
// BENCH_ONLY=initial (or propagation, push; comma-separated) runs some parts and prints them without writing the JSON.
import { startServer } from '../../server/src/app.js';
import { writeResults } from './lib/stats.js';
import { benchInitialSync } from './sync/initial-sync.js';
import { benchPropagation } from './sync/propagation.js';
import { benchPushIngest } from './sync/push-ingest.js';
import { requireChromium } from '../support/chromium-path.js';

const initialDocs = Number(process.env.BENCH_INITIAL_DOCS ?? 100_000);
const pushDocs = Number(process.env.BENCH_PUSH_DOCS ?? 20_000);
const changes = Number(process.env.BENCH_CHANGES ?? 200);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((p) => p.trim())) : null;
const runs = (part: 'propagation' | 'initial' | 'push') => only === null || only.has(part);
// The initial sync runs in Chromium: found (or installed) before the other parts, so a newcomer learns it at once.
if (runs('initial')) requireChromium();

const results: Record<string, unknown> = {
  measured_at: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, Node ${process.version}`,
};

if (runs('propagation')) {
  console.log(`propagation: ${changes} changes, client A -> server (PGlite) -> client B over loopback`);
  const server = await startServer({ port: 0, dataDir: 'memory://', seedDemo: true, logLevel: 'warn' });
  try {
    Object.assign(results, await benchPropagation(server.url, changes));
  } finally {
    await server.close();
  }
}

if (runs('initial')) {
  console.log(`initial sync: ${initialDocs} tickets into a fresh Chromium client (Dexie), against raw Dexie bulkPut`);
  Object.assign(results, await benchInitialSync(initialDocs));
}

if (runs('push')) {
  console.log(`push ingest: ${pushDocs} tickets over HTTP push into PostgreSQL, against raw batched INSERT`);
  Object.assign(results, await benchPushIngest(pushDocs, 1000));
}

if (only === null) writeResults(new URL('./results/sync.json', import.meta.url).pathname, results);
else console.table(results);
