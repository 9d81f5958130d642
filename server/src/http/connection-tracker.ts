import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Tracks which connections are serving a request, so shutdown can drop the idle ones at once (including fresh
 * connections that never sent a request, which Node's closeIdleConnections leaves open until the client's
 * keep-alive timeout) while requests in flight finish and then close their connection.
 */
export function trackConnections(server: Server): { closeIdle(): void } {
  const sockets = new Set<Socket>();
  const busy = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (request: { socket: Socket }, response: { on(event: 'close', listener: () => void): void }) => {
    const socket = request.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.on('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) return void busy.set(socket, left);
      busy.delete(socket);
      if (closing) socket.destroySoon();
    });
  });
  return {
    closeIdle() {
      closing = true;
      for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
    },
  };
}
