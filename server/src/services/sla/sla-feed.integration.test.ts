import { CALENDAR_TEMPLATES, SLA_POLICY_TEMPLATES, type BusinessCalendar, type SlaPolicy, type Ticket } from '@shared';
import { buildSlaPolicy, buildSettingDoc } from '@shared/testing/build-sla.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeSupervisors } from '../../db/queries/directory.js';
import { listQueuedMail } from '../../db/queries/mail-outbox.js';
import { slaDueOfTickets } from '../../db/queries/sla-due.js';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { runSlaSchedulerPass } from './sla-scheduler.js';

const backends = await testBackends();
const MIN = 60_000;
const HOUR = 60 * MIN;

/** Priority-1 incidents, around the clock: 2 h to first response, 10 h to resolution, warn at 50 %, breach at 100 %. */
const P1_POLICY = buildSlaPolicy({
  id: 'sla-p1-test',
  name: 'P1 incidents (test)',
  condition: { types: ['incident'], priorities: [1] },
  calendarId: 'cal-24x7',
  firstResponseMinutes: 120,
  resolutionMinutes: 600,
  thresholds: [
    { percent: 50, actions: ['notify_assignee'] },
    { percent: 100, actions: ['notify_assignee', 'notify_supervisor'] },
  ],
  actionsInBusinessHoursOnly: false,
});

const setting = (kind: 'sla_policy' | 'sla_calendar', data: object & { id: string }) =>
  buildSettingDoc(kind, data, DEMO_USERS.admin.id);

/** A P1 incident assigned to the demo technician, created `ago` ms before now. */
const p1Incident = (ago: number, overrides: Partial<Ticket> = {}) =>
  makeTicket({
    impact: 1,
    urgency: 1,
    groupId: 'grp-field',
    assigneeId: DEMO_USERS.technician.id,
    createdAt: Date.now() - ago,
    updatedAt: Date.now() - ago,
    ...overrides,
  });

/** A status change by the technician at a device time. */
const statusEvent = (ticketId: string, toValue: string, occurredAt: number, body = '') =>
  makeEvent(ticketId, DEMO_USERS.technician.id, { kind: 'status_change', toValue, occurredAt, body });

const dueOf = (rows: { clock: string; percent: number; dueAt: number; firedAt: number | null }[]) =>
  Object.fromEntries(rows.filter((r) => r.firedAt === null).map((r) => [`${r.clock}/${r.percent}`, r.dueAt]));

/** Times go through timestamptz (microseconds): equal to the millisecond, give or take rounding. */
const expectTimes = (actual: Record<string, number>, expected: Record<string, number>, toleranceMs = 1): void => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, at] of Object.entries(expected))
    expect(Math.abs((actual[key] ?? 0) - at), key).toBeLessThanOrEqual(toleranceMs);
};

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('SLA due times follow pushed tickets', backend), () => {
    // The test runs each scheduler pass itself, with due times moved into the past: no timer.
    const env = useTestServers(backend, { server: { slaSchedulerMs: 0 } });
    const tokens: Record<string, string> = {};
    const due = async (ticketId: string) => slaDueOfTickets(env().server.db, [ticketId]);

    beforeAll(async () => {
      const { api } = env();
      tokens.admin = (await api.login(DEMO_USERS.admin.email)).accessToken;
      tokens.technician = (await api.login(DEMO_USERS.technician.email)).accessToken;
      // The demo seeds the shipped Gold / Silver / Bronze policies; this suite names its own, so it retires them.
      const retired = SLA_POLICY_TEMPLATES.map((policy) => ({ ...setting('sla_policy', policy), _deleted: true }));
      await env().server.db.transaction((tx) => writeServerDocuments(tx, 'settings', retired));
      const pushed = await api.push(tokens.admin, 'settings', [
        { newDocumentState: setting('sla_calendar', CALENDAR_TEMPLATES[0]) },
        { newDocumentState: setting('sla_policy', P1_POLICY) },
      ]);
      expect(pushed.status).toBe(200);
    });

    it('a pushed P1 incident gets the due time of each threshold of each clock, addressed to who the policy names', async () => {
      // As stored: the server numbers it, and the actions' subjects quote that number.
      const [ticket] = await env().api.create(tokens.admin, 'tickets', [p1Incident(10 * MIN)]);
      const rows = await due(ticket.id);
      const t0 = ticket.createdAt;
      expectTimes(dueOf(rows), {
        'first_response/50': t0 + 60 * MIN,
        'first_response/100': t0 + 120 * MIN,
        'resolution/50': t0 + 300 * MIN,
        'resolution/100': t0 + 600 * MIN,
      });
      const warning = rows.find((r) => r.clock === 'resolution' && r.percent === 50);
      expect(warning?.recipient).toBe(DEMO_USERS.technician.email);
      expect(warning?.subject).toContain(`SLA warning (50 %): ${ticket.number} resolution`);
      const breach = rows.find((r) => r.clock === 'resolution' && r.percent === 100);
      // A supervisor: the supervisors of the ticket's group are told (every supervisor if the group has none).
      const leads = (await activeSupervisors(env().server.db)).filter((s) => (s.groupIds as string[]).includes('grp-field'));
      expect(leads.length).toBeGreaterThan(0);
      expect(breach?.recipient.split(', ')).toEqual([DEMO_USERS.technician.email, ...leads.map((s) => String(s.email))].sort());
      expect(breach?.subject).toContain('SLA breached');

      // When the breach falls due, each person gets a message of their own; none is held as a list of addresses.
      await env().server.db.query(
        `UPDATE sla_due SET due_at = now() - interval '1 second' WHERE ticket_id = $1 AND clock = 'resolution' AND percent = 100`,
        [ticket.id],
      );
      expect(await runSlaSchedulerPass(env().server.db, 'test-instance')).toBe(1);
      const sent = (await listQueuedMail(env().server.db, { ticketId: ticket.id })).filter((m) => m.kind === 'sla-warning');
      expect(sent.map((m) => m.to).sort()).toEqual(breach?.recipient.split(', '));
      expect(sent.filter((m) => m.heldReason)).toEqual([]);
    });

    it('a pending-customer pause removes the unfired actions, and the resume moves them later by the pause', async () => {
      const ticket = p1Incident(30 * MIN);
      const t0 = ticket.createdAt;
      expect((await env().api.push(tokens.admin, 'tickets', [{ newDocumentState: ticket }])).status).toBe(200);
      const before = dueOf(await due(ticket.id));
      const pending = statusEvent(ticket.id, 'pending', t0 + 5 * MIN, 'customer');
      expect((await env().api.push(tokens.technician, 'ticket_events', [{ newDocumentState: pending }])).status).toBe(200);
      // Paused: nothing may fire. The technician's status change was also the first response: that clock is met.
      expect(dueOf(await due(ticket.id))).toEqual({});
      const resumed = statusEvent(ticket.id, 'in_progress', t0 + 20 * MIN);
      expect((await env().api.push(tokens.technician, 'ticket_events', [{ newDocumentState: resumed }])).status).toBe(200);
      expectTimes(dueOf(await due(ticket.id)), {
        'resolution/50': (before['resolution/50'] ?? 0) + 15 * MIN,
        'resolution/100': (before['resolution/100'] ?? 0) + 15 * MIN,
      });
    });

    it('fires an action once: a later write never re-arms it, and resolution cancels the unfired rest', async () => {
      const { api, server } = env();
      const [ticket] = await api.create(tokens.admin, 'tickets', [p1Incident(10 * MIN)]);
      // Time passes: the resolution warning falls due.
      await server.db.query(
        `UPDATE sla_due SET due_at = now() - interval '1 second' WHERE ticket_id = $1 AND clock = 'resolution' AND percent = 50`,
        [ticket.id],
      );
      expect(await runSlaSchedulerPass(server.db, 'test-instance')).toBe(1);
      const slaMail = async () =>
        (await listQueuedMail(server.db, { ticketId: ticket.id })).filter((m) => m.kind === 'sla-warning');
      const mail = await slaMail();
      expect(mail.map((m) => m.to)).toEqual([DEMO_USERS.technician.email]);
      expect(mail[0]?.subject).toContain(`SLA warning (50 %): ${ticket.number} resolution`);
      const fired = (await due(ticket.id)).find((r) => r.clock === 'resolution' && r.percent === 50);
      expect(fired?.firedAt).not.toBeNull();

      // A work note recomputes the clocks (the warning's predicted time is hours away again): the fired row stays fired.
      const note = makeEvent(ticket.id, DEMO_USERS.technician.id, { kind: 'worklog', occurredAt: Date.now() - MIN, minutes: 5 });
      expect((await api.push(tokens.technician, 'ticket_events', [{ newDocumentState: note }])).status).toBe(200);
      expect((await due(ticket.id)).find((r) => r.clock === 'resolution' && r.percent === 50)).toEqual(fired);
      expect(await runSlaSchedulerPass(server.db, 'test-instance')).toBe(0);
      expect(await slaMail()).toHaveLength(1);

      const resolved = { ...ticket, status: 'resolved' as const, resolutionCode: 'fixed' as const, resolutionNotes: 'Replaced.' };
      const push = await api.push(tokens.admin, 'tickets', [{ assumedMasterState: ticket, newDocumentState: resolved }]);
      expect(push.status).toBe(200);
      const after = await due(ticket.id);
      expect(after.filter((r) => r.firedAt === null)).toEqual([]);
      expect(after).toEqual([fired]);
    });

    it("an offline technician's steps count at the device's time, bounded by the ticket's creation and the server's receipt", async () => {
      const { api } = env();
      // Created three hours ago; paused from 30 to 90 minutes after creation, all pushed only now.
      const offline = p1Incident(3 * HOUR);
      const t0 = offline.createdAt;
      expect((await api.push(tokens.admin, 'tickets', [{ newDocumentState: offline }])).status).toBe(200);
      const steps = [
        statusEvent(offline.id, 'pending', t0 + 30 * MIN, 'customer'),
        statusEvent(offline.id, 'in_progress', t0 + 90 * MIN),
      ];
      expect(
        (
          await api.push(
            tokens.technician,
            'ticket_events',
            steps.map((newDocumentState) => ({ newDocumentState })),
          )
        ).status,
      ).toBe(200);
      expectTimes(dueOf(await due(offline.id)), { 'resolution/50': t0 + 360 * MIN, 'resolution/100': t0 + 660 * MIN });

      // A device clock that is off: a pause "before" the ticket existed starts at its creation, and a resume dated
      // tomorrow counts when the server received it.
      const skewed = p1Incident(3 * HOUR);
      const s0 = skewed.createdAt;
      expect((await api.push(tokens.admin, 'tickets', [{ newDocumentState: skewed }])).status).toBe(200);
      const early = statusEvent(skewed.id, 'pending', s0 - 2 * HOUR, 'customer');
      const late = statusEvent(skewed.id, 'in_progress', Date.now() + 24 * HOUR);
      const sentAt = Date.now();
      const pushed = await api.push(
        tokens.technician,
        'ticket_events',
        [early, late].map((newDocumentState) => ({ newDocumentState })),
      );
      expect(pushed.status).toBe(200);
      const receivedAt = await env().server.db.query<{ ms: string | number }>(
        `SELECT (extract(epoch FROM server_time) * 1000)::bigint AS ms FROM sync_documents WHERE collection = 'ticket_events' AND id = $1`,
        [late.id],
      );
      const resumedAt = Number(receivedAt[0]?.ms);
      expect(resumedAt).toBeGreaterThanOrEqual(sentAt - 1000);
      // Paused from creation until receipt: the whole resolution target is still ahead from the resume.
      expectTimes(dueOf(await due(skewed.id)), {
        'resolution/50': resumedAt + 300 * MIN,
        'resolution/100': resumedAt + 600 * MIN,
      });
    });

    it('refuses a calendar push that rewrites a version in effect, and takes one that adds a future version', async () => {
      const { api } = env();
      const stored = (await api.pullAll(tokens.admin, 'settings')).docs.get(CALENDAR_TEMPLATES[0].id) as unknown as ReturnType<
        typeof setting
      >;
      const calendar = stored.data as unknown as BusinessCalendar;
      const edit = (versions: BusinessCalendar['versions']) => ({
        ...stored,
        data: { ...calendar, versions },
        updatedAt: Date.now(),
      });
      const v0 = calendar.versions[0];
      const rewrite = await api.push(tokens.admin, 'settings', [
        { assumedMasterState: stored, newDocumentState: edit([{ ...v0, timeZone: 'America/Toronto' }]) },
      ]);
      expect(rewrite.status).toBe(422);
      expect(JSON.stringify(rewrite.body)).toContain('versions already in effect');
      expect((await api.pullAll(tokens.admin, 'settings')).docs.get(stored.id)).toEqual(stored);
      const next = { ...v0, effectiveFrom: Date.now() + 86_400_000, timeZone: 'America/Toronto' };
      const added = await api.push(tokens.admin, 'settings', [
        { assumedMasterState: stored, newDocumentState: edit([v0, next]) },
      ]);
      expect(added.status, JSON.stringify(added.body)).toBe(200);
    });

    it('a ticket no policy matches, or whose policy is broken, gets no SLA rows and its push succeeds', async () => {
      const { api, server } = env();
      // A stored policy that no longer passes the rules (negative target), e.g. written before a rule existed.
      const brokenPolicy: SlaPolicy = {
        ...P1_POLICY,
        id: 'sla-p2-broken',
        condition: { priorities: [2] },
        resolutionMinutes: -5,
      };
      const broken = setting('sla_policy', brokenPolicy);
      await server.db.transaction((tx) => writeServerDocuments(tx, 'settings', [broken]));
      const p2 = p1Incident(10 * MIN, { urgency: 2 });
      const p5 = p1Incident(10 * MIN, { impact: 3, urgency: 3 });
      const p1 = p1Incident(10 * MIN);
      // Every push stored (create throws on a refusal), whatever the policies.
      await api.create(tokens.admin, 'tickets', [p2, p5, p1]);
      expect(await due(p2.id)).toEqual([]);
      expect(await due(p5.id)).toEqual([]);
      // The broken policy spoils nothing else.
      expect(await due(p1.id)).toHaveLength(4);
    });
  });
});
