import { REPLICATED_COLLECTIONS } from '@shared';
import fc from 'fast-check';
import type { RawRequest } from '../support/raw-http.js';

/** What the generators need from the running server: tokens and real documents to mutate. */
export interface FuzzContext {
  /** Valid access tokens by role. */
  tokens: Record<'agent' | 'technician' | 'supervisor' | 'admin', string>;
  /** A few valid stored documents per collection (with `_deleted`), to mutate and to collide with. */
  samples: Record<string, Record<string, unknown>[]>;
}

const SQL = [
  "'",
  "';--",
  "' OR '1'='1",
  '"; DROP TABLE sync_documents; --',
  "'); DELETE FROM credentials; --",
  '\\',
  '$1',
  '%',
  '_',
  '%00',
  '1; SELECT pg_sleep(5)',
  "' || pg_sleep(1) || '",
  "E'\\\\x00'",
  '::jsonb',
  '?|',
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '_deleted',
  '_rev',
  '_meta',
  'id',
  'seq',
  '',
];

/** Strings that have broken servers before: SQL, NUL, lone surrogates, controls, huge, prototype keys. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 6, arbitrary: fc.constantFrom(...SQL, ...KEYS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udfff',
      '\u202e',
      '\ufeff',
      '\r\n\r\n',
      '${jndi:x}',
      '<script>',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'é'.repeat(n)) },
);

/** Any JSON-ish value, including the odd ones JSON allows (huge numbers, -0 written as 0, long arrays). */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, Number.MAX_SAFE_INTEGER),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom(...KEYS)), tie('value'), { maxKeys: 4 }),
    fc.integer({ min: 1_000, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  ),
})).value;

/** JSON text nested `depth` levels deep (arrays or objects), built as text so no stack is used to make it. */
export const deepJson = fc
  .record({
    depth: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(33, 64) },
      { weight: 3, arbitrary: fc.constant(1_000) },
      { weight: 1, arbitrary: fc.constantFrom(10_000, 100_000) },
    ),
    kind: fc.constantFrom('array', 'object'),
  })
  .map(({ depth, kind }) =>
    kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** Percent-encodes what an HTTP request line cannot carry (spaces, controls, non-Latin-1), keeping the rest raw. */
export const pathSafe = (text: string): string => text.replace(/[^\x21-\x7e]/gu, (c) => encode(c));

/** encodeURIComponent that also encodes lone surrogates (as the invalid UTF-8 bytes of CESU-8). */
export function encode(text: string): string {
  return [...text].map((c) => (/\p{Cs}/u.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
}

/** A valid document with one or more things wrong with it. */
function mutated(ctx: FuzzContext, collection: string): fc.Arbitrary<string> {
  const samples = ctx.samples[collection] ?? [];
  if (samples.length === 0) return fc.jsonValue().map((v) => JSON.stringify(v));
  const keys = Object.keys(samples[0]);
  const mutation = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('set' as const),
        key: fc.oneof(fc.constantFrom(...keys), nastyString),
        value: nastyValue,
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom(...keys) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep' as const), key: fc.constantFrom(...keys), value: deepJson }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('proto' as const), key: fc.constantFrom('__proto__', 'constructor') }),
    },
  );
  return fc
    .record({ base: fc.constantFrom(...samples), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
    .map(({ base, mutations }) => {
      const doc: Record<string, unknown> = { ...base };
      const raw: string[] = [];
      for (const m of mutations) {
        if (m.kind === 'set') doc[m.key] = m.value;
        else if (m.kind === 'drop') delete doc[m.key];
        else if (m.kind === 'deep') {
          delete doc[m.key];
          raw.push(`${JSON.stringify(m.key)}:${m.value}`);
        } else raw.push(`${JSON.stringify(m.key)}:{"prototype":{"polluted":true},"polluted":true}`);
      }
      const text = JSON.stringify(doc);
      return raw.length === 0 ? text : `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${raw.join(',')}}`;
    });
}

const collectionName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REPLICATED_COLLECTIONS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('conflicts', 'credentials', 'refresh_tokens', '..%2f..%2fetc', '%ff%fe', 'TICKETS', ''),
  },
  { weight: 1, arbitrary: nastyString.map((s) => encode(s.slice(0, 50))) },
);

/** An Authorization header: valid tokens of every role, none, or forged/malformed ones. */
export function authHeader(ctx: FuzzContext): fc.Arbitrary<Record<string, string>> {
  const header = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...Object.values(ctx.tokens)).map(header) },
    { weight: 1, arbitrary: fc.constant({}) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'Basic YWdlbnQ6cHc=',
            'bearer x y',
            'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c3ItYWRtaW4ifQ.',
          ),
          nastyString.map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, 'x').slice(0, 4000)}`),
          fc.constantFrom(...Object.values(ctx.tokens)).map((t) => `Bearer ${t.slice(0, -2)}xx`),
        )
        .map((value) => ({ authorization: value })),
    },
  );
}

const jsonContentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/octet-stream',
      'application/jsonx',
      'APPLICATION/JSON',
      '',
      '*/*',
    ),
  },
);

/** A body: JSON of a nasty value, raw broken text, invalid UTF-8 bytes, prototype keys, deep nesting. */
const nastyBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  { weight: 4, arbitrary: nastyValue.map((v) => JSON.stringify(v) ?? 'null') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '[',
      '{"a":}',
      "{'a':1}",
      'NaN',
      '[1,]',
      '\u0000',
      'null',
      '"x"',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
    ),
  },
  { weight: 1, arbitrary: deepJson },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((bytes) =>
        Buffer.concat([
          Buffer.from('{"email":"'),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28, ...bytes]),
          Buffer.from('","password":"x"}'),
        ]),
      ),
  },
);

/** Requests to the JSON POST endpoints (sign-in, refresh, sign-out, push) with arbitrary bodies and content types. */
export function postRequests(ctx: FuzzContext): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      path: fc.oneof(
        fc.constantFrom('/api/auth/refresh', '/api/auth/logout', '/api/auth/login'),
        collectionName.map((c) => `/api/sync/${c}/push`),
      ),
      body: nastyBody,
      contentType: jsonContentType,
      auth: authHeader(ctx),
    })
    .map(({ path, body, contentType, auth }) => ({
      method: 'POST',
      path,
      headers: { ...auth, ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    }));
}

/** Pushes of mutated real documents, in rows with odd assumed states, to every collection. */
export function pushRequests(ctx: FuzzContext): fc.Arbitrary<RawRequest> {
  return fc
    .constantFrom(...REPLICATED_COLLECTIONS)
    .chain((collection) =>
      fc.record({
        collection: fc.constant(collection),
        auth: authHeader(ctx),
        rows: fc.array(
          fc.record({
            doc: mutated(ctx, collection),
            assumed: fc.oneof(
              { weight: 3, arbitrary: fc.constant('absent') },
              { weight: 2, arbitrary: fc.constant('null') },
              {
                weight: 3,
                arbitrary: fc
                  .constantFrom(...((ctx.samples[collection] ?? []).length > 0 ? ctx.samples[collection] : [{}]))
                  .map((d) => JSON.stringify(d)),
              },
              { weight: 2, arbitrary: nastyValue.map((v) => JSON.stringify(v) ?? 'null') },
              { weight: 1, arbitrary: deepJson },
            ),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    )
    .map(({ collection, auth, rows }) => ({
      method: 'POST',
      path: `/api/sync/${collection}/push`,
      headers: { ...auth, 'content-type': 'application/json' },
      body: `[${rows
        .map(({ doc, assumed }) =>
          assumed === 'absent' ? `{"newDocumentState":${doc}}` : `{"assumedMasterState":${assumed},"newDocumentState":${doc}}`,
        )
        .join(',')}]`,
    }));
}

const checkpointValue = fc.oneof(
  fc.constantFrom(
    '',
    'null',
    '0',
    '-1',
    '1e3',
    '0x10',
    '1.5',
    '99999999999999999999',
    '9007199254740993',
    ' 1',
    '１２',
    '{"seq":-1}',
    '{"seq":"1"}',
    '{"seq":1e400}',
    '{',
    '[1]',
    '%ff',
    '%00',
    'NaN',
  ),
  fc.integer({ min: -10, max: 10_000 }).map(String),
  nastyString.map((s) => encode(s.slice(0, 200))),
);

/** Pulls and live streams with arbitrary checkpoints, limits and repeated parameters. */
export function pullRequests(ctx: FuzzContext): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      collection: collectionName,
      endpoint: fc.constantFrom('pull', 'pull', 'pull', 'stream'),
      checkpoint: fc.option(checkpointValue, { nil: undefined }),
      limit: fc.option(fc.oneof(checkpointValue, fc.constantFrom('2000', '2001', '1', '0')), { nil: undefined }),
      repeat: fc.boolean(),
      auth: authHeader(ctx),
    })
    .map(({ collection, endpoint, checkpoint, limit, repeat, auth }) => {
      const query: string[] = [];
      if (checkpoint !== undefined) query.push(`checkpoint=${checkpoint}`);
      if (limit !== undefined) query.push(`limit=${limit}`);
      if (repeat && checkpoint !== undefined) query.push(`checkpoint=${checkpoint}`);
      return {
        method: 'GET',
        path: pathSafe(`/api/sync/${collection}/${endpoint}${query.length ? `?${query.join('&')}` : ''}`),
        headers: auth,
      };
    });
}

/** Odd methods, paths, headers and encodings on every route. */
export function oddRequests(ctx: FuzzContext): fc.Arbitrary<RawRequest> {
  const path = fc.oneof(
    fc.constantFrom(
      '/api/health',
      '/api/auth/login',
      '/api/sync/tickets/pull',
      '/api/sync/tickets/push',
      '/api/sync/tickets/stream',
      '/api',
      '/',
      '/api/sync',
      '/api/sync//pull',
    ),
    fc.constantFrom(
      '/api/%ff',
      '/api/sync/%c3%28/pull',
      '/api/sync/tickets/pull?%ff=1',
      '/api/..%2f..%2f',
      '/api/sync/tickets/pull?checkpoint[$ne]=1',
      '/api/sync/tickets/pull?__proto__[polluted]=1',
      '/api/sync/tickets/pull?constructor[prototype][polluted]=1',
    ),
    nastyString.map((s) => `/api/sync/${encode(s.slice(0, 300))}/pull`),
  );
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      path,
      auth: authHeader(ctx),
      origin: fc.constantFrom(undefined, 'https://evil.example', 'null', 'http://localhost:5173'),
      body: fc.option(nastyBody, { nil: undefined }),
      contentType: fc.option(jsonContentType, { nil: undefined }),
    })
    .map(({ method, path: p, auth, origin, body, contentType }) => ({
      method,
      path: pathSafe(p),
      headers: {
        ...auth,
        ...(origin ? { origin } : {}),
        ...(contentType !== undefined && body !== undefined ? { 'content-type': contentType } : {}),
      },
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    }));
}

/** Well-formed sign-in bodies with nasty e-mail addresses and passwords (each costs one scrypt check). */
export function loginRequests(): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      email: fc.oneof(nastyString, fc.constantFrom('agent@example.org', 'AGENT@EXAMPLE.ORG ', "agent@example.org' --")),
      password: nastyString,
    })
    .map((body) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }));
}
