import type { BusinessCalendar, SlaPolicy, Ticket, TicketEvent } from '@shared';
import { indexEventsByTicket, slaComplianceReport, type SlaComplianceReport } from '@shared/metrics/index.js';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

const MIN = 60_000;
const DAY = 86_400_000;
/** Monday 2026-01-05 15:00 UTC = 10:00 in Toronto, inside every seeded calendar's business hours. */
const MONDAY = Date.UTC(2026, 0, 5, 15);
const TECH = DEMO_USERS.technician.id;
const WINDOW = 'from=2026-01-01&to=2026-02-01';

/**
 * Two tickets under the seeded SLA policies (whichever their priority picks): MET is answered after 10 min and
 * resolved after 20 min, within every template's targets; LATE is answered after 5 min but resolved three weeks
 * later, past every template's resolution target.
 */
function fixture() {
  const resolved = { status: 'resolved' as const, resolutionCode: 'fixed' as const, resolutionNotes: 'Done.' };
  const tickets = [
    makeTicket({
      id: 'sla-MET',
      groupId: 'grp-field',
      assigneeId: TECH,
      createdAt: MONDAY,
      updatedAt: MONDAY + 20 * MIN,
      ...resolved,
    }),
    makeTicket({
      id: 'sla-LATE',
      title: '<img src=x onerror=alert(1)>',
      groupId: 'grp-field',
      assigneeId: TECH,
      createdAt: MONDAY + DAY,
      updatedAt: MONDAY + 22 * DAY,
      ...resolved,
    }),
  ];
  const ev = (id: string, ticket: string, at: number, kind: TicketEvent['kind'], toValue = '') =>
    makeEvent(ticket, DEMO_USERS.supervisor.id, {
      id,
      kind,
      occurredAt: at,
      fromValue: kind === 'status_change' ? 'assigned' : '',
      toValue,
      body: kind === 'comment' ? 'On it.' : '',
    });
  const events = [
    ev('sla-e1', 'sla-MET', MONDAY + 10 * MIN, 'comment'),
    ev('sla-e2', 'sla-MET', MONDAY + 20 * MIN, 'status_change', 'resolved'),
    ev('sla-e3', 'sla-LATE', MONDAY + DAY + 5 * MIN, 'comment'),
    ev('sla-e4', 'sla-LATE', MONDAY + 22 * DAY, 'status_change', 'resolved'),
  ];
  return { tickets, events };
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('SLA compliance report', backend), () => {
    const env = useTestServers(backend);
    const token = async (who: keyof typeof DEMO_USERS = 'supervisor'): Promise<string> =>
      (await env().api.login(DEMO_USERS[who].email)).accessToken;
    let pushed: Promise<void> | null = null;
    const ensureFixture = (): Promise<void> =>
      (pushed ??= (async () => {
        const t = await token();
        const { tickets, events } = fixture();
        for (const ticket of tickets) await env().api.createTicketIn(t, ticket);
        const res = await env().api.push(
          t,
          'ticket_events',
          events.map((newDocumentState) => ({ newDocumentState })),
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toEqual([]);
      })());
    const get = async <T = Record<string, unknown>>(path: string, who: keyof typeof DEMO_USERS = 'supervisor') =>
      env().api.request<T>('GET', path, { token: await token(who) });

    it('gives the figures the shared function gives for the same documents and settings', async () => {
      await ensureFixture();
      const res = await get<SlaComplianceReport & { groupBy: string }>(`/api/reports/sla?${WINDOW}&groupBy=priority`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // Worked out by hand: both answered in time; MET resolved in time, LATE three weeks late.
      expect(res.body.overall).toMatchObject({
        tickets: 2,
        noPolicy: 0,
        clocks: {
          first_response: { met: 2, breached: 0, open: 0, metPct: 100 },
          resolution: { met: 1, breached: 1, open: 0, metPct: 50, stopped: 2 },
        },
      });
      expect(res.body.breaches.map((b) => [b.ticketId, b.clock, b.title])).toEqual([
        ['sla-LATE', 'resolution', '<img src=x onerror=alert(1)>'],
      ]);
      expect(res.body.breaches[0].segments.at(-1)).toMatchObject({ kind: 'stopped', causeEventId: 'sla-e4' });

      // The same function over what a supervisor's device replicates gives the same answer (every clock is stopped,
      // so the moment they are read at does not matter).
      const tk = await token();
      const live = <T>(docs: Map<string, Record<string, unknown>>): T[] =>
        [...docs.values()].filter((d) => d._deleted !== true) as unknown as T[];
      const tickets = live<Ticket>((await env().api.pullAll(tk, 'tickets')).docs);
      const events = live<TicketEvent>((await env().api.pullAll(tk, 'ticket_events')).docs).sort((a, b) =>
        a.id < b.id ? -1 : 1,
      );
      const settings = live<{ id: string; kind: string; data: unknown }>((await env().api.pullAll(tk, 'settings')).docs);
      const policies = settings.filter((s) => s.kind === 'sla_policy').map((s) => s.data as SlaPolicy);
      const calendars = new Map(
        settings.filter((s) => s.kind === 'sla_calendar').map((s) => [s.id, s.data as BusinessCalendar] as const),
      );
      const expected = slaComplianceReport(
        { index: indexEventsByTicket(tickets, events), surveys: [], responses: [], now: Date.now(), offsetMinutes: 0 },
        { policies, calendars, events },
        { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) },
        'priority',
      );
      // A stopped clock's last stretch runs to the moment it is read at: the only figure that may differ.
      const untilRead = (report: SlaComplianceReport): SlaComplianceReport => ({
        ...report,
        breaches: report.breaches.map((b) => ({
          ...b,
          segments: b.segments.map((s, i) => (i === b.segments.length - 1 && s.kind === 'stopped' ? { ...s, end: 0 } : s)),
        })),
      });
      expect(untilRead(res.body)).toEqual({
        groupBy: 'priority',
        ...untilRead(JSON.parse(JSON.stringify(expected)) as SlaComplianceReport),
      });
    });

    it('breaks compliance down by policy and by month', async () => {
      await ensureFixture();
      const byPolicy = await get<SlaComplianceReport>(`/api/reports/sla?${WINDOW}&groupBy=policy`);
      expect(byPolicy.status).toBe(200);
      expect(byPolicy.body.rows.reduce((n, r) => n + r.count, 0)).toBe(2);
      const byMonth = await get<SlaComplianceReport>(`/api/reports/sla?${WINDOW}&groupBy=month&groupId=grp-field`);
      expect(byMonth.body.rows.map((r) => [r.key, r.count, r.metrics.clocks.resolution.metPct])).toEqual([['2026-01', 2, 50]]);
      expect(byMonth.body.byMonth).toEqual(byMonth.body.rows);
    });

    it('refuses a bad query with a 400 naming the parameter', async () => {
      for (const [path, field] of [
        ['/api/reports/sla?groupBy=colour', 'groupBy'],
        ['/api/reports/sla?from=yesterday', 'from'],
        ['/api/reports/sla?offsetMinutes=5000', 'offsetMinutes'],
      ] as const) {
        const res = await get<{ message: string; details: { field: string }[] }>(path);
        expect(res.status, path).toBe(400);
        expect(res.body.message, path).toContain(`"${field}"`);
        expect(res.body.details.map((d) => d.field)).toContain(field);
      }
    });

    it('answers supervisors and admins only', async () => {
      expect((await env().api.request('GET', '/api/reports/sla')).status).toBe(401);
      expect((await get('/api/reports/sla', 'agent')).status).toBe(403);
      expect((await get('/api/reports/sla', 'technician')).status).toBe(403);
      expect((await get('/api/reports/sla', 'admin')).status).toBe(200);
    });
  });
});
