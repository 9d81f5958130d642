import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_HANDBACK_FAILURES,
  MIN_VERIFIER_ITERATIONS,
  checkHandback,
  createVerifier,
  forgetHandback,
  loadLock,
  loadVerifier,
  matchesVerifier,
  prepareHandover,
  saveLock,
  saveVerifier,
  serverCheck,
  type KeyValueStore,
  type ServerVerdict,
} from './handback-check.js';

// The floor keeps the tests quick; production uses VERIFIER_ITERATIONS.
const iterations = MIN_VERIFIER_ITERATIONS;

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const server = (verdict: ServerVerdict) => vi.fn((_password: string) => Promise.resolve(verdict));
const offline = server('unreachable');

describe('password verifier', () => {
  it('recognises the password and nothing else, and never stores it', async () => {
    const v = await createVerifier('usr-tech', 'correct horse', { confirmed: true, iterations });
    expect(await matchesVerifier(v, 'correct horse')).toBe(true);
    expect(await matchesVerifier(v, 'correct horse ')).toBe(false);
    expect(await matchesVerifier(v, '')).toBe(false);
    expect(JSON.stringify(v)).not.toContain('correct horse');
    expect(v.iterations).toBeGreaterThanOrEqual(100_000);
  });

  it('salts each verifier, so two of one password differ', async () => {
    const a = await createVerifier('usr-tech', 'pw', { confirmed: true, iterations });
    const b = await createVerifier('usr-tech', 'pw', { confirmed: true, iterations });
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses too few iterations, in creation and in storage', async () => {
    await expect(createVerifier('usr-tech', 'pw', { confirmed: true, iterations: 1000 })).rejects.toThrow();
    const store = memoryStore();
    const v = await createVerifier('usr-tech', 'pw', { confirmed: true, iterations });
    saveVerifier(store, { ...v, iterations: 1 });
    expect(loadVerifier(store, 'usr-tech')).toBeNull();
  });

  it("belongs to one user: another user's verifier is not used", async () => {
    const store = memoryStore();
    saveVerifier(store, await createVerifier('usr-tech', 'pw', { confirmed: true, iterations }));
    expect(loadVerifier(store, 'usr-other')).toBeNull();
    store.data.set('handback-verifier:usr-other', store.data.get('handback-verifier:usr-tech') ?? '');
    expect(loadVerifier(store, 'usr-other')).toBeNull();
  });
});

describe('handing over', () => {
  it('online: keeps a confirmed verifier only when the server accepts the password', async () => {
    const store = memoryStore();
    expect(await prepareHandover({ store, userId: 'usr-tech', password: 'nope', askServer: server('wrong'), iterations })).toBe(
      'wrong',
    );
    expect(loadVerifier(store, 'usr-tech')).toBeNull();
    expect(await prepareHandover({ store, userId: 'usr-tech', password: 'pw', askServer: server('ok'), iterations })).toBe('ok');
    expect(loadVerifier(store, 'usr-tech')).toMatchObject({ confirmed: true });
  });

  it('offline: keeps the typed password as an unconfirmed verifier', async () => {
    const store = memoryStore();
    expect(await prepareHandover({ store, userId: 'usr-tech', password: 'pw', askServer: offline, iterations })).toBe('ok');
    const v = loadVerifier(store, 'usr-tech');
    expect(v).toMatchObject({ confirmed: false });
    expect(v && (await matchesVerifier(v, 'pw'))).toBe(true);
  });
});

describe('handing back', () => {
  const attempt = (store: KeyValueStore, password: string, askServer: (p: string) => Promise<ServerVerdict>) =>
    checkHandback({ store, userId: 'usr-tech', ticketId: 'tkt-1', password, askServer, iterations });

  it('offline: the verifier judges, wrong tries are counted in storage and the right one clears the lock', async () => {
    const store = memoryStore();
    saveVerifier(store, await createVerifier('usr-tech', 'pw', { confirmed: true, iterations }));
    saveLock(store, { userId: 'usr-tech', ticketId: 'tkt-1', failures: 0 });
    expect(await attempt(store, 'guess', offline)).toEqual({ kind: 'wrong', left: MAX_HANDBACK_FAILURES - 1 });
    expect(loadLock(store, 'usr-tech')?.failures).toBe(1);
    expect(await attempt(store, 'pw', offline)).toEqual({ kind: 'ok' });
    expect(loadLock(store, 'usr-tech')).toBeNull();
  });

  it('online: the server wins over a stale verifier, and a right password refreshes it', async () => {
    const store = memoryStore();
    saveVerifier(store, await createVerifier('usr-tech', 'old', { confirmed: false, iterations }));
    expect(await attempt(store, 'old', server('wrong'))).toMatchObject({ kind: 'wrong' });
    expect(await attempt(store, 'new', server('ok'))).toEqual({ kind: 'ok' });
    const v = loadVerifier(store, 'usr-tech');
    expect(v?.confirmed).toBe(true);
    expect(v && (await matchesVerifier(v, 'new'))).toBe(true);
    expect(v && (await matchesVerifier(v, 'old'))).toBe(false);
  });

  it('says when nothing can judge (offline, no verifier) without counting a failure', async () => {
    const store = memoryStore();
    expect(await attempt(store, 'pw', offline)).toEqual({ kind: 'unavailable' });
    expect(loadLock(store, 'usr-tech')).toBeNull();
  });

  it('an empty password is wrong without asking the server', async () => {
    const store = memoryStore();
    const ask = server('ok');
    expect(await attempt(store, '', ask)).toMatchObject({ kind: 'wrong' });
    expect(ask).not.toHaveBeenCalled();
  });

  it('after five wrong tries nothing is left (0 tries); forgetting removes the verifier and the lock', async () => {
    const store = memoryStore();
    saveVerifier(store, await createVerifier('usr-tech', 'pw', { confirmed: true, iterations }));
    const results = [];
    for (let i = 0; i < MAX_HANDBACK_FAILURES; i += 1) results.push(await attempt(store, `guess ${i}`, offline));
    expect(results.map((r) => (r.kind === 'wrong' ? r.left : -1))).toEqual([4, 3, 2, 1, 0]);
    forgetHandback(store, 'usr-tech');
    expect(store.data.size).toBe(0);
  });
});

describe('asking the server', () => {
  afterEach(() => vi.unstubAllGlobals());
  const reply = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status }));

  it('a session means the right password, and that session is revoked at once', async () => {
    const fetchMock = vi.fn((url: string, _init?: RequestInit) =>
      url.endsWith('/login')
        ? reply(200, { accessToken: 'a', refreshToken: 'r-1', expiresIn: 900, user: {} })
        : reply(200, { ok: true }),
    );
    vi.stubGlobal('fetch', fetchMock);
    expect(await serverCheck('https://desk.example', 'tech@example.org')('pw')).toBe('ok');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      'https://desk.example/api/auth/login',
      'https://desk.example/api/auth/logout',
    ]);
    expect(fetchMock.mock.calls[1]?.[1]?.body).toBe(JSON.stringify({ refreshToken: 'r-1' }));
  });

  it('401 is a wrong password; offline, throttled or too slow is no answer', async () => {
    vi.stubGlobal('fetch', () => reply(401, { message: 'Incorrect email or password.' }));
    expect(await serverCheck('https://desk.example', 'tech@example.org')('pw')).toBe('wrong');
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await serverCheck('https://desk.example', 'tech@example.org')('pw')).toBe('unreachable');
    vi.stubGlobal('fetch', () => reply(429, { message: 'Too many sign-in requests.' }));
    expect(await serverCheck('https://desk.example', 'tech@example.org')('pw')).toBe('unreachable');
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    expect(await serverCheck('https://desk.example', 'tech@example.org', 20)('pw')).toBe('unreachable');
  });
});
