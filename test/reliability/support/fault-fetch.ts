import type { Rng } from './rng.js';

/** How often and how badly the network misbehaves; all probabilities per request. */
export interface FaultConfig {
  /** Random delay before a request is sent and before its response is handed back, 0..maxDelayMs each. */
  maxDelayMs: number;
  /** The request never reaches the server (fetch rejects). */
  dropRequest: number;
  /** The server handles the request but the response is lost (fetch rejects after the server answered). */
  dropResponse: number;
  /** A gateway answers 503 instead of the server. */
  gateway503: number;
  /** Live streams are cut after a random 0.5-6 s with this probability per connection. */
  cutStream: number;
}

export const NO_FAULTS: FaultConfig = { maxDelayMs: 0, dropRequest: 0, dropResponse: 0, gateway503: 0, cutStream: 0 };

export interface FaultStats {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  gateway503: number;
  cutStreams: number;
}

export interface FaultyFetch {
  fetch: typeof fetch;
  stats: FaultStats;
  set(config: FaultConfig): void;
  /** Every pull URL requested (path and query), for checkpoint assertions. */
  pulls: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Message of the TypeError fetch throws on a network failure, so the client treats injected faults alike. */
const failed = (why: string): TypeError => new TypeError(`fetch failed (injected: ${why})`);

/**
 * A fetch that sits between a client and the server and misbehaves on purpose: delays (which also reorder
 * concurrent requests), lost requests, lost responses after the server committed, 503s, cut live streams.
 */
export function faultyFetch(rng: Rng, initial: FaultConfig, base: typeof fetch = globalThis.fetch): FaultyFetch {
  let config = initial;
  const stats: FaultStats = { requests: 0, droppedRequests: 0, droppedResponses: 0, gateway503: 0, cutStreams: 0 };
  const pulls: string[] = [];
  const delay = async (): Promise<void> => {
    if (config.maxDelayMs > 0) await sleep(rng.int(0, config.maxDelayMs));
  };
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    stats.requests++;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url).pathname;
    if (path.endsWith('/pull')) pulls.push(new URL(url).pathname + new URL(url).search);
    if (path.endsWith('/stream')) {
      if (rng.chance(config.dropRequest)) {
        stats.droppedRequests++;
        throw failed('stream request lost');
      }
      if (!rng.chance(config.cutStream)) return base(input, init);
      // Cut the connection after a while: the client sees its body stream fail, as when a proxy drops it.
      const controller = new AbortController();
      init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
      const timer = setTimeout(
        () => {
          stats.cutStreams++;
          controller.abort(failed('stream cut'));
        },
        rng.int(500, 6000),
      );
      init?.signal?.addEventListener('abort', () => clearTimeout(timer));
      return base(input, { ...init, signal: controller.signal });
    }
    await delay();
    if (rng.chance(config.dropRequest)) {
      stats.droppedRequests++;
      throw failed('request lost');
    }
    if (rng.chance(config.gateway503)) {
      stats.gateway503++;
      return new Response(JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'injected gateway error' }), {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    }
    const loseResponse = rng.chance(config.dropResponse);
    const response = await base(input, init);
    // Read the whole answer first: the server has finished (and committed) when we drop it.
    const body = await response.arrayBuffer();
    await delay();
    if (loseResponse) {
      stats.droppedResponses++;
      throw failed('response lost');
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: wrapped, stats, pulls, set: (next) => void (config = next) };
}
