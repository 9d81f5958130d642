// eslint-disable-next-line no-restricted-imports -- runs in Node only: a real SSE server behind a real TCP proxy
import { createServer } from 'node:http';
// eslint-disable-next-line no-restricted-imports -- as above
import type { Server, ServerResponse } from 'node:http';
// eslint-disable-next-line no-restricted-imports -- as above
import { createServer as createTcpServer, connect } from 'node:net';
// eslint-disable-next-line no-restricted-imports -- as above
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait.js';
import { alwaysOnline } from './connectivity.js';
import { liveResyncStream } from './live-stream.js';

const HEARTBEAT_MS = 50;
const SILENCE_MS = 1000;

/** An SSE endpoint sending a comment heartbeat every HEARTBEAT_MS, as the sync server does every 15 s. */
function sseServer(): Promise<{ server: Server; streams: ServerResponse[]; beats: number[] }> {
  const streams: ServerResponse[] = [];
  const beats: number[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': open\n\n');
    const n = streams.push(res) - 1;
    beats[n] = 0;
    const beat = setInterval(() => {
      beats[n] += 1;
      res.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
    res.on('close', () => clearInterval(beat));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, streams, beats })));
}

/** A TCP proxy whose `blackHole()` keeps every open connection open but forwards nothing more on it (a VPN drop). */
function proxy(upstreamPort: number): Promise<{ server: TcpServer; port: number; blackHole: () => void }> {
  const pairs: { client: Socket; upstream: Socket; dead: boolean }[] = [];
  const server = createTcpServer((client) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    const pair = { client, upstream, dead: false };
    pairs.push(pair);
    upstream.on('data', (chunk) => {
      if (!pair.dead) client.write(chunk);
    });
    client.on('data', (chunk) => {
      if (!pair.dead) upstream.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        blackHole: () => pairs.forEach((p) => (p.dead = true)),
      }),
    ),
  );
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('live stream silence', () => {
  it('drops a stream that goes silent with its socket open, reconnects and pulls', async () => {
    const sse = await sseServer();
    const tcp = await proxy((sse.server.address() as AddressInfo).port);
    cleanups.push(() => {
      sse.streams.forEach((s) => s.destroy());
      sse.server.close();
      tcp.server.close();
    });
    const errors: (string | null)[] = [];
    let resyncs = 0;
    const sub = liveResyncStream({
      serverUrl: `http://127.0.0.1:${tcp.port}`,
      path: '/stream',
      fetchImpl: (input, init) => fetch(input, init),
      getAccessToken: () => Promise.resolve(null),
      connectivity: alwaysOnline,
      onStreamError: (m) => errors.push(m),
      minBackoffMs: 10,
      // Far above the heartbeat, as in production (2 x + 5 s): a busy test machine's event-loop stalls stay below it.
      silenceMs: SILENCE_MS,
    }).subscribe(() => (resyncs += 1));
    cleanups.push(() => sub.unsubscribe());

    await waitFor(() => resyncs === 1 && sse.streams.length === 1, 5000, 'first connection');
    // Heartbeats keep a healthy stream open: three silence windows of heartbeats pass without a reconnect.
    await waitFor(() => sse.beats[0] >= (3 * SILENCE_MS) / HEARTBEAT_MS, 15_000, 'heartbeats');
    expect(sse.streams).toHaveLength(1);
    expect(errors).toEqual([null]);

    tcp.blackHole();
    await waitFor(() => sse.streams.length === 2, 5000, 'reconnect after silence');
    expect(errors.some((m) => m?.includes('silent'))).toBe(true);
    // The reopened stream is announced as healthy and triggers a pull (RESYNC) for what was missed.
    await waitFor(() => errors.at(-1) === null && resyncs === 2, 5000, 'pulled after reconnect');
  });

  it('pulls now and then while the stream stays healthy, without reconnecting', async () => {
    const sse = await sseServer();
    cleanups.push(() => {
      sse.streams.forEach((s) => s.destroy());
      sse.server.close();
    });
    let resyncs = 0;
    const sub = liveResyncStream({
      serverUrl: `http://127.0.0.1:${(sse.server.address() as AddressInfo).port}`,
      path: '/stream',
      fetchImpl: (input, init) => fetch(input, init),
      getAccessToken: () => Promise.resolve(null),
      connectivity: alwaysOnline,
      silenceMs: SILENCE_MS,
      safetyPullMs: 100,
    }).subscribe(() => (resyncs += 1));
    cleanups.push(() => sub.unsubscribe());
    // One RESYNC for the connection, then safety pulls on their own.
    await waitFor(() => resyncs >= 4, 5000, 'safety pulls');
    expect(sse.streams).toHaveLength(1);
  });
});
