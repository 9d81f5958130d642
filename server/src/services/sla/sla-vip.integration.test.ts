import { CALENDAR_TEMPLATES, SLA_POLICY_TEMPLATES, type DirectoryEntry } from '@shared';
import type { SlaComplianceReport } from '@shared/metrics/index.js';
import { buildSlaPolicy, buildSettingDoc } from '@shared/testing/build-sla.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocuments } from '../../db/queries/documents.js';
import { slaDueOfTickets } from '../../db/queries/sla-due.js';
import { DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';
import { writeServerDocuments } from '../sync/server-writes.js';

const backends = await testBackends();
const MIN = 60_000;

/** VIP callers first: 10 min to first response; everyone else 2 h. */
const VIP = buildSlaPolicy({
  id: 'sla-vip-test',
  name: 'VIP callers (test)',
  order: 1,
  condition: { vip: true },
  calendarId: 'cal-24x7',
  firstResponseMinutes: 10,
  resolutionMinutes: 60,
  thresholds: [{ percent: 100, actions: ['notify_assignee'] }],
  actionsInBusinessHoursOnly: false,
});
const OTHERS = {
  ...VIP,
  id: 'sla-others-test',
  name: 'Everyone else (test)',
  order: 2,
  condition: {},
  firstResponseMinutes: 120,
};

const setting = (kind: 'sla_policy' | 'sla_calendar', data: object & { id: string }) =>
  buildSettingDoc(kind, data, DEMO_USERS.admin.id);

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('VIP callers choose their SLA policy', backend), () => {
    const env = useTestServers(backend, { server: { slaSchedulerMs: 0 } });
    const tokens: Record<string, string> = {};
    const db = () => env().server.db;
    const entryOf = async (id: string) =>
      (await loadDocuments(db(), 'directory', [id])).get(id)?.data as unknown as DirectoryEntry;
    const firstResponseDue = async (ticketId: string) =>
      (await slaDueOfTickets(db(), [ticketId])).find((r) => r.clock === 'first_response')?.dueAt ?? 0;

    beforeAll(async () => {
      const { api } = env();
      for (const who of ['admin', 'technician', 'supervisor'] as const)
        tokens[who] = (await api.login(DEMO_USERS[who].email)).accessToken;
      const retired = SLA_POLICY_TEMPLATES.map((policy) => ({ ...setting('sla_policy', policy), _deleted: true }));
      await db().transaction((tx) => writeServerDocuments(tx, 'settings', retired));
      const pushed = await api.push(tokens.admin, 'settings', [
        { newDocumentState: setting('sla_calendar', CALENDAR_TEMPLATES[0]) },
        { newDocumentState: setting('sla_policy', VIP) },
        { newDocumentState: setting('sla_policy', OTHERS) },
      ]);
      expect(pushed.status).toBe(200);
    });

    it('only an administrator marks a caller VIP; a forged or malformed flag changes nothing', async () => {
      const liam = await entryOf('usr-0002');
      expect(liam.vip).toBeUndefined();
      const asTech = await env().api.push(tokens.technician, 'directory', [
        { assumedMasterState: { ...liam, _deleted: false }, newDocumentState: { ...liam, vip: true, _deleted: false } },
      ]);
      expect(asTech.status).toBe(403);
      const malformed = await env().api.push(tokens.admin, 'directory', [
        {
          assumedMasterState: { ...liam, _deleted: false },
          newDocumentState: { ...liam, vip: '<script>alert(1)</script>', _deleted: false },
        },
      ]);
      expect(malformed.status).toBeGreaterThanOrEqual(400);
      expect(malformed.status).toBeLessThan(500);
      expect((await entryOf('usr-0002')).vip).toBeUndefined();
      const asAdmin = await env().api.push(tokens.admin, 'directory', [
        {
          assumedMasterState: { ...liam, _deleted: false },
          newDocumentState: { ...liam, vip: true, updatedAt: Date.now(), _deleted: false },
        },
      ]);
      expect(asAdmin.status).toBe(200);
      expect((await entryOf('usr-0002')).vip).toBe(true);
    });

    it('the server matches a VIP caller’s ticket to the VIP policy, from the directory, and reports it there', async () => {
      const created = Date.now() - MIN;
      const [vip, plain] = await env().api.create(tokens.technician, 'tickets', [
        makeTicket({ callerId: 'usr-0002', assigneeId: DEMO_USERS.technician.id, createdAt: created, updatedAt: created }),
        makeTicket({ callerId: 'usr-0003', assigneeId: DEMO_USERS.technician.id, createdAt: created, updatedAt: created }),
      ]);
      expect(Math.abs((await firstResponseDue(vip.id)) - (vip.createdAt + 10 * MIN))).toBeLessThanOrEqual(1);
      expect(Math.abs((await firstResponseDue(plain.id)) - (plain.createdAt + 120 * MIN))).toBeLessThanOrEqual(1);
      // A ticket that claims a VIP caller gets nothing from the claim: the schema refuses the field outright.
      const forged = await env().api.push(tokens.technician, 'tickets', [
        { newDocumentState: { ...makeTicket({ callerId: 'usr-0003' }), callerVip: true } },
      ]);
      expect(forged.status).toBeGreaterThanOrEqual(400);
      expect(forged.status).toBeLessThan(500);
      // The compliance report matches the same way.
      const day = new Date(created).toISOString().slice(0, 10);
      const next = new Date(created + 24 * 60 * MIN).toISOString().slice(0, 10);
      const report = await env().api.request<SlaComplianceReport>(
        'GET',
        `/api/reports/sla?from=${day}&to=${next}&groupBy=policy`,
        {
          token: tokens.supervisor,
        },
      );
      expect(report.status).toBe(200);
      const counts = Object.fromEntries(report.body.rows.map((r) => [String(r.key), r.count]));
      expect(counts[VIP.id]).toBe(1);
      expect(counts[OTHERS.id]).toBe(1);
    });
  });
});
