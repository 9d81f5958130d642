import { changeFingerprint, type Ticket, type TicketEvent } from '@shared';
import { buildRiskAnswers } from '@shared/testing/build-change.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { loadDocuments } from '../../server/src/db/queries/documents.js';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeEvent, makeTicket } from '../../server/src/test-support/fixtures.js';
import { createDatabase, seedDirectory, type ReliabilityDatabase } from './support/databases.js';

/**
 * Change management against the real server on PGlite (issue 20): who moves a change, who approves it (members of
 * the seeded CAB, never the requester), approvals that stop counting once the plan changed, and a change scheduled
 * only with its quorum. Each refusal is a 4xx with a stable code and a message, and stores nothing.
 */
let database: ReliabilityDatabase;
let server: RunningServer;
let api: ApiClient;
const token: Record<string, string> = {};
const userId: Record<string, string> = {};
// Seeded: usr-0012 (technician) manages changes; the CAB is usr-supervisor, usr-0015 and usr-0016.
const LOGINS = {
  manager: 'camille.gauthier@example.org',
  agent: 'agent@example.org',
  requester: 'supervisor@example.org',
  grace: 'grace.thompson@example.org',
  jerome: 'jerome.belanger@example.org',
};
const HOUR = 3_600_000;

interface Refusal {
  status: number;
  body: { message?: string; details?: { code?: string; message: string; retryable?: boolean }[] };
}

const stored = async (id: string): Promise<Ticket> =>
  (await loadDocuments(server.db, 'tickets', [id])).get(id)?.data as unknown as Ticket;
const storedEvent = async (id: string) => (await loadDocuments(server.db, 'ticket_events', [id])).get(id);

async function update(who: string, next: Ticket): Promise<Refusal> {
  const master = { ...(await stored(next.id)), _deleted: false };
  const answer = await api.push(token[who], 'tickets', [
    { assumedMasterState: master, newDocumentState: { ...next, _deleted: false } },
  ]);
  return answer as unknown as Refusal;
}

async function decide(who: string, change: Ticket, decision: string, fingerprint = changeFingerprint(change)) {
  const me = userId[who];
  const event = makeEvent(change.id, me, {
    kind: 'approval',
    toValue: decision,
    fromValue: fingerprint,
    body: `${who} says ${decision}`,
  });
  const answer = (await api.push(token[who], 'ticket_events', [{ newDocumentState: event }])) as unknown as Refusal;
  return { answer, event: event as TicketEvent };
}

/** A medium-risk normal change (majority of the CAB but the requester: 2 of 2) awaiting approval, as the manager stores it. */
async function awaitingApproval(): Promise<Ticket> {
  const start = Date.now() + 48 * HOUR;
  const draft = makeTicket({
    type: 'change',
    title: 'Upgrade the payroll database',
    status: 'assigned',
    assigneeId: 'usr-0012',
    groupId: 'grp-apps',
    callerId: 'usr-supervisor',
    changeType: 'normal',
    changePhase: 'draft',
    updatedBy: 'usr-0012',
  });
  const [created] = await api.create(token.manager, 'tickets', [draft]);
  const ready = {
    ...(created as unknown as Ticket),
    changePhase: 'awaiting_approval' as const,
    status: 'in_progress' as const,
    changePlan: {
      reason: 'End of vendor support.',
      implementation: 'Run the upgrade script.',
      test: 'Run a pay slip.',
      backout: 'Restore the backup.',
    },
    riskAnswers: buildRiskAnswers({ experience: 'first_time', timing: 'business_hours' }),
    plannedStart: start,
    plannedEnd: start + 2 * HOUR,
  };
  const answer = await update('manager', ready);
  if (answer.status !== 200) throw new Error(`setting up: ${answer.status} ${JSON.stringify(answer.body)}`);
  return stored(ready.id);
}

const codes = (answer: Refusal) => answer.body.details?.map((d) => d.code);

beforeAll(async () => {
  database = await createDatabase('pglite');
  await seedDirectory(database);
  server = await startServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logLevel: 'silent' });
  api = new ApiClient(server.url);
  for (const [who, email] of Object.entries(LOGINS)) {
    const session = await api.login(email);
    token[who] = session.accessToken;
    userId[who] = session.user.id;
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('change management: moves, CAB approvals and scheduling [pglite]', () => {
  it('numbers a change CHG… and refuses a move by someone who does not manage changes', async () => {
    const change = await awaitingApproval();
    expect(change.number).toMatch(/^CHG\d{7}$/);
    const answer = await update('agent', { ...change, changePhase: 'cancelled', status: 'resolved', resolutionNotes: 'No.' });
    expect(answer.status).toBe(403);
    expect(codes(answer)).toContain('change_move_forbidden');
    expect(answer.body.details?.[0].message).toContain('change managers');
    expect((await stored(change.id)).changePhase).toBe('awaiting_approval');
  });

  it('refuses asking for approval without the plan, and a jump against the lifecycle', async () => {
    const change = await awaitingApproval();
    const backToAssessment = { ...change, changePhase: 'assessment' as const };
    expect((await update('manager', backToAssessment)).status).toBe(200);
    const incomplete = {
      ...backToAssessment,
      changePhase: 'awaiting_approval' as const,
      changePlan: { ...change.changePlan!, backout: ' ' },
    };
    const refused = await update('manager', incomplete);
    expect(refused.status).toBe(422);
    expect(codes(refused)).toContain('change_plan_incomplete');
    // An offline jump along the lifecycle still passes the CAB: implementing an unapproved normal change is refused.
    const jumped = await update('manager', { ...backToAssessment, changePhase: 'implementing' });
    expect(codes(jumped)).toEqual(['change_approval_required']);
    expect((await stored(change.id)).changePhase).toBe('assessment');
    const cancelled = {
      ...backToAssessment,
      changePhase: 'cancelled' as const,
      status: 'resolved' as const,
      resolutionNotes: 'Vendor withdrew the patch.',
    };
    expect((await update('manager', cancelled)).status).toBe(200);
    const revived = await update('manager', { ...cancelled, changePhase: 'assessment', status: 'in_progress' });
    expect(revived.status).toBe(422);
    expect(codes(revived)).toContain('change_phase_transition');
    expect((await stored(change.id)).changePhase).toBe('cancelled');
  });

  it('lets only CAB members approve, never the requester, and only with a real decision', async () => {
    const change = await awaitingApproval();
    const outsider = await decide('agent', change, 'approved');
    expect(outsider.answer.status).toBe(403);
    expect(codes(outsider.answer)).toEqual(['change_approver_not_on_board']);
    expect(outsider.answer.body.details?.[0].message).toContain('grp-cab');
    const requester = await decide('requester', change, 'approved');
    expect(requester.answer.status).toBe(403);
    expect(codes(requester.answer)).toEqual(['change_approver_is_requester']);
    const vague = await decide('grace', change, 'maybe');
    expect(vague.answer.status).toBe(422);
    expect(codes(vague.answer)).toEqual(['change_approval_value']);
    for (const refused of [outsider, requester, vague]) expect(await storedEvent(refused.event.id)).toBeUndefined();
  });

  it('schedules a change only with its quorum, and an approval given before the plan changed stops counting', async () => {
    const change = await awaitingApproval();
    const schedule = (from: Ticket) => update('manager', { ...from, changePhase: 'scheduled' });
    const none = await schedule(change);
    expect(none.status).toBe(422);
    expect(none.body.details?.[0]).toMatchObject({ code: 'change_approval_required', retryable: true });
    expect(none.body.details?.[0].message).toContain('0 of the 2 approvals');

    expect((await decide('grace', change, 'approved')).answer.status).toBe(200);
    expect((await schedule(change)).body.details?.[0].message).toContain('1 of the 2 approvals');

    // The manager moves the window after Grace approved: her approval is on the old plan.
    const replanned = { ...change, plannedStart: change.plannedStart! + HOUR, plannedEnd: change.plannedEnd! + HOUR };
    expect((await update('manager', replanned)).status).toBe(200);
    expect((await decide('jerome', replanned, 'approved')).answer.status).toBe(200);
    const stale = await schedule(await stored(change.id));
    expect(stale.status).toBe(422);
    expect(stale.body.details?.[0].message).toContain('1 of the 2 approvals');

    // Asked again, Grace approves the change as it is now: the quorum is met.
    expect((await decide('grace', replanned, 'approved')).answer.status).toBe(200);
    const scheduled = await schedule(await stored(change.id));
    expect(scheduled.status).toBe(200);
    expect((await stored(change.id)).changePhase).toBe('scheduled');
  });

  it('defers an approval whose change has not reached the server yet', async () => {
    const unsent = makeTicket({ type: 'change', changePhase: 'draft', callerId: 'usr-agent' });
    const early = await decide('grace', unsent, 'approved');
    expect(early.answer.status).toBe(422);
    expect(early.answer.body.details?.[0].retryable).toBe(true);
  });
});
