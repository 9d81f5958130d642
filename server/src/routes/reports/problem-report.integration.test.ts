import type { Ticket, TicketEvent } from '@shared';
import { indexEventsByTicket, problemReport, type ProblemReport } from '@shared/metrics/index.js';
import { buildFieldChangeEvent, buildKnownError, buildProblem, buildWorkaroundApplied } from '@shared/testing/build-problem.js';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 2026-01-05 08:00 UTC: every problem of the fixture is created that month, long before the seed's tickets. */
const MONDAY = Date.UTC(2026, 0, 5, 8);
const WINDOW = 'from=2026-01-01&to=2026-02-01';
/** Text a problem manager may type: it must come back as the same characters, for the screen to show as text. */
const HOSTILE = '<img src=x onerror=alert(1)> Spooler';

/**
 * Two problems of grp-apps, pushed as a device that worked them offline pushes them (in their final state):
 * - KE: root cause found and known error published 10 h after creation, resolved at 50 h; three incidents, one linked
 *   before the publication (at 5 h), one created linked after it, one linked after it; one workaround applied.
 * - RCA: still in analysis, no root cause, no known error; one incident.
 * Events record the phase moves, links and the applied workaround as the desk's ticket writes do.
 */
function fixture() {
  const ke = buildProblem({
    id: 'prb-rep-KE',
    title: HOSTILE,
    assigneeId: 'usr-0010',
    categoryId: 'cat-hardware-printer',
    createdAt: MONDAY,
    updatedAt: MONDAY + 50 * HOUR,
    updatedBy: 'usr-supervisor',
    status: 'resolved',
    problemPhase: 'resolved',
    resolutionCode: 'fixed',
    resolutionNotes: 'Spooler patched.',
    rootCause: { timeline: [], whys: [], contributingFactors: [], statement: 'Spooler leak.', fixChangeId: '' },
    knownError: buildKnownError(),
  });
  const rca = buildProblem({
    id: 'prb-rep-RCA',
    assigneeId: 'usr-0010',
    createdAt: MONDAY + DAY,
    updatedAt: MONDAY + DAY,
    updatedBy: 'usr-supervisor',
  });
  const incident = (id: string, created: number, problemId: string) =>
    makeTicket({
      id,
      problemId,
      groupId: 'grp-apps',
      categoryId: 'cat-hardware-printer',
      ciIds: ['ci-srv-pay-db'],
      createdAt: created,
      updatedAt: created,
      updatedBy: 'usr-supervisor',
    });
  const incidents = [
    incident('inc-prb-1', MONDAY - 7 * DAY, ke.id),
    incident('inc-prb-2', MONDAY + 20 * HOUR, ke.id),
    incident('inc-prb-3', MONDAY + 2 * HOUR, ke.id),
    incident('inc-prb-4', MONDAY + 2 * DAY, rca.id),
  ];
  const row = (e: TicketEvent) => makeEvent(e.ticketId, e.authorId, e);
  const phase = (from: string, to: string, at: number) =>
    row(
      buildFieldChangeEvent(ke.id, 'problemPhase', from, to, {
        id: `${ke.id}-${to}`,
        authorId: 'usr-supervisor',
        occurredAt: at,
      }),
    );
  const link = (incidentId: string, at: number) =>
    row(
      buildFieldChangeEvent(incidentId, 'problemId', '', ke.id, {
        id: `${incidentId}-link`,
        authorId: 'usr-supervisor',
        occurredAt: at,
      }),
    );
  const events = [
    phase('root_cause_analysis', 'known_error', MONDAY + 10 * HOUR),
    phase('known_error', 'resolved', MONDAY + 50 * HOUR),
    row(
      makeEvent(ke.id, 'usr-supervisor', {
        id: `${ke.id}-status-resolved`,
        kind: 'status_change',
        body: '',
        fromValue: 'in_progress',
        toValue: 'resolved',
        occurredAt: MONDAY + 50 * HOUR,
      }),
    ),
    link('inc-prb-1', MONDAY + 5 * HOUR),
    link('inc-prb-3', MONDAY + 30 * HOUR),
    row(
      buildWorkaroundApplied('inc-prb-3', ke, { id: 'inc-prb-3-wa', authorId: 'usr-supervisor', occurredAt: MONDAY + 30 * HOUR }),
    ),
  ];
  return { problems: [ke, rca].map((p) => ({ ...p, _deleted: false })), incidents, events };
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('problem report', backend), () => {
    const env = useTestServers(backend);
    const token = async (who: keyof typeof DEMO_USERS = 'supervisor'): Promise<string> =>
      (await env().api.login(DEMO_USERS[who].email)).accessToken;
    let pushed: Promise<void> | null = null;
    const ensureFixture = (): Promise<void> =>
      (pushed ??= (async () => {
        const t = await token();
        const { problems, incidents, events } = fixture();
        await env().api.create(t, 'tickets', problems);
        await env().api.create(t, 'tickets', incidents);
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
      const res = await get<ProblemReport & { groupBy: string }>(
        `/api/reports/problems?${WINDOW}&groupId=grp-apps&groupBy=group`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.overall).toMatchObject({
        problems: 2,
        open: 1,
        resolved: 1,
        knownErrors: 1,
        incidents: 4,
        incidentsPerProblem: 2,
        // inc-prb-2 (created after the publication) and inc-prb-3 (linked after it); inc-prb-1 was linked before.
        incidentsAvoided: 2,
        workaroundsApplied: 1,
        knownErrorsUsed: 1,
        timeToRootCause: { count: 1, medianMs: 10 * HOUR, p90Ms: 10 * HOUR },
        timeToResolution: { count: 1, medianMs: 50 * HOUR, p90Ms: 50 * HOUR },
      });
      expect(res.body.rows.map((r) => [r.key, r.count])).toEqual([['grp-apps', 2]]);
      const [first] = res.body.problems;
      expect(first).toMatchObject({
        id: 'prb-rep-KE',
        title: HOSTILE,
        incidents: 3,
        incidentsAvoided: 2,
        rootCauseMs: 10 * HOUR,
      });
      // inc-prb-1 was created in December: the period's incidents on the printer are the other three.
      expect(res.body.recurringCategories).toEqual([
        { key: 'cat-hardware-printer', incidents: 3, linked: 3, unlinked: 0, problems: 2 },
      ]);
      expect(res.body.recurringCis).toEqual([{ key: 'ci-srv-pay-db', incidents: 3, linked: 3, unlinked: 0, problems: 2 }]);

      // The same function over the documents a supervisor's device replicates gives the same answer.
      const tk = await token();
      const live = <T>(docs: Map<string, Record<string, unknown>>): T[] =>
        [...docs.values()].filter((d) => d._deleted !== true).map(({ _deleted, ...d }) => d) as unknown as T[];
      const byId = <T extends { id: string }>(docs: T[]): T[] => docs.sort((a, b) => (a.id < b.id ? -1 : 1));
      const tickets = byId(live<Ticket>((await env().api.pullAll(tk, 'tickets')).docs));
      const events = byId(live<TicketEvent>((await env().api.pullAll(tk, 'ticket_events')).docs));
      const expected = problemReport(
        { index: indexEventsByTicket(tickets, events), surveys: [], responses: [], now: Date.now(), offsetMinutes: 0 },
        { events },
        { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1), groupId: 'grp-apps' },
        'group',
      );
      expect(res.body).toEqual({ groupBy: 'group', ...(JSON.parse(JSON.stringify(expected)) as ProblemReport) });
    });

    it('breaks down by month and gives an empty period zeros', async () => {
      await ensureFixture();
      const byMonth = await get<ProblemReport>(`/api/reports/problems?${WINDOW}&groupBy=month&groupId=grp-apps`);
      expect(byMonth.status).toBe(200);
      expect(byMonth.body.rows.map((r) => [r.key, r.count])).toEqual([['2026-01', 2]]);
      const empty = await get<ProblemReport>('/api/reports/problems?from=2025-01-01&to=2025-02-01');
      expect(empty.status).toBe(200);
      expect(empty.body.overall).toMatchObject({ problems: 0, incidents: 0, incidentsPerProblem: null });
      expect(empty.body.problems).toEqual([]);
    });

    it('refuses bad parameters naming each one, and answers supervisors and admins only', async () => {
      const bad = await get<{ message: string; details: { field: string }[] }>(
        '/api/reports/problems?groupBy=service&from=yesterday&colour=red',
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d) => d.field).sort()).toEqual(['colour', 'from', 'groupBy']);
      expect((await env().api.request('GET', '/api/reports/problems')).status).toBe(401);
      expect((await get('/api/reports/problems', 'technician')).status).toBe(403);
      expect((await get('/api/reports/problems', 'agent')).status).toBe(403);
      expect((await get('/api/reports/problems', 'admin')).status).toBe(200);
    });
  });
});
