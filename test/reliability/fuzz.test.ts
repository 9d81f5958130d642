import fc from 'fast-check';
import { FIELD_REVISION_STEP_MAX } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { DEMO_USERS } from '../../server/src/seed/index.js';
import { fingerprint } from './support/fingerprint.js';
import { createDatabase, probePostgres, seedDirectory, type ReliabilityDatabase } from './support/databases.js';
import { RawHttp, type RawRequest, type RawResponse } from './support/raw-http.js';
import { seedFrom } from './support/rng.js';
import { loginRequests, oddRequests, postRequests, pullRequests, pushRequests, type FuzzContext } from './fuzz/arbitraries.js';

/**
 * Property-based fuzzing of every endpoint of the real server (fast-check, >= 10,000 requests per run over one
 * keep-alive agent): no answer is a 5xx, every error is the shared JSON error body, and a refused request (or
 * any GET) leaves the stored data exactly as it was. PostgreSQL when reachable, PGlite otherwise.
 */
const postgres = await probePostgres();
const kind = postgres.available ? 'postgres' : 'pglite';
const seed = seedFrom(process.env.FUZZ_SEED);
// `npm test` runs a quarter of the full size (2,500 cases) to stay in its time budget; `npm run test:fuzz` runs all.
const SCALE = Number(process.env.FUZZ_SCALE ?? 0.25);
const RUNS = {
  posts: Math.round(2600 * SCALE),
  pushes: Math.round(3200 * SCALE),
  pulls: Math.round(2400 * SCALE),
  odd: Math.round(1800 * SCALE),
  logins: Math.round(120 * SCALE),
};
const MIN_CASES = Math.round(10_000 * SCALE);

describe(`fuzzing every endpoint [${kind}]${postgres.available ? '' : ` (PostgreSQL SKIPPED: ${postgres.reason})`}`, () => {
  let database: ReliabilityDatabase;
  let server: RunningServer;
  let http: RawHttp;
  let ctx: FuzzContext;
  let baseline = '';
  let cases = 0;
  /** Ticket pushes sent (any answer): each may raise a stored edit counter by at most FIELD_REVISION_STEP_MAX. */
  let ticketPushes = 0;
  const statuses = new Map<number, number>();
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    database = await createDatabase(kind);
    await seedDirectory(database, 20);
    // Sign-in limits raised so the sign-in handler itself is fuzzed; the limits have their own tests.
    server = await startServer({
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      logLevel: 'silent',
      loginLimits: { requestsPerMinute: 1_000_000, maxFailures: 1_000_000 },
    });
    const api = new ApiClient(server.url);
    const tokens = {} as FuzzContext['tokens'];
    for (const role of ['agent', 'technician', 'supervisor', 'admin'] as const)
      tokens[role] = (await api.login(DEMO_USERS[role].email)).accessToken;
    const samples: FuzzContext['samples'] = {};
    for (const collection of ['tickets', 'ticket_events', 'kb_articles', 'surveys', 'survey_responses', 'directory']) {
      samples[collection] = [...(await api.pullAll(tokens.admin, collection)).docs.values()].slice(0, 5);
    }
    ctx = { tokens, samples };
    http = new RawHttp(server.url);
    baseline = await fingerprint(server.db);
    console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed} npx vitest run test/reliability/fuzz.test.ts)`);
  }, 120_000);

  afterAll(async () => {
    http?.close();
    await server?.close();
    await database?.dispose();
    console.log(
      `fuzz: ${cases} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
  });

  const describeRequest = (req: RawRequest, res?: RawResponse): string => {
    const body = req.body === undefined ? '' : Buffer.isBuffer(req.body) ? req.body.toString('hex') : req.body;
    return `${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.headers ?? {}).slice(0, 300)} body(${body.length}): ${body.slice(0, 400)}${
      res ? ` -> ${res.status} ${res.text.slice(0, 400)}` : ''
    }`;
  };

  /** Sends one request and checks the three properties. */
  async function exchange(req: RawRequest): Promise<void> {
    const res = await http.send(req);
    cases++;
    if (req.method === 'POST' && req.path.startsWith('/api/sync/tickets/push')) ticketPushes++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    expect(res.status, describeRequest(req, res)).toBeLessThan(500);
    if (res.status >= 400 && req.method !== 'HEAD') {
      const body = JSON.parse(res.text) as { statusCode?: unknown; message?: unknown; error?: unknown };
      expect(body.statusCode, describeRequest(req, res)).toBe(res.status);
      expect(typeof body.message, describeRequest(req, res)).toBe('string');
    }
    // GET and HEAD never write: checked together at the end of each property (cheaper), everything else here.
    if (req.method === 'GET' || req.method === 'HEAD') return;
    const after = await fingerprint(server.db);
    if (res.status >= 400) expect(after, `stored data changed by a refused request: ${describeRequest(req, res)}`).toBe(baseline);
    baseline = after;
  }

  async function property(arbitrary: fc.Arbitrary<RawRequest>, numRuns: number, offset: number): Promise<void> {
    await fc.assert(fc.asyncProperty(arbitrary, exchange), { numRuns, seed: seed + offset, endOnFailure: true });
    expect(await fingerprint(server.db), 'stored data changed by a GET or HEAD request').toBe(baseline);
  }

  it(`POST bodies of every JSON endpoint: malformed JSON, wrong types, invalid UTF-8, deep nesting, wrong content types (${RUNS.posts} cases)`, async () => {
    await property(postRequests(ctx), RUNS.posts, 1);
  }, 300_000);

  it(`sync pushes of mutated documents: unknown fields, prototype keys, SQL metacharacters, huge values (${RUNS.pushes} cases)`, async () => {
    await property(pushRequests(ctx), RUNS.pushes, 2);
  }, 300_000);

  it('leaves only server-issued, unique ticket numbers and edit counters the pushes could carry (#15 items 3, 5)', async () => {
    const tickets = await server.db.query<{ id: string; number: string | null; revs: Record<string, unknown> | null }>(
      "SELECT id, data->>'number' AS number, data->'fieldRevs' AS revs FROM sync_documents WHERE collection = 'tickets'",
    );
    for (const { id, number } of tickets) expect(number, `ticket ${id}`).toMatch(/^(INC|REQ|PRB|CHG|RLS)\d{7}$/);
    expect(new Set(tickets.map((t) => t.number)).size).toBe(tickets.length);
    const counters = tickets.flatMap((t) => Object.values(t.revs ?? {}).filter((v): v is number => typeof v === 'number'));
    expect(Math.max(0, ...counters)).toBeLessThanOrEqual(FIELD_REVISION_STEP_MAX * ticketPushes);
  });

  it(`pulls and live streams with invalid checkpoints and limits (${RUNS.pulls} cases)`, async () => {
    await property(pullRequests(ctx), RUNS.pulls, 3);
  }, 300_000);

  it(`odd methods, paths, origins and tokens on every route (${RUNS.odd} cases)`, async () => {
    await property(oddRequests(ctx), RUNS.odd, 4);
  }, 300_000);

  it(`sign-in with nasty e-mail addresses and passwords (${RUNS.logins} cases)`, async () => {
    await property(loginRequests(), RUNS.logins, 5);
  }, 300_000);

  it('refuses bodies over the size limits with 413 and a clear message', async () => {
    const huge = Buffer.alloc(8 * 1024 * 1024 + 10, 0x20);
    for (const path of ['/api/sync/tickets/push', '/api/sync/kb_articles/push']) {
      await exchange({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.tokens.admin}` },
        body: huge,
      });
      expect(statuses.get(413)).toBeGreaterThan(0);
    }
    const before = statuses.get(413) ?? 0;
    await exchange({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"a","password":"${'x'.repeat(20_000)}"}`,
    });
    expect(statuses.get(413)).toBe(before + 1);
  });

  it('answers the inputs that once broke it (found by this fuzzing) with clear 4xx', async () => {
    const auth = { authorization: `Bearer ${ctx.tokens.admin}`, 'content-type': 'application/json' };
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    // Was a 500 (stack overflow in the document checks).
    const nested = await http.send({
      method: 'POST',
      path: '/api/sync/tickets/push',
      headers: auth,
      body: `[{"newDocumentState":{"id":"x","_deleted":false,"title":${deep}}}]`,
    });
    expect(nested.status).toBe(400);
    expect(nested.text).toMatch(/nested more than 32 levels/);
    // Was a plain-text 400 from the CORS plugin.
    const options = await http.send({ method: 'OPTIONS', path: '/api/sync/tickets/pull', headers: {} });
    expect(options.status).toBe(400);
    expect(JSON.parse(options.text)).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/not a CORS preflight/) as unknown,
    });
    // Was a connection held open with no answer.
    const head = await http.send(
      { method: 'HEAD', path: '/api/sync/tickets/stream', headers: { authorization: auth.authorization } },
      5000,
    );
    expect(head.status).toBe(200);
  });

  it(`ran at least ${MIN_CASES} cases with no 5xx, and nothing leaked into Object.prototype`, () => {
    expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
