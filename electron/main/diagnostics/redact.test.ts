import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OMITTED, REDACTED, redactDiagnostics, redactText } from './redact.js';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEiLCJyb2xlIjoiYWdlbnQiLCJleHAiOjE3MDAwMDAwMDB9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const REFRESH = 'Zk3p9Qx_2vLr8TnWb4YcHs7Md1JgEo6KuAi0Pf5Rq-S';
const PASSWORD = 'demo-pass-2026';
const secrets = [JWT, REFRESH, PASSWORD, 'hunter2', 's3cr3t value with spaces', 'dXNlcjpwYXNzd29yZA=='];

function leaks(output: unknown): string[] {
  const text = JSON.stringify(output);
  return secrets.filter((secret) => text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)));
}

describe('redactText', () => {
  it.each([
    [`Authorization: Bearer ${JWT}`],
    [`authorization=bearer ${REFRESH}`],
    [`Basic dXNlcjpwYXNzd29yZA==`],
    [`token ${JWT} rejected`],
    [`POST /api/auth/refresh {"refreshToken":"${REFRESH}"}`],
    [`{"accessToken": "${JWT}", "expiresIn": 900}`],
    [`log: "{\\"refreshToken\\":\\"${REFRESH}\\",\\"password\\":\\"hunter2\\"}"`],
    [`login {"email":"agent@example.org","password":"${PASSWORD}"}`],
    [`password='s3cr3t value with spaces'`],
    [`password="s3cr3t value with spaces"`],
    [`PASSWORD: hunter2`],
    [`GET https://desk.example.org/api/sync?access_token=${REFRESH}&x=1`],
    [`https://agent:hunter2@desk.example.org/api`],
    [`client_secret=hunter2`],
    [`x-api-key: hunter2`],
    [`Set-Cookie: session=${REFRESH}; Path=/`],
    [`refresh_token=${REFRESH}`],
    [`new refresh token ${REFRESH} issued`],
    [`secret stored: ${JWT.toUpperCase().replace(/^EYJ/, 'eyJ')}`],
  ])('scrubs %s', (line) => {
    expect(leaks(redactText(line))).toEqual([]);
    expect(redactText(line)).toContain(REDACTED);
  });

  it('keeps ordinary log lines intact', () => {
    for (const line of [
      '[2026-01-01 10:00:00.000] [info] Service Desk 0.1.0 started; server http://127.0.0.1:8787',
      'pulled 500 tickets (checkpoint 1042) in 812 ms',
      'ticket INC0001042 assigned; id 3f2b8c9e-1d4a-4b6f-9c2e-7a8b9c0d1e2f',
      'tokenCount: 5, sessions open: 2',
      'path /home/agent/.config/Service Desk/logs/main.log',
      'sync error: ECONNREFUSED 127.0.0.1:8787',
    ])
      expect(redactText(line)).toBe(line);
  });

  it('never lets a generated token through, whatever surrounds it', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).filter((s) => /\d/.test(s) && /[A-Za-z]/.test(s));
    const noise = fc.string({ maxLength: 20 });
    const template = fc.constantFrom('Bearer %s', 'refreshToken=%s', '{"accessToken":"%s"}', '%s', 'token: %s', '?password=%s&');
    fc.assert(
      fc.property(token, noise, noise, template, (secret, before, after, shape) => {
        const output = redactText(`${before} ${shape.replace('%s', secret)} ${after}`);
        return !output.includes(secret);
      }),
      { numRuns: 300 },
    );
  });
});

describe('redactDiagnostics', () => {
  it('redacts credential keys at any depth and any spelling', () => {
    const input = {
      accessToken: JWT,
      nested: {
        refresh_token: REFRESH,
        'X-Password': PASSWORD,
        list: [{ apiKey: 'hunter2' }, { Authorization: `Bearer ${JWT}` }],
      },
      session: { user: 'x' },
      lastError: `401 for Bearer ${JWT}`,
    };
    const output = redactDiagnostics(input) as Record<string, unknown>;
    expect(leaks(output)).toEqual([]);
    expect(output).toMatchObject({ accessToken: REDACTED, session: REDACTED, lastError: `401 for Bearer ${REDACTED}` });
  });

  it('omits ticket and article contents', () => {
    const output = redactDiagnostics({
      syncStatus: { pendingSync: 2, lastError: null },
      ticket: { number: 'INC1', title: 'CEO laptop stolen', description: 'details', comments: ['call me'] },
      documents: [{ body: 'x' }],
    });
    expect(JSON.stringify(output)).not.toMatch(/CEO laptop|details|call me/);
    expect(output).toMatchObject({
      syncStatus: { pendingSync: 2, lastError: null },
      ticket: { number: 'INC1', title: OMITTED },
      documents: OMITTED,
    });
  });

  it('copes with hostile shapes: cycles, depth, prototype keys, odd types', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redactDiagnostics(cyclic)).toEqual({ a: 1, self: '[circular]' });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(JSON.stringify(redactDiagnostics(deep))).toContain(OMITTED);
    const proto = redactDiagnostics(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(redactDiagnostics({ f: () => 1, s: Symbol('x'), b: 1n, u: undefined })).toEqual({
      f: undefined,
      s: undefined,
      b: undefined,
      u: undefined,
    });
    expect(redactDiagnostics({ [`Bearer ${JWT}`]: 1 })).toEqual({ [`Bearer ${REDACTED}`]: 1 });
  });
});
