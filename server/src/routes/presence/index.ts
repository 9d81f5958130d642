import { canSeeTicket, type Actor, type Ticket } from '@shared';
import { PRESENCE_STATES } from '@shared/sync/presence.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { forbidden, notFound } from '../../http/api-error.js';
import { authenticate, authenticateStream } from '../../http/authenticate.js';
import { parseRequest } from '../../http/validate.js';
import { findUserById } from '../../db/queries/directory.js';
import { loadDocuments } from '../../db/queries/documents.js';

const heartbeatBody = z.strictObject({
  ticketId: z.string().min(1).max(100),
  state: z.enum([...PRESENCE_STATES, 'left']),
});

/** The ticket, when it exists and the actor may see it: 404 and 403 otherwise, so presence leaks nothing. */
async function visibleTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<Ticket> {
  const stored = (await loadDocuments(ctx.db, 'tickets', [ticketId])).get(ticketId);
  if (!stored || stored.deleted) throw notFound(`Ticket "${ticketId}" does not exist.`);
  const ticket = stored.data as unknown as Ticket;
  if (!canSeeTicket(actor, ticket)) throw forbidden(`You cannot see ticket "${ticketId}", so you cannot see who has it open.`);
  return ticket;
}

/**
 * Live presence on a ticket, held in memory and shared between instances (nothing is stored):
 * POST /api/presence {ticketId, state} is the heartbeat (204); GET /api/presence/:ticketId/stream is an SSE stream
 * of PresenceSnapshot JSON, the current list first.
 */
export function registerPresenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/presence', async (request, reply) => {
    const actor = await authenticate(request, ctx);
    const body = parseRequest(heartbeatBody, request.body, 'presence heartbeat');
    await visibleTicket(ctx, actor, body.ticketId);
    const user = await findUserById(ctx.db, actor.id);
    const name = typeof user?.name === 'string' ? user.name : actor.id;
    await ctx.presence.announce(body.ticketId, actor.id, name, body.state);
    return reply.code(204).send();
  });

  app.get('/api/presence/:ticketId/stream', async (request, reply) => {
    const caller = await authenticateStream(request, ctx);
    const ticketId = (request.params as { ticketId?: string }).ticketId ?? '';
    await visibleTicket(ctx, caller.actor, ticketId);
    if (request.method === 'HEAD') return reply.code(200).type('text/event-stream; charset=utf-8').send();
    let unsubscribe = (): void => undefined;
    const stream = ctx.streams.openStream(reply, () => unsubscribe());
    // Who has a ticket open is about the ticket: each snapshot goes out only while the caller's token holds and they
    // may still see the ticket (reassigned away, reclassified as security, signed out: the stream ends). In order.
    let delivered = Promise.resolve();
    const mayStillSee = async (): Promise<boolean> =>
      (await caller.stillValid()) &&
      visibleTicket(ctx, caller.actor, ticketId).then(
        () => true,
        () => false,
      );
    unsubscribe = ctx.presence.subscribe(ticketId, (snapshot) => {
      delivered = delivered.then(async () => ((await mayStillSee()) ? stream.send(JSON.stringify(snapshot)) : stream.close()));
    });
    return reply;
  });
}
