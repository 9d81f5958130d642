import type { ConfigItem, Ticket, TicketEvent } from '@shared';
import { fieldChangeBody } from '@shared';
import { buildCmdbGraph } from '@shared';
import { changeReport, indexEventsByTicket, type ChangeReport } from '@shared/metrics/index.js';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 2026-01-05 08:00 UTC: every change of the fixture is created that week. */
const MONDAY = Date.UTC(2026, 0, 5, 8);
/** Seeded: usr-0012 manages changes. */
const MANAGER = 'camille.gauthier@example.org';
const WINDOW = 'from=2026-01-01&to=2026-02-01';
const PLAN = { reason: 'Vendor fix.', implementation: 'Run the script.', test: 'Pay slip.', backout: 'Restore.' };
/** The catalogue template the standard changes come from (a standard change names one and keeps its plan). */
const TEMPLATE = { id: 'tpl-rep', name: 'Vendor fix', nameFr: 'Correctif du fournisseur', plan: PLAN, active: true };

/**
 * Three changes of grp-apps, made as they are recorded once done (created closed, as an offline device may push them):
 * - OK: standard, successful, on the payroll database server, scheduled 6 h after creation and implemented at 30 h; caused two incidents.
 * - KO: standard, failed, scheduled 2 h after creation and implemented at 10 h; its window overlaps OK's on one CI.
 * - EM: emergency, backed out, implemented 4 h after creation, no phase history; caused one incident.
 * And one of grp-network still in draft. Events record the phase moves, as the desk's ticket writes do.
 */
function fixture() {
  const closed = (id: string, created: number, overrides: Partial<Ticket>) =>
    makeTicket({
      id,
      type: 'change',
      title: `Change ${id}`,
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Done.',
      assigneeId: 'usr-0012',
      groupId: 'grp-apps',
      callerId: 'usr-supervisor',
      changeType: 'standard',
      changeTemplateId: TEMPLATE.id,
      changePhase: 'closed',
      changePlan: PLAN,
      createdAt: created,
      updatedAt: created + 2 * DAY,
      updatedBy: 'usr-0012',
      ...overrides,
    });
  const changes = [
    closed('chg-rep-OK', MONDAY, {
      changeOutcome: 'successful',
      plannedStart: MONDAY + 26 * HOUR,
      plannedEnd: MONDAY + 30 * HOUR,
      implementedAt: MONDAY + 30 * HOUR,
      ciIds: ['ci-srv-pay-db'],
    }),
    closed('chg-rep-KO', MONDAY + DAY, {
      changeOutcome: 'failed',
      reviewNotes: 'The script timed out.',
      plannedStart: MONDAY + 28 * HOUR,
      plannedEnd: MONDAY + 34 * HOUR,
      implementedAt: MONDAY + 34 * HOUR,
      ciIds: ['ci-srv-pay-db'],
    }),
    closed('chg-rep-EM', MONDAY + 2 * DAY, {
      changeType: 'emergency',
      changeOutcome: 'backed_out',
      reviewNotes: 'Rolled back at once.',
      implementedAt: MONDAY + 2 * DAY + 4 * HOUR,
    }),
    makeTicket({
      id: 'chg-rep-DRAFT',
      type: 'change',
      title: 'Change draft',
      groupId: 'grp-network',
      callerId: 'usr-supervisor',
      changeType: 'normal',
      changePhase: 'draft',
      createdAt: MONDAY + 3 * DAY,
      updatedAt: MONDAY + 3 * DAY,
      updatedBy: 'usr-0012',
    }),
  ];
  const incident = (id: string, causedByChangeId: string, created: number) =>
    makeTicket({ id, causedByChangeId, groupId: 'grp-apps', createdAt: created, updatedAt: created, updatedBy: 'usr-0012' });
  const incidents = [
    incident('inc-rep-1', 'chg-rep-OK', MONDAY + 31 * HOUR),
    incident('inc-rep-2', 'chg-rep-OK', MONDAY + 32 * HOUR),
    incident('inc-rep-3', 'chg-rep-EM', MONDAY + 2 * DAY + 5 * HOUR),
  ];
  const phase = (ticketId: string, from: string, to: string, at: number) =>
    makeEvent(ticketId, 'usr-0012', {
      id: `${ticketId}-${to}`,
      kind: 'field_change',
      body: fieldChangeBody({ field: 'changePhase', from, to }),
      occurredAt: at,
    });
  const events = [
    phase('chg-rep-OK', 'assessment', 'scheduled', MONDAY + 6 * HOUR),
    phase('chg-rep-OK', 'scheduled', 'implementing', MONDAY + 26 * HOUR),
    phase('chg-rep-KO', 'assessment', 'scheduled', MONDAY + DAY + 2 * HOUR),
  ];
  return { tickets: [...changes, ...incidents], events };
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('change report', backend), () => {
    const env = useTestServers(backend);
    const token = async (who: keyof typeof DEMO_USERS = 'supervisor'): Promise<string> =>
      (await env().api.login(DEMO_USERS[who].email)).accessToken;
    let pushed: Promise<void> | null = null;
    const ensureFixture = (): Promise<void> =>
      (pushed ??= (async () => {
        const admin = await token('admin');
        const template = {
          id: TEMPLATE.id,
          kind: 'change_template',
          data: TEMPLATE,
          updatedAt: MONDAY,
          updatedBy: DEMO_USERS.admin.id,
          _deleted: false,
        };
        await env().api.create(admin, 'settings', [template]);
        const t = (await env().api.login(MANAGER)).accessToken;
        const { tickets, events } = fixture();
        await env().api.create(t, 'tickets', tickets);
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

    it('gives the hand-worked figures, and the shared function gives them over what a device replicates', async () => {
      await ensureFixture();
      const res = await get<ChangeReport & { groupBy: string }>(`/api/reports/changes?${WINDOW}&groupBy=group`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const apps = res.body.rows.find((r) => r.key === 'grp-apps');
      // The seed's demo changes are dated around today, not January 2026: grp-apps's row is the fixture's alone.
      expect(res.body.overall.changes).toBeGreaterThanOrEqual(4);
      expect(apps?.metrics).toMatchObject({
        changes: 3,
        closed: 3,
        successful: 1,
        failed: 1,
        backedOut: 1,
        emergency: 1,
        emergencyPct: 100 / 3,
        causingIncidents: 2,
        incidents: 3,
        collisions: 2,
        // To approval: OK 6 h, KO 2 h (EM has no recorded move). To implementation: KO 10 h, EM 4 h, OK 30 h.
        leadToApproval: { count: 2, medianMs: 2 * HOUR, p90Ms: 6 * HOUR },
        leadToImplementation: { count: 3, medianMs: 10 * HOUR, p90Ms: 30 * HOUR },
      });
      expect(apps?.metrics.successPct).toBeCloseTo(100 / 3, 10);
      expect(res.body.rows.find((r) => r.key === 'grp-network')?.metrics).toMatchObject({ changes: 1, closed: 0 });

      // The same function over the documents a supervisor's device replicates gives the same answer.
      const tk = await token();
      const live = <T>(docs: Map<string, Record<string, unknown>>): T[] =>
        [...docs.values()].filter((d) => d._deleted !== true).map(({ _deleted, ...d }) => d) as unknown as T[];
      const byId = <T extends { id: string }>(docs: T[]): T[] => docs.sort((a, b) => (a.id < b.id ? -1 : 1));
      const tickets = byId(live<Ticket>((await env().api.pullAll(tk, 'tickets')).docs));
      const events = byId(live<TicketEvent>((await env().api.pullAll(tk, 'ticket_events')).docs));
      const cis = live<ConfigItem>((await env().api.pullAll(tk, 'config_items')).docs);
      const expected = changeReport(
        { index: indexEventsByTicket(tickets, events), surveys: [], responses: [], now: Date.now(), offsetMinutes: 0 },
        { events, graph: buildCmdbGraph(cis) },
        { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) },
        'group',
      );
      expect(res.body).toEqual({ groupBy: 'group', ...(JSON.parse(JSON.stringify(expected)) as ChangeReport) });
    });

    it('filters by group and breaks down by month and type', async () => {
      await ensureFixture();
      const byMonth = await get<ChangeReport>(`/api/reports/changes?${WINDOW}&groupBy=month&groupId=grp-apps`);
      expect(byMonth.status).toBe(200);
      expect(byMonth.body.rows.map((r) => r.key)).toEqual(['2026-01']);
      expect(byMonth.body.byMonth).toEqual(byMonth.body.rows);
      expect(byMonth.body.overall).toMatchObject({ changes: 3, incidents: 3 });
      const byType = await get<ChangeReport>(`/api/reports/changes?${WINDOW}&groupBy=type&groupId=grp-apps`);
      expect(byType.body.rows.map((r) => [r.key, r.count])).toEqual([
        ['emergency', 1],
        ['standard', 2],
      ]);
      // OK and KO are on the payroll database server, which the payroll services depend on; EM names no CI.
      const byService = await get<ChangeReport>(`/api/reports/changes?${WINDOW}&groupBy=service&groupId=grp-apps`);
      const services = byService.body.rows.filter((r) => r.key !== '');
      expect(services.length).toBeGreaterThan(0);
      expect(services.every((r) => r.count === 2 && r.metrics.collisions === 2)).toBe(true);
      expect(byService.body.rows.find((r) => r.key === '')?.count).toBe(1);
    });

    it('refuses a bad grouping and answers supervisors and admins only', async () => {
      const bad = await get<{ message: string }>('/api/reports/changes?groupBy=colour');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('"groupBy"');
      expect((await env().api.request('GET', '/api/reports/changes')).status).toBe(401);
      expect((await get('/api/reports/changes', 'technician')).status).toBe(403);
      expect((await get('/api/reports/changes', 'admin')).status).toBe(200);
    });
  });
});
