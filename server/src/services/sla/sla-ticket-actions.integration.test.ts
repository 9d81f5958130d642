import {
  CALENDAR_TEMPLATES,
  SLA_POLICY_TEMPLATES,
  SYSTEM_AUTHOR_ID,
  parseFieldChange,
  parseSlaAction,
  type Ticket,
  type TicketEvent,
} from '@shared';
import { buildSlaPolicy, buildSettingDoc } from '@shared/testing/build-sla.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocuments } from '../../db/queries/documents.js';
import { slaDueOfTickets } from '../../db/queries/sla-due.js';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { runSlaSchedulerPass } from './sla-scheduler.js';

const backends = await testBackends();
const MIN = 60_000;

/** Incidents around the clock: at half the target the priority goes up a step; at 75 % the network group takes it. */
const ESCALATING = buildSlaPolicy({
  id: 'sla-escalating-test',
  name: 'Escalating incidents (test)',
  condition: { types: ['incident'] },
  calendarId: 'cal-24x7',
  firstResponseMinutes: 120,
  resolutionMinutes: 600,
  thresholds: [
    { percent: 50, actions: ['raise_priority'] },
    { percent: 75, actions: ['reassign'], groupId: 'grp-network' },
  ],
  actionsInBusinessHoursOnly: false,
});

const setting = (kind: 'sla_policy' | 'sla_calendar', data: object & { id: string }) =>
  buildSettingDoc(kind, data, DEMO_USERS.admin.id);

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('SLA thresholds that change the ticket', backend), () => {
    // Two instances share one PostgreSQL database; PGlite is single-process, so one instance there.
    const env = useTestServers(backend, {
      instances: backend.name === 'postgres' ? 2 : 1,
      server: { slaSchedulerMs: 0 },
    });
    const tokens: Record<string, string> = {};
    const db = () => env().server.db;
    const stored = async (id: string): Promise<Ticket> =>
      (await loadDocuments(db(), 'tickets', [id])).get(id)?.data as unknown as Ticket;
    const historyOf = async (ticketId: string): Promise<TicketEvent[]> =>
      (
        await db().query<{ data: TicketEvent }>(
          `SELECT data FROM sync_documents WHERE collection = 'ticket_events' AND ticket_id = $1`,
          [ticketId],
        )
      ).map((r) => r.data);
    const fallDue = (ticketId: string, clock: string, percent: number) =>
      db().query(`UPDATE sla_due SET due_at = now() - interval '1 second' WHERE ticket_id = $1 AND clock = $2 AND percent = $3`, [
        ticketId,
        clock,
        percent,
      ]);
    /** Every instance runs passes at once, several times over, as their timers would. */
    const racingPasses = async (batch = 1): Promise<number> =>
      (
        await Promise.all(
          env().servers.flatMap((s, n) => [1, 2, 3].map((k) => runSlaSchedulerPass(s.db, `instance-${n}-${k}`, batch))),
        )
      ).reduce((a, b) => a + b, 0);

    beforeAll(async () => {
      const { api } = env();
      tokens.admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      tokens.technician = (await api.login(DEMO_USERS.technician.email)).accessToken;
      tokens.network = (await api.login('samuel.lavoie@example.org')).accessToken;
      const retired = SLA_POLICY_TEMPLATES.map((policy) => ({ ...setting('sla_policy', policy), _deleted: true }));
      await db().transaction((tx) => writeServerDocuments(tx, 'settings', retired));
      const pushed = await api.push(tokens.admin, 'settings', [
        { newDocumentState: setting('sla_calendar', CALENDAR_TEMPLATES[0]) },
        { newDocumentState: setting('sla_policy', ESCALATING) },
      ]);
      expect(pushed.status).toBe(200);
    });

    it('a threshold that only changes the ticket is stored though nobody is told', async () => {
      const [ticket] = await env().api.create(tokens.technician, 'tickets', [
        makeTicket({ assigneeId: DEMO_USERS.technician.id, createdAt: Date.now() - 5 * MIN, updatedAt: Date.now() - 5 * MIN }),
      ]);
      const rows = await slaDueOfTickets(db(), [ticket.id]);
      expect(rows.map((r) => `${r.clock}/${r.percent}`).sort()).toEqual([
        'first_response/50',
        'first_response/75',
        'resolution/50',
        'resolution/75',
      ]);
      expect(rows.every((r) => r.recipient === '')).toBe(true);
    });

    it('raise_priority fires once whatever the passes, one step, as a ticket write and history entries', async () => {
      const [ticket] = await env().api.create(tokens.technician, 'tickets', [
        makeTicket({ impact: 3, urgency: 3, assigneeId: DEMO_USERS.technician.id, createdAt: Date.now() - 5 * MIN }),
      ]);
      const before = await stored(ticket.id);
      const since = (await env().api.pull(tokens.technician, 'tickets')).body.checkpoint?.seq ?? 0;
      await fallDue(ticket.id, 'resolution', 50);
      expect(await racingPasses()).toBe(1);
      expect(await racingPasses()).toBe(0);
      const after = await stored(ticket.id);
      expect(after.priority).toBe(before.priority - 1);
      expect(after).toMatchObject({ updatedBy: SYSTEM_AUTHOR_ID, impact: 3, urgency: 3 });
      expect(after.priorityOverrideReason).toContain('resolution clock reached 50 %');
      const history = await historyOf(ticket.id);
      const actions = history.filter((e) => e.kind === 'sla_action');
      expect(actions).toHaveLength(1);
      expect(parseSlaAction(actions[0])).toEqual({ clock: 'resolution', percent: 50, notified: 0, raisedTo: after.priority });
      const changes = history.filter((e) => e.kind === 'field_change').map(parseFieldChange);
      expect(changes).toEqual([{ field: 'priority', from: String(before.priority), to: String(after.priority) }]);
      // The ticket's devices receive the change like any other write.
      const pulled = await env().api.pull(tokens.technician, 'tickets', since);
      expect(pulled.body.documents.find((d) => d.id === ticket.id)).toMatchObject({ priority: after.priority });
      // Firing the other clock's half-way mark raises it one more step, and only one.
      await fallDue(ticket.id, 'first_response', 50);
      expect(await racingPasses()).toBe(1);
      expect((await stored(ticket.id)).priority).toBe(before.priority - 2);
    });

    it('reassign hands the ticket to the group once; its new group receives it with its history, the old one lets go', async () => {
      const [ticket] = await env().api.create(tokens.technician, 'tickets', [
        makeTicket({ assigneeId: DEMO_USERS.technician.id, createdAt: Date.now() - 5 * MIN }),
      ]);
      const techSince = (await env().api.pull(tokens.technician, 'tickets')).body.checkpoint?.seq ?? 0;
      const networkSince = (await env().api.pull(tokens.network, 'tickets')).body.checkpoint?.seq ?? 0;
      expect((await env().api.pull(tokens.network, 'tickets', networkSince)).body.documents).toEqual([]);
      await fallDue(ticket.id, 'resolution', 75);
      await fallDue(ticket.id, 'first_response', 75);
      // Two thresholds of one ticket fired together: the second finds it already there and changes nothing.
      expect(await racingPasses(10)).toBe(2);
      expect(await racingPasses()).toBe(0);
      expect(await stored(ticket.id)).toMatchObject({ groupId: 'grp-network', assigneeId: '', status: 'new' });
      const history = await historyOf(ticket.id);
      expect(history.filter((e) => e.kind === 'escalation').map((e) => [e.fromValue, e.toValue, e.authorId])).toEqual([
        ['grp-field', 'grp-network', SYSTEM_AUTHOR_ID],
      ]);
      expect(history.filter((e) => e.kind === 'assignment').map((e) => e.toValue)).toEqual(['']);
      const records = history.map(parseSlaAction).filter((r) => r !== null);
      expect(records.filter((r) => r.reassignedTo === 'grp-network')).toHaveLength(1);
      expect(records).toHaveLength(2);
      // The network technician now pulls the ticket and its history; the field technician gets the tombstone.
      const gained = await env().api.pull(tokens.network, 'tickets', networkSince);
      expect(gained.body.documents.find((d) => d.id === ticket.id)).toMatchObject({ groupId: 'grp-network' });
      const gainedEvents = await env().api.pull(tokens.network, 'ticket_events', 0, 1000);
      expect(gainedEvents.body.documents.filter((d) => d.ticketId === ticket.id).length).toBe(history.length);
      const lost = await env().api.pull(tokens.technician, 'tickets', techSince);
      expect(lost.body.documents.find((d) => d.id === ticket.id)).toMatchObject({ _deleted: true });
      // The ticket's actions follow it: re-planned under its new state, the fired ones kept as history.
      const rows = await slaDueOfTickets(db(), [ticket.id]);
      expect(
        rows
          .filter((r) => r.firedAt !== null)
          .map((r) => `${r.clock}/${r.percent}`)
          .sort(),
      ).toEqual(['first_response/75', 'resolution/75']);
    });

    it('a policy that reassigns without naming the group is refused with its code, and nothing is stored', async () => {
      const bad = { ...ESCALATING, id: 'sla-bad-reassign', thresholds: [{ percent: 75, actions: ['reassign'] }] };
      const pushed = await env().api.push(tokens.admin, 'settings', [{ newDocumentState: setting('sla_policy', bad) }]);
      expect(pushed.status).toBe(422);
      expect(JSON.stringify(pushed.body)).toContain('sla.policy.reassign_group_required');
      expect((await loadDocuments(db(), 'settings', [bad.id])).has(bad.id)).toBe(false);
    });

    it('a calendar whose new version lists an exception day far ahead or twice is refused with its code, nothing stored', async () => {
      const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
      const calendar = (exceptions: { date: string; hours: never[]; reason: string }[]) => ({
        id: 'cal-exceptions-test',
        name: 'Exceptions (test)',
        versions: [{ ...CALENDAR_TEMPLATES[0].versions[0], effectiveFrom: Date.now() + 86_400_000, exceptions }],
      });
      const hostile = calendar([
        { date: day(10), hours: [], reason: 'Closed' },
        { date: day(10), hours: [], reason: 'Twice' },
        { date: '9999-12-31', hours: [], reason: '<script>alert(1)</script>' },
      ]);
      const refused = await env().api.push(tokens.admin, 'settings', [{ newDocumentState: setting('sla_calendar', hostile) }]);
      expect(refused.status).toBe(422);
      const codes = JSON.stringify(refused.body);
      expect(codes).toContain('sla.calendar.duplicate_exception');
      expect(codes).toContain('sla.calendar.exception_too_far');
      expect((await loadDocuments(db(), 'settings', [hostile.id])).has(hostile.id)).toBe(false);
      const fine = calendar([{ date: day(10), hours: [], reason: 'Closed' }]);
      const stored = await env().api.push(tokens.admin, 'settings', [{ newDocumentState: setting('sla_calendar', fine) }]);
      expect(stored.status).toBe(200);
    });
  });
});
