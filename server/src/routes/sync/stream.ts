import { STREAM_RESYNC } from '@shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { authenticateStream } from '../../http/authenticate.js';
import { parseCollection } from './schema.js';

/**
 * GET /api/sync/:collection/stream: Server-Sent Events, `data: RESYNC` whenever the collection changes, on any
 * instance, in a way the caller's pull would return (the hub judges each change with the shared pull filter, so a
 * technician hears nothing of tickets outside their groups nor of security incidents). The token comes in the
 * Authorization header only (clients read the stream with fetch).
 */
export function registerStreamRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/sync/:collection/stream', async (request, reply) => {
    const caller = await authenticateStream(request, ctx);
    const collection = parseCollection(request.params);
    // HEAD (routed here with GET): the headers of a stream, without holding a connection open that sends nothing.
    if (request.method === 'HEAD') return reply.code(200).type('text/event-stream; charset=utf-8').send();
    let unsubscribe = (): void => undefined;
    // A quiet collection sends nothing to check the token against: a signed-out or expired token would keep its
    // stream open. Checked on a clock as well (never more often than each second).
    const watch = setInterval(() => void recheck().then((valid) => valid || stream.close()), Math.max(1000, ctx.streamRecheckMs));
    watch.unref();
    const stream = ctx.streams.openStream(reply, () => {
      clearInterval(watch);
      unsubscribe();
    });
    // A hint carries no content, and a busy collection changes many times a second: the caller's token is checked
    // again at most every `streamRecheckMs`, and a stream whose token no longer holds is ended instead of served.
    let checkedAt = Date.now();
    let checking: Promise<boolean> | null = null;
    const recheck = (): Promise<boolean> =>
      (checking ??= caller.stillValid().finally(() => {
        checkedAt = Date.now();
        checking = null;
      }));
    unsubscribe = ctx.hub.subscribe(collection, {
      actor: caller.actor,
      onChange: () => {
        if (checking === null && Date.now() - checkedAt >= ctx.streamRecheckMs) void recheck();
        void (checking ?? Promise.resolve(true)).then((valid) => (valid ? stream.send(STREAM_RESYNC) : stream.close()));
      },
      // The stream is filtered with the rights the token carries: once they change the token no longer holds, and the
      // client reconnects with a fresh one and pulls what its new rights add. A check already under way may predate
      // the change, hence a fresh one.
      onAccessChange: () => {
        void caller.stillValid().then((valid) => valid || stream.close());
      },
    });
    return reply;
  });
}
