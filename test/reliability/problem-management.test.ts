import { PROBLEM_MANAGER_GROUP_ID, type KnownError, type ProblemPhase, type Ticket } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { loadDocuments } from '../../server/src/db/queries/documents.js';
import { ApiClient, type Doc } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { writeServerDocuments } from '../../server/src/services/sync/server-writes.js';
import { createDatabase, seedDirectory, type ReliabilityDatabase } from './support/databases.js';

/**
 * Problem management against the real server on PGlite (issue 19): only problem managers (the
 * `grp-problem-managers` group, in any role) and supervisors move a problem through its phases; everyone else's
 * move is refused with 403 and a stable code, a move against the lifecycle with 422 and its code, each with a
 * message a person can act on, and nothing refused is stored.
 */
let database: ReliabilityDatabase;
let server: RunningServer;
let api: ApiClient;
const tokens: Record<'agent' | 'technician' | 'manager' | 'supervisor' | 'admin', string> = {
  agent: '',
  technician: '',
  manager: '',
  supervisor: '',
  admin: '',
};
/** An agent of the service desk whom the test makes a problem manager (group membership, not a role). */
const MANAGER_ID = 'usr-0002';

const knownError: KnownError = {
  symptoms: { en: 'Outlook freezes when opening a shared calendar', fr: 'Outlook se fige à l’ouverture d’un calendrier partagé' },
  cause: { en: 'A faulty add-in update', fr: 'Une mise à jour défectueuse d’un module' },
  workaround: { en: 'Disable the add-in and restart Outlook', fr: 'Désactiver le module et redémarrer Outlook' },
};
const rootCause = {
  timeline: [{ at: 1_780_000_000_000, text: 'Add-in 4.2 rolled out' }],
  whys: ['Outlook freezes', 'The add-in blocks the UI thread', 'Version 4.2 syncs calendars synchronously'],
  contributingFactors: ['No pilot group for add-in updates'],
  statement: 'Add-in 4.2 syncs shared calendars on the UI thread.',
  fixChangeId: '',
};

const stored = async (id: string): Promise<Ticket> =>
  (await loadDocuments(server.db, 'tickets', [id])).get(id)?.data as unknown as Ticket;

/** Pushes `next` over the stored state of its problem as `token`'s device would; returns the answer. */
async function move(token: string, next: Ticket) {
  const master = { ...(await stored(next.id)), _deleted: false };
  const response = await api.push(token, 'tickets', [
    { assumedMasterState: master, newDocumentState: { ...next, _deleted: false } },
  ]);
  return response as unknown as { status: number; body: { message?: string; details?: { code?: string; message: string }[] } };
}

/** A problem of the service desk stored in `phase` (created new by the admin, then moved by the admin). */
async function problemIn(phase: ProblemPhase, overrides: Partial<Ticket> = {}): Promise<Ticket> {
  const fresh = makeTicket({
    type: 'problem',
    title: 'Outlook freezes on shared calendars',
    groupId: 'grp-service-desk',
    assigneeId: '',
    status: 'new',
    problemPhase: 'new',
    updatedBy: 'usr-admin',
  });
  const [created] = await api.create(tokens.admin, 'tickets', [fresh]);
  if (phase === 'new') return created;
  const moved = {
    ...(created as unknown as Ticket),
    problemPhase: phase,
    status: 'in_progress' as const,
    assigneeId: 'usr-admin',
    ...overrides,
  };
  const answer = await move(tokens.admin, moved);
  if (answer.status !== 200) throw new Error(`setting up ${phase}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return stored(moved.id);
}

beforeAll(async () => {
  database = await createDatabase('pglite');
  await seedDirectory(database);
  server = await startServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logLevel: 'silent' });
  api = new ApiClient(server.url);
  // The problem-manager group and one agent in it, as an administrator records them in the directory.
  const directory = await loadDocuments(server.db, 'directory', ['grp-service-desk', MANAGER_ID]);
  const group = {
    ...directory.get('grp-service-desk')!.data,
    id: PROBLEM_MANAGER_GROUP_ID,
    name: 'Problem managers',
    _deleted: false,
  };
  const user = directory.get(MANAGER_ID)!.data;
  const manager = {
    ...user,
    id: MANAGER_ID,
    groupIds: [...(user.groupIds as string[]), PROBLEM_MANAGER_GROUP_ID],
    _deleted: false,
  };
  await server.db.transaction((tx) => writeServerDocuments(tx, 'directory', [group, manager]));
  tokens.agent = (await api.login('agent@example.org')).accessToken;
  tokens.technician = (await api.login('tech@example.org')).accessToken;
  tokens.manager = (await api.login('liam.wilson@example.org')).accessToken;
  tokens.supervisor = (await api.login('supervisor@example.org')).accessToken;
  tokens.admin = (await api.login('admin@example.org')).accessToken;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('problem management: who moves problems, and along which lifecycle [pglite]', () => {
  it('numbers a problem PRB… and lets an agent record one as new', async () => {
    const fresh = makeTicket({
      type: 'problem',
      groupId: 'grp-service-desk',
      assigneeId: '',
      status: 'new',
      problemPhase: 'new',
      updatedBy: 'usr-agent',
    });
    const [created] = await api.create(tokens.agent, 'tickets', [fresh as unknown as Doc]);
    expect(created.number).toMatch(/^PRB\d{7}$/);
  });

  it('refuses an agent moving a problem to known error (403 problem_move_forbidden), and stores nothing', async () => {
    const problem = await problemIn('root_cause_analysis', { rootCause });
    const answer = await move(tokens.agent, { ...problem, problemPhase: 'known_error', knownError });
    expect(answer.status).toBe(403);
    const codes = answer.body.details?.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['problem_move_forbidden', 'known_error_edit_forbidden']));
    const refusal = answer.body.details!.find((d) => d.code === 'problem_move_forbidden')!;
    expect(refusal.message).toContain(PROBLEM_MANAGER_GROUP_ID);
    expect(refusal.message).toContain('ask a problem manager');
    expect((await stored(problem.id)).problemPhase).toBe('root_cause_analysis');
    expect((await stored(problem.id)).knownError).toBeUndefined();
  });

  it('refuses a technician too, but lets the agent record the analysis without moving the problem', async () => {
    const problem = await problemIn('root_cause_analysis', { groupId: 'grp-field' });
    const technicianMove = await move(tokens.technician, { ...problem, problemPhase: 'known_error', knownError });
    expect(technicianMove.status).toBe(403);
    expect(technicianMove.body.details?.map((d) => d.code)).toContain('problem_move_forbidden');
    const analysis = await move(tokens.agent, { ...problem, rootCause, workaround: 'Disable the add-in' });
    expect(analysis.status).toBe(200);
    expect((await stored(problem.id)).rootCause?.statement).toBe(rootCause.statement);
  });

  it('lets a problem manager (an agent in grp-problem-managers) move it to known error and publish it', async () => {
    const problem = await problemIn('root_cause_analysis', { rootCause });
    const answer = await move(tokens.manager, { ...problem, problemPhase: 'known_error', knownError });
    expect(answer.status).toBe(200);
    const now = await stored(problem.id);
    expect(now.problemPhase).toBe('known_error');
    expect(now.knownError).toEqual(knownError);
    expect(now.updatedBy).toBe(MANAGER_ID);
  });

  it('refuses a move against the lifecycle (422 problem_phase_transition), even from a problem manager', async () => {
    const problem = await problemIn('known_error', { rootCause, knownError });
    const answer = await move(tokens.manager, { ...problem, problemPhase: 'new', status: 'new', assigneeId: '' });
    expect(answer.status).toBe(422);
    expect(answer.body.details).toEqual([
      expect.objectContaining({
        code: 'problem_phase_transition',
        message: expect.stringContaining('from "known_error" to "new"') as string,
      }),
    ]);
    expect((await stored(problem.id)).problemPhase).toBe('known_error');
  });

  it('refuses a known error without its French text and a resolution without a root cause (422 with codes)', async () => {
    const problem = await problemIn('root_cause_analysis');
    const halfKnown = { ...knownError, workaround: { en: knownError.workaround.en, fr: '' } };
    const incomplete = await move(tokens.manager, { ...problem, problemPhase: 'known_error', knownError: halfKnown });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details?.map((d) => d.code)).toEqual(['known_error_incomplete']);
    const resolved = {
      ...problem,
      problemPhase: 'resolved' as const,
      status: 'resolved' as const,
      resolutionCode: 'fixed' as const,
      resolutionNotes: 'Add-in rolled back.',
    };
    const noCause = await move(tokens.supervisor, resolved);
    expect(noCause.status).toBe(422);
    expect(noCause.body.details?.map((d) => d.code)).toEqual(['root_cause_required']);
    expect((await move(tokens.supervisor, { ...resolved, rootCause })).status).toBe(200);
    expect((await stored(problem.id)).status).toBe('resolved');
  });

  it('refuses a phase whose ticket status does not match it (422 problem_phase_status)', async () => {
    const problem = await problemIn('assessment');
    const answer = await move(tokens.manager, {
      ...problem,
      problemPhase: 'resolved',
      rootCause,
      resolutionCode: 'fixed',
      resolutionNotes: 'Fixed.',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.details?.map((d) => d.code)).toEqual(['problem_phase_status']);
  });
});
