/**
 * Entry of one simulated client process (RxDB allows 13 open collections per JS process, and a desk database
 * has 7, so every client runs in its own process). Driven over the IPC channel by `ClientHandle`.
 */
import { SimClient } from './sim-client.js';
import type { SimClientConfig } from './types.js';

type Request =
  | { id: number; type: 'start'; config: SimClientConfig }
  | { id: number; type: 'run'; count: number }
  | { id: number; type: 'settle'; timeoutMs: number }
  | { id: number; type: 'setOnline'; online: boolean }
  | { id: number; type: 'snapshot' }
  | { id: number; type: 'records' }
  | { id: number; type: 'close' };

let client: SimClient | undefined;

function need(): SimClient {
  if (!client) throw new Error('client not started');
  return client;
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'start':
      client = new SimClient(request.config);
      return client.start();
    case 'run':
      return need().run(request.count);
    case 'settle':
      return need().settle(request.timeoutMs);
    case 'setOnline':
      need().setOnline(request.online);
      return null;
    case 'snapshot':
      return need().snapshot();
    case 'records':
      return need().recordsSoFar();
    case 'close':
      await client?.close();
      return null;
  }
}

process.on('message', (message: Request) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      }),
  );
});
process.on('disconnect', () => process.exit(0));
