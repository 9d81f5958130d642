/**
 * `npm run test:chaos`: the full-size convergence run (20 clients x 1,000 operations by default).
 * Env or flags: CHAOS_SEED / --seed, CHAOS_CLIENTS / --clients, CHAOS_OPS / --ops, CHAOS_DB / --db (postgres|pglite),
 * CHAOS_SETTLE_MS (time allowed to converge). Writes test-results/chaos.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeChaos, runChaos } from './chaos/run-chaos.js';
import { probePostgres } from './support/databases.js';
import { seedFrom } from './support/rng.js';
import { REPO_ROOT } from './support/server-process.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    clients: { type: 'string' },
    ops: { type: 'string' },
    db: { type: 'string' },
  },
});

const seed = seedFrom(values.seed ?? process.env.CHAOS_SEED);
const clients = Number(values.clients ?? process.env.CHAOS_CLIENTS ?? 20);
const operationsPerClient = Number(values.ops ?? process.env.CHAOS_OPS ?? 1000);
const postgres = await probePostgres();
const requested = values.db ?? process.env.CHAOS_DB;
const database = requested === 'pglite' || requested === 'postgres' ? requested : postgres.available ? 'postgres' : 'pglite';
if (database === 'postgres' && !postgres.available) throw new Error(postgres.reason);
if (!postgres.available) console.warn(`PostgreSQL SKIPPED (${postgres.reason}); running on PGlite instead`);

const result = await runChaos({
  seed,
  clients,
  operationsPerClient,
  database,
  hotTickets: Math.max(8, clients * 2),
  settleTimeoutMs: Number(process.env.CHAOS_SETTLE_MS ?? 600_000),
  log: (line) => console.log(line),
});
console.log(describeChaos(result));
await mkdir(join(REPO_ROOT, 'test-results'), { recursive: true });
await writeFile(join(REPO_ROOT, 'test-results', 'chaos.json'), `${JSON.stringify(result, null, 2)}\n`);
if (result.problems.length > 0) {
  console.error(`\nFAILED (seed ${seed}; replay: ${result.replay}):`);
  for (const problem of result.problems.slice(0, 50)) console.error(`  - ${problem}`);
  if (result.replicationErrors.length > 0) console.error(`replication errors seen:\n  ${result.replicationErrors.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nchaos: 1 passed, 0 failed`);
