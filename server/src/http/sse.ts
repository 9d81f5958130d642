import { STREAM_HEARTBEAT_MS } from '@shared';
import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';

/** An open Server-Sent Events response. */
export interface SseStream {
  send(data: string): void;
  /** Ends the stream; `shutdown` also closes the connection. */
  close(shutdown?: boolean): void;
}

/** Keeps track of open event streams so the server can end them when it shuts down. */
export class SseRegistry {
  private readonly open = new Set<SseStream>();

  /**
   * Takes over the response and opens an event stream: comment heartbeats every 15 s; `onClose` runs once
   * when the client goes away or the server closes the stream.
   */
  openStream(reply: FastifyReply, onClose: () => void): SseStream {
    reply.hijack();
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
    reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 2000\n: connected\n\n');
    let closed = false;
    const heartbeat = setInterval(() => reply.raw.write(': heartbeat\n\n'), STREAM_HEARTBEAT_MS);
    const stream: SseStream = {
      send: (data) => {
        if (!closed) reply.raw.write(`data: ${data}\n\n`);
      },
      close: (shutdown = false) => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        this.open.delete(stream);
        onClose();
        reply.raw.end();
        // On shutdown, also drop the connection: otherwise the server waits for the client's keep-alive timeout.
        if (shutdown) reply.raw.socket?.destroySoon();
      },
    };
    this.open.add(stream);
    // The response's close event fires when the client disconnects (the request's fires once its body is read).
    reply.raw.on('close', () => stream.close());
    return stream;
  }

  closeAll(): void {
    for (const stream of [...this.open]) stream.close(true);
  }

  get size(): number {
    return this.open.size;
  }
}
