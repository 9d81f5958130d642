import { describe, expect, it, vi } from 'vitest';
import { serviceWorkerSource } from './sw-source.js';

const ORIGIN = 'https://desk.example.org';
const BUILD = ['./index.html', './assets/index-abc123.js', './sw.js'];

interface FakeResponse {
  url: string;
  status: number;
  type: string;
  redirected: boolean;
  headers: Headers;
  clone(): FakeResponse;
}

function answer(url: string, headers: Record<string, string>, status = 200): FakeResponse {
  const response: FakeResponse = {
    url,
    status,
    type: 'basic',
    redirected: false,
    headers: new Headers(headers),
    clone: () => response,
  };
  return response;
}

/**
 * Runs the generated sw.js against fake browser globals (network, Cache Storage) and dispatches fetch events to
 * it: the embedded decision functions must work as the built worker runs them, not only as imported here.
 */
function startWorker(network: (url: string) => Promise<FakeResponse>) {
  const listeners = new Map<string, (event: unknown) => void>();
  const stored = new Map<string, FakeResponse>();
  const put = vi.fn((key: string | { url: string }, response: FakeResponse) => {
    stored.set(typeof key === 'string' ? new URL(key, `${ORIGIN}/sw.js`).href : key.url, response);
    return Promise.resolve();
  });
  const open = vi.fn(() => Promise.resolve({ put }));
  const self = {
    registration: { scope: `${ORIGIN}/` },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  const caches = {
    open,
    match: (key: string | { url: string }) =>
      Promise.resolve(stored.get(typeof key === 'string' ? new URL(key, `${ORIGIN}/sw.js`).href : key.url)),
  };
  // The worker's globals, passed in by name. Evaluating the generated source is the point of this test (the
  // renderer's code may not use Node's vm).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function('self', 'caches', 'fetch', 'URL', 'Response', serviceWorkerSource(BUILD, 'test')) as (
    ...globals: unknown[]
  ) => void;
  run(self, caches, (request: { url: string }) => network(request.url), URL, { error: () => 'network error' });
  const fetchEvent = (path: string, mode: string): Promise<FakeResponse | string> | undefined => {
    let responded: Promise<FakeResponse | string> | undefined;
    listeners.get('fetch')?.({
      request: { method: 'GET', url: `${ORIGIN}${path}`, mode },
      respondWith: (promise: Promise<FakeResponse | string>) => (responded = promise),
    });
    return responded;
  };
  return { fetchEvent, stored, open, put };
}

describe('the generated service worker', () => {
  it('keeps the console page as its offline shell', async () => {
    const shell = answer(`${ORIGIN}/`, { 'content-type': 'text/html', 'cache-control': 'public, max-age=0' });
    const worker = startWorker(() => Promise.resolve(shell));
    expect(await worker.fetchEvent('/', 'navigate')).toBe(shell);
    await vi.waitFor(() => expect(worker.stored.get(`${ORIGIN}/index.html`)).toBe(shell));
  });

  it('never answers nor stores a survey page (no-store, token in its URL), online or offline', () => {
    const survey = answer(`${ORIGIN}/survey/tok`, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    const worker = startWorker((url) => Promise.resolve(url.endsWith('/survey/tok') ? survey : answer(url, {})));
    // Left to the browser: the worker does not take the request, so it cannot keep its answer either.
    expect(worker.fetchEvent('/survey/tok', 'navigate')).toBeUndefined();
    expect(worker.open).not.toHaveBeenCalled();
  });

  it('does not keep a console page the server marked no-store', async () => {
    const page = answer(`${ORIGIN}/`, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    const worker = startWorker(() => Promise.resolve(page));
    // The decision runs before the answer is handed back, so once it is, nothing was opened to store it.
    expect(await worker.fetchEvent('/', 'navigate')).toBe(page);
    expect(worker.open).not.toHaveBeenCalled();
  });

  it('falls back to the kept shell offline only for the console page', async () => {
    const shell = answer(`${ORIGIN}/`, { 'content-type': 'text/html' });
    let online = true;
    const worker = startWorker(() => (online ? Promise.resolve(shell) : Promise.reject(new TypeError('Failed to fetch'))));
    await worker.fetchEvent('/', 'navigate');
    await vi.waitFor(() => expect(worker.put).toHaveBeenCalledOnce());
    online = false;
    expect(await worker.fetchEvent('/?lang=fr', 'navigate')).toBe(shell);
    expect(worker.fetchEvent('/survey/tok', 'navigate')).toBeUndefined();
  });

  it('stores build files, and leaves other files and the API to the network', async () => {
    const script = answer(`${ORIGIN}/assets/index-abc123.js`, { 'content-type': 'text/javascript' });
    const worker = startWorker(() => Promise.resolve(script));
    expect(await worker.fetchEvent('/assets/index-abc123.js', 'cors')).toBe(script);
    await vi.waitFor(() => expect(worker.stored.get(`${ORIGIN}/assets/index-abc123.js`)).toBe(script));
    expect(worker.fetchEvent('/assets/not-in-this-build.js', 'cors')).toBeUndefined();
    expect(worker.fetchEvent('/api/sync/tickets/pull', 'cors')).toBeUndefined();
  });
});
