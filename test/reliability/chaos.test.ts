import { describe, expect, it } from 'vitest';
import { describeChaos, runChaos } from './chaos/run-chaos.js';
import { probePostgres } from './support/databases.js';
import { seedFrom } from './support/rng.js';

/**
 * Convergence under chaos at the normal-run size (5 clients x 200 operations); `npm run test:chaos` runs
 * 20 x 1,000. Each client is a separate process with the real RxDB data layer (memory storage), replication and
 * conflict handler, behind a fault-injecting fetch, against the server process on PostgreSQL (PGlite when
 * PostgreSQL is unreachable). The seed is printed; CHAOS_SEED=<seed> replays the same operations.
 */
const postgres = await probePostgres();
const seed = seedFrom(process.env.CHAOS_SEED);
const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 5);
const OPS = Number(process.env.CHAOS_OPS ?? 200);

async function scenario(database: 'postgres' | 'pglite'): Promise<void> {
  const result = await runChaos({
    seed,
    clients: CLIENTS,
    operationsPerClient: OPS,
    database,
    settleTimeoutMs: 90_000,
    log: (line) => console.log(line),
  });
  console.log(describeChaos(result));
  const failure = `chaos failed with seed ${seed}; replay with: ${result.replay}\n${result.problems.slice(0, 30).join('\n')}`;
  expect(result.problems, failure).toEqual([]);
  expect(result.converged, failure).toBe(true);
  // The run did what it claims: every client worked, the network misbehaved, clients clashed.
  expect(result.operations).toBe(CLIENTS * OPS);
  expect(result.oracle.edits.total).toBeGreaterThan(CLIENTS * OPS * 0.2);
  expect(result.oracle.acknowledgedEvents).toBeGreaterThan(CLIENTS * OPS * 0.1);
  expect(result.faults.droppedResponses + result.faults.droppedRequests).toBeGreaterThan(0);
  expect(result.conflictsRecorded).toBeGreaterThan(0);
}

describe.skipIf(!postgres.available)(
  postgres.available ? 'convergence under chaos [postgres]' : `convergence under chaos [postgres] SKIPPED: ${postgres.reason}`,
  () => {
    it(`${CLIENTS} clients x ${OPS} operations converge to the server state (seed ${seed})`, () => scenario('postgres'), 240_000);
  },
);

describe.skipIf(postgres.available)(
  postgres.available
    ? 'convergence under chaos [pglite] SKIPPED: PostgreSQL is available, the PostgreSQL variant covers it'
    : 'convergence under chaos [pglite]',
  () => {
    it(`${CLIENTS} clients x ${OPS} operations converge to the server state (seed ${seed})`, () => scenario('pglite'), 240_000);
  },
);
