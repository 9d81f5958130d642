import type { TicketEvent } from '@shared';
import { describe, expect, it } from 'vitest';
import { CSAT_SURVEY_ID, DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';
import { writeServerDocuments } from '../../services/sync/server-writes.js';

const backends = await testBackends();

const H = 3_600_000;
/** 2026-01-<day> at <hour>:00 UTC. */
const jan = (day: number, hour = 8): number => Date.UTC(2026, 0, day, hour);
const TECH = DEMO_USERS.technician.id;

/**
 * The fixture, worked out by hand (window [2026-01-01, 2026-02-01), asOf = 2026-02-01):
 *   A grp-field    created Jan 5  assigned +1h, resolved +5h                 ack 1 h,   resolve 5 h, FCR
 *   B grp-field    created Jan 6  assigned +2h, escalated +3h, resolved +27h ack 2 h,   resolve 27 h, escalated
 *   C grp-field    created Jan 7  assigned +30 min, still open               ack 0.5 h
 *   D grp-service-desk  created Jan 8, new, no events (open, never acknowledged)
 *   E grp-field    created Feb 2  (outside the window)
 * Responses (survey srv-csat): rA about A on Jan 6 (CSAT 5, NPS 10, CES 2, comment), rB about B on Jan 9 (2, 6, 6),
 * rD about D on Jan 10 (4, 8), rLate about B on Feb 3 (1; outside the window).
 */
function fixture(prefix: string) {
  const id = (name: string) => `${prefix}-${name}`;
  const resolved = { status: 'resolved' as const, resolutionCode: 'fixed' as const, resolutionNotes: 'Done.' };
  const tickets = [
    makeTicket({ id: id('A'), groupId: 'grp-field', assigneeId: TECH, createdAt: jan(5), updatedAt: jan(5, 13), ...resolved }),
    makeTicket({ id: id('B'), groupId: 'grp-field', assigneeId: TECH, createdAt: jan(6), updatedAt: jan(7, 11), ...resolved }),
    makeTicket({ id: id('C'), groupId: 'grp-field', assigneeId: TECH, createdAt: jan(7), updatedAt: jan(7, 9) }),
    makeTicket({ id: id('D'), groupId: 'grp-service-desk', status: 'new', createdAt: jan(8), updatedAt: jan(8) }),
    makeTicket({
      id: id('E'),
      groupId: 'grp-field',
      status: 'new',
      createdAt: Date.UTC(2026, 1, 2),
      updatedAt: Date.UTC(2026, 1, 2),
    }),
  ];
  const ev = (ticket: string, at: number, kind: TicketEvent['kind'], fromValue: string, toValue: string) =>
    makeEvent(id(ticket), 'usr-supervisor', { kind, occurredAt: at, fromValue, toValue, body: '' });
  const events = [
    ev('A', jan(5) + H, 'assignment', '', TECH),
    ev('A', jan(5) + H, 'status_change', 'new', 'assigned'),
    ev('A', jan(5) + 5 * H, 'status_change', 'assigned', 'resolved'),
    ev('B', jan(6) + 2 * H, 'assignment', '', TECH),
    ev('B', jan(6) + 2 * H, 'status_change', 'new', 'assigned'),
    ev('B', jan(6) + 3 * H, 'escalation', 'grp-field', 'supervisor'),
    ev('B', jan(6) + 27 * H, 'status_change', 'assigned', 'resolved'),
    ev('C', jan(7) + 0.5 * H, 'assignment', '', TECH),
  ];
  const response = (name: string, ticket: string, submittedAt: number, answers: Record<string, number | string>) => ({
    id: id(name),
    surveyId: CSAT_SURVEY_ID,
    surveyVersion: 1,
    ticketId: id(ticket),
    respondentId: 'usr-0002',
    answers: Object.entries(answers).map(([questionId, value]) => ({ questionId, value })),
    submittedAt,
    // Answers from survey links: the server records them (devices push only a ticket's one on-site response).
    channel: 'email' as const,
    _deleted: false,
  });
  const responses = [
    response('rA', 'A', jan(6, 10), { 'q-csat': 5, 'q-nps': 10, 'q-ces': 2, 'q-comment': 'Great' }),
    response('rB', 'B', jan(9, 10), { 'q-csat': 2, 'q-nps': 6, 'q-ces': 6 }),
    response('rD', 'D', jan(10, 10), { 'q-csat': 4, 'q-nps': 8 }),
    response('rLate', 'B', Date.UTC(2026, 1, 3), { 'q-csat': 1 }),
  ];
  return { tickets, events, responses };
}

const WINDOW = 'from=2026-01-01&to=2026-02-01';

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('reports endpoints', backend), () => {
    const env = useTestServers(backend);
    const token = async (who: keyof typeof DEMO_USERS = 'supervisor'): Promise<string> =>
      (await env().api.login(DEMO_USERS[who].email)).accessToken;
    let pushed: Promise<void> | null = null;
    /** Pushes the fixture once per backend. */
    const ensureFixture = (): Promise<void> =>
      (pushed ??= (async () => {
        const t = await token();
        const { tickets, events, responses } = fixture('rep');
        const rows = (docs: object[]) => docs.map((newDocumentState) => ({ newDocumentState }));
        // Created, then moved to their status along the lifecycle (a ticket is never created resolved).
        for (const ticket of tickets) await env().api.createTicketIn(t, ticket);
        for (const [collection, docs] of [['ticket_events', events]] as const) {
          const res = await env().api.push(t, collection, rows(docs));
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body).toEqual([]);
        }
        await env().server.db.transaction((tx) => writeServerDocuments(tx, 'survey_responses', responses));
      })());
    const get = async <T = Record<string, unknown>>(path: string, who: keyof typeof DEMO_USERS = 'supervisor') =>
      env().api.request<T>('GET', path, { token: await token(who) });

    it('computes the incident figures of a group and period as worked out by hand', async () => {
      await ensureFixture();
      const res = await get(`/api/reports/incidents?${WINDOW}&groupId=grp-field&groupBy=week`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        from: Date.UTC(2026, 0, 1),
        asOf: Date.UTC(2026, 1, 1),
        groupBy: 'week',
        overall: {
          volume: 3,
          resolved: 2,
          firstContact: 1,
          fcrRate: 0.5,
          reopenRate: 0,
          escalated: 1,
          escalationRate: 1 / 3,
          reassignments: 0,
          backlog: { count: 1 },
          acknowledge: { count: 3, meanMs: (3.5 * H) / 3, medianMs: H, p90Ms: 2 * H },
          resolve: { count: 2, meanMs: 16 * H, medianMs: 5 * H, p90Ms: 27 * H },
        },
      });
      const rows = (res.body as { rows: { key: string; count: number }[] }).rows;
      expect(rows.map((r) => [r.key, r.count])).toEqual([
        ['2026-W01', 0],
        ['2026-W02', 3],
        ['2026-W03', 0],
        ['2026-W04', 0],
        ['2026-W05', 0],
      ]);
    });

    it('breaks incidents down by group over the period (D is new and open in the service desk)', async () => {
      await ensureFixture();
      const res = await get<{
        overall: Record<string, unknown>;
        rows: { key: string; count: number; metrics: { backlog: { count: number } } }[];
      }>(`/api/reports/incidents?${WINDOW}&groupBy=group`);
      expect(res.status).toBe(200);
      expect(res.body.overall).toMatchObject({ volume: 4, backlog: { count: 2 } });
      expect(res.body.rows.map((r) => [r.key, r.count, r.metrics.backlog.count])).toEqual([
        ['grp-field', 3, 1],
        ['grp-service-desk', 1, 1],
      ]);
    });

    it('computes the survey figures as worked out by hand', async () => {
      await ensureFixture();
      const field = await get(`/api/reports/surveys?${WINDOW}&groupId=grp-field`);
      expect(field.status).toBe(200);
      // rA (5, 10, 2) and rB (2, 6, 6): CSAT 1 of 2 satisfied, NPS (1 promoter - 1 detractor) / 2 = 0, CES 4.
      expect(field.body).toMatchObject({
        // Surveys sent = tickets resolved (A, B): response rate 2 / 2.
        overall: {
          responses: 2,
          responseRate: 1,
          csatPct: 50,
          csatAnswers: 2,
          nps: 0,
          promoters: 1,
          detractors: 1,
          ces: 4,
          comments: 1,
        },
        rows: [],
      });
      const all = await get<{
        overall: Record<string, unknown>;
        rows: { key: string; count: number; metrics: { csatPct: number } }[];
      }>(`/api/reports/surveys?${WINDOW}&groupBy=group`);
      // + rD (4, 8): CSAT 2 of 3, NPS (1 - 1) / 3 = 0, CES still 4 (rD has none).
      expect(all.body.overall).toMatchObject({ responses: 3, responseRate: 1.5, csatPct: 200 / 3, nps: 0, passives: 1, ces: 4 });
      expect(all.body.rows.map((r) => [r.key, r.count, r.metrics.csatPct])).toEqual([
        ['grp-field', 2, 50],
        ['grp-service-desk', 1, 100],
      ]);
    });

    it('refuses bad parameters with a 400 naming each one', async () => {
      const cases: [string, string][] = [
        ['/api/reports/incidents?groupBy=colour', 'groupBy'],
        ['/api/reports/surveys?groupBy=priority', 'groupBy'],
        ['/api/reports/incidents?from=yesterday', 'from'],
        ['/api/reports/incidents?from=2026-02-01&to=2026-01-01', 'to'],
        ['/api/reports/surveys?to=2026-13-45T99:00Z', 'to'],
        ['/api/reports/incidents?offsetMinutes=5000', 'offsetMinutes'],
        ['/api/reports/incidents?limit=3', 'limit'],
        ['/api/reports/incidents?from=2026-01-01&from=2026-01-02', 'from'],
      ];
      for (const [path, field] of cases) {
        const res = await get<{ statusCode: number; message: string; details: { field: string }[] }>(path);
        expect(res.status, path).toBe(400);
        expect(res.body.message, path).toContain(`"${field}"`);
        expect(
          res.body.details.map((d) => d.field),
          path,
        ).toContain(field);
      }
    });

    it('answers supervisors and admins only: 401 without a token, 403 for agents and technicians', async () => {
      const { api } = env();
      for (const path of ['/api/reports/incidents', '/api/reports/surveys']) {
        expect((await api.request('GET', path)).status).toBe(401);
        expect((await get(path, 'agent')).status).toBe(403);
        expect((await get(path, 'technician')).status).toBe(403);
        expect((await get(path, 'admin')).status).toBe(200);
      }
    });
  });
});
