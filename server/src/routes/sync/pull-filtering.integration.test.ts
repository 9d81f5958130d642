import { canSeeTicket, type Actor, type Ticket } from '@shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

const tech: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('per-user pull filtering', backend), () => {
    const env = useTestServers(backend, { tickets: 80 });
    const tickets = {
      fieldGroup: makeTicket({ groupId: 'grp-field' }),
      assignedToTech: makeTicket({ groupId: 'grp-network', assigneeId: 'usr-tech' }),
      otherGroup: makeTicket({ groupId: 'grp-network', assigneeId: 'usr-0008' }),
      security: makeTicket({
        groupId: 'grp-security',
        assigneeId: 'usr-0013',
        security: true,
        categoryId: 'cat-security-phishing',
      }),
      securityForTech: makeTicket({ groupId: 'grp-field', assigneeId: 'usr-tech', security: true }),
    };
    const events = {
      fieldGroup: makeEvent(tickets.fieldGroup.id, 'usr-admin'),
      otherGroup: makeEvent(tickets.otherGroup.id, 'usr-admin'),
      security: makeEvent(tickets.security.id, 'usr-admin'),
    };
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      const { api } = env();
      for (const [who, email] of [
        ['agent', DEMO_USERS.agent.email],
        ['tech', DEMO_USERS.technician.email],
        ['supervisor', DEMO_USERS.supervisor.email],
        ['admin', DEMO_USERS.admin.email],
        ['securityAgent', 'maya.singh@example.org'],
      ]) {
        tokens[who] = (await api.login(email)).accessToken;
      }
      // As stored: the server numbers each new ticket and names the admin as its writer.
      const stored = await api.create(tokens.admin, 'tickets', Object.values(tickets));
      Object.keys(tickets).forEach((name, i) => Object.assign(tickets, { [name]: stored[i] }));
      const pushE = await api.push(
        tokens.admin,
        'ticket_events',
        Object.values(events).map((newDocumentState) => ({ newDocumentState })),
      );
      expect(pushE.body).toEqual([]);
    });

    const pullIds = async (who: string, collection: string): Promise<Map<string, Doc>> =>
      (await env().api.pullAll(tokens[who], collection, null, 50)).docs;

    it('gives a technician only own and group tickets, never security tickets', async () => {
      const docs = await pullIds('tech', 'tickets');
      expect(docs.has(tickets.fieldGroup.id)).toBe(true);
      expect(docs.has(tickets.assignedToTech.id)).toBe(true);
      expect(docs.has(tickets.otherGroup.id)).toBe(false);
      expect(docs.has(tickets.security.id)).toBe(false);
      expect(docs.has(tickets.securityForTech.id)).toBe(false);
      for (const doc of docs.values()) expect(canSeeTicket(tech, doc as unknown as Ticket)).toBe(true);
      const everything = await pullIds('supervisor', 'tickets');
      const visible = [...everything.values()].filter((doc) => canSeeTicket(tech, doc as unknown as Ticket));
      expect(docs.size).toBe(visible.length);
      expect(docs.size).toBeGreaterThan(2);
    });

    it('gives a technician only the events of tickets they can see', async () => {
      const docs = await pullIds('tech', 'ticket_events');
      expect(docs.has(events.fieldGroup.id)).toBe(true);
      expect(docs.has(events.otherGroup.id)).toBe(false);
      expect(docs.has(events.security.id)).toBe(false);
      const visibleTickets = await pullIds('tech', 'tickets');
      for (const doc of docs.values()) expect(visibleTickets.has(String(doc.ticketId))).toBe(true);
    });

    it('gives an agent every ticket but security ones, unless the agent is in the security group', async () => {
      const agent = await pullIds('agent', 'tickets');
      expect(agent.has(tickets.otherGroup.id)).toBe(true);
      expect(agent.has(tickets.security.id)).toBe(false);
      expect(agent.has(tickets.securityForTech.id)).toBe(false);
      expect([...agent.values()].some((doc) => doc.security === true)).toBe(false);
      const agentEvents = await pullIds('agent', 'ticket_events');
      expect(agentEvents.has(events.otherGroup.id)).toBe(true);
      expect(agentEvents.has(events.security.id)).toBe(false);

      const securityAgent = await pullIds('securityAgent', 'tickets');
      expect(securityAgent.has(tickets.security.id)).toBe(true);
      expect(securityAgent.has(tickets.securityForTech.id)).toBe(true);
      expect((await pullIds('securityAgent', 'ticket_events')).has(events.security.id)).toBe(true);
    });

    it('gives a supervisor everything', async () => {
      const supervisor = await pullIds('supervisor', 'tickets');
      for (const ticket of Object.values(tickets)) expect(supervisor.get(ticket.id)).toEqual(ticket);
      const supervisorEvents = await pullIds('supervisor', 'ticket_events');
      for (const event of Object.values(events)) expect(supervisorEvents.has(event.id)).toBe(true);
      const count = await env().server.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sync_documents WHERE collection = 'tickets'`,
      );
      expect(supervisor.size).toBe(Number(count[0].n));
    });

    it('gives nothing where the policy says none (survey responses for technicians)', async () => {
      const response = await env().api.pull(tokens.tech, 'survey_responses');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ documents: [], checkpoint: null });
    });

    it('sends a ticket and its history to a technician who can newly see it', async () => {
      const { api } = env();
      const ticketCheckpoint = (await api.pullAll(tokens.tech, 'tickets')).checkpoint;
      const eventCheckpoint = (await api.pullAll(tokens.tech, 'ticket_events')).checkpoint;
      const reassigned = { ...tickets.otherGroup, assigneeId: 'usr-tech' };
      const response = await api.push(tokens.admin, 'tickets', [
        { assumedMasterState: tickets.otherGroup, newDocumentState: reassigned },
      ]);
      expect(response.body).toEqual([]);
      const newTickets = await api.pullAll(tokens.tech, 'tickets', ticketCheckpoint);
      expect([...newTickets.docs.keys()]).toEqual([reassigned.id]);
      const newEvents = await api.pullAll(tokens.tech, 'ticket_events', eventCheckpoint);
      expect([...newEvents.docs.keys()]).toEqual([events.otherGroup.id]);
    });
  });
});
