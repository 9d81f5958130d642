// Child process of scale-bench.ts: holds the simulated devices' live streams, so the server's process measures the
// server alone. Each device is one `GET /api/sync/tickets/stream` over loopback (plain node:http, one socket each);
// it records when each `data: RESYNC` arrives (epoch ms, comparable across processes) and reports them when told.
import { request, type ClientRequest } from 'node:http';
import type { DevicesCommand, DevicesReport } from './protocol.js';

const now = (): number => performance.timeOrigin + performance.now();

interface Device {
  request: ClientRequest;
  connected: boolean;
  ended: boolean;
  signals: number[];
}

const devices: Device[] = [];

function open(url: URL, token: string): Promise<Device> {
  return new Promise((resolve) => {
    const device: Device = { request: undefined as unknown as ClientRequest, connected: false, ended: false, signals: [] };
    let settled = false;
    const done = (): void => {
      if (!settled) {
        settled = true;
        resolve(device);
      }
    };
    device.request = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/sync/tickets/stream',
        agent: false,
        headers: { authorization: `Bearer ${token}` },
      },
      (response) => {
        if (response.statusCode !== 200) {
          device.ended = true;
          response.resume();
          done();
          return;
        }
        response.setEncoding('utf8');
        let text = '';
        response.on('data', (chunk: string) => {
          const at = now();
          text += chunk;
          let end: number;
          while ((end = text.indexOf('\n\n')) >= 0) {
            const block = text.slice(0, end);
            text = text.slice(end + 2);
            if (block.includes(': connected')) {
              device.connected = true;
              done();
            }
            if (block.split('\n').some((line) => line === 'data: RESYNC')) device.signals.push(at);
          }
        });
        response.on('close', () => {
          device.ended = true;
          done();
        });
      },
    );
    device.request.on('error', () => {
      device.ended = true;
      done();
    });
    device.request.end();
  });
}

process.on('message', (message: DevicesCommand) => {
  void (async () => {
    if (message.kind === 'open') {
      const url = new URL(message.url);
      // A few hundred at a time: the server authenticates each stream (two reads) before it opens.
      for (let start = 0; start < message.tokens.length; start += 200) {
        const batch = message.tokens.slice(start, start + 200);
        devices.push(...(await Promise.all(batch.map((token) => open(url, token)))));
      }
      const live = devices.filter((d) => d.connected && !d.ended).length;
      process.send?.({ kind: 'opened', live } satisfies DevicesReport);
    } else if (message.kind === 'report') {
      const report: DevicesReport = {
        kind: 'report',
        live: devices.filter((d) => d.connected && !d.ended).length,
        signals: devices.map((d) => d.signals),
      };
      process.send?.(report);
    } else {
      for (const device of devices) device.request.destroy();
      process.disconnect?.();
      setTimeout(() => process.exit(0), 100).unref();
    }
  })();
});
