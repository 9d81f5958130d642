import type { KnownError, RootCause, Ticket } from '@shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { createTicket } from './create-ticket.js';
import {
  DISMISSALS_DOC_ID,
  WORKAROUND_APPLIED,
  applyWorkaround,
  createProblemFromCandidate,
  dismissCandidate,
  linkIncidentByNumber,
  linkIncidents,
  moveProblemPhase,
  openIncidentsOf,
  recordRootCause,
  recordWorkaround,
  resolveProblemWithIncidents,
  saveKnownError,
} from './problems.js';

const supervisor = { id: 'u-sup', role: 'supervisor' as const, groupIds: [] };
const manager = { id: 'u-pm', role: 'agent' as const, groupIds: ['grp-service-desk', 'grp-problem-managers'] };
const agent = { id: 'u-agent', role: 'agent' as const, groupIds: ['grp-service-desk'] };

const knownError: KnownError = {
  symptoms: { en: 'VPN drops every hour', fr: 'Le VPN coupe chaque heure' },
  cause: { en: 'Expired certificate', fr: 'Certificat expiré' },
  workaround: { en: 'Reconnect with the backup profile', fr: 'Se reconnecter avec le profil de secours' },
};
const rootCause: RootCause = {
  timeline: [
    { at: 2, text: ' Certificate expired ' },
    { at: 1, text: 'Renewal job failed' },
    { at: 3, text: '  ' },
  ],
  whys: ['Why drops? Certificate', '', 'Why expired? Renewal failed'],
  contributingFactors: ['No monitoring', ' '],
  statement: ' The renewal job lost its credentials ',
  fixChangeId: '',
};

describe('problem commands', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
    await db.tickets.bulkInsert([
      makeTicket({ id: 'prb', number: 'PRB0000001', type: 'problem', status: 'new', assigneeId: '', problemPhase: 'new' }),
      makeTicket({ id: 'i1', number: 'INC0000101', status: 'assigned', categoryId: 'cat-network', impact: 2, urgency: 1 }),
      makeTicket({ id: 'i2', number: 'INC0000102', status: 'new', assigneeId: '', categoryId: 'cat-network' }),
      makeTicket({ id: 'i3', number: 'INC0000103', status: 'in_progress', categoryId: 'cat-hardware', impact: 1 }),
    ]);
  });
  afterEach(async () => {
    await db.close();
  });
  const ticket = async (id: string) => (await db.tickets.findOne(id).exec())!.toJSON() as Ticket;

  it('moves a problem one phase at a time with the status its phase goes with, for problem managers only', async () => {
    expect((await moveProblemPhase(db, 'prb', 'assessment', agent)).map((v) => v.code)).toEqual(['problem_move_forbidden']);
    expect((await moveProblemPhase(db, 'prb', 'known_error', manager)).map((v) => v.code)).toEqual(['problem_phase_transition']);
    expect((await ticket('prb')).problemPhase).toBe('new');
    expect(await moveProblemPhase(db, 'prb', 'assessment', manager)).toEqual([]);
    expect(await ticket('prb')).toMatchObject({ problemPhase: 'assessment', status: 'new' });
    expect(await moveProblemPhase(db, 'prb', 'root_cause_analysis', supervisor)).toEqual([]);
    // The shared rules still judge the phase: a known error needs its texts in both languages.
    expect((await moveProblemPhase(db, 'prb', 'known_error', supervisor)).map((v) => v.code)).toContain('known_error_incomplete');
    // Resolving as fixed needs a root cause.
    const fixed = { resolutionCode: 'fixed' as const, resolutionNotes: 'Job repaired' };
    expect((await moveProblemPhase(db, 'prb', 'resolved', supervisor, fixed)).map((v) => v.code)).toEqual([
      'root_cause_required',
    ]);
    expect(await recordRootCause(db, 'prb', rootCause, agent)).toEqual([]);
    expect(await moveProblemPhase(db, 'prb', 'resolved', supervisor, fixed)).toEqual([]);
    expect(await ticket('prb')).toMatchObject({ problemPhase: 'resolved', status: 'resolved', resolutionCode: 'fixed' });
    expect((await moveProblemPhase(db, 'i1', 'assessment', supervisor)).map((v) => v.code)).toEqual(['problem_field_type']);
  });

  it('records the analysis in structure, blank entries dropped, by anyone who edits the ticket', async () => {
    expect(await recordRootCause(db, 'prb', rootCause, agent)).toEqual([]);
    expect((await ticket('prb')).rootCause).toEqual({
      timeline: [
        { at: 1, text: 'Renewal job failed' },
        { at: 2, text: 'Certificate expired' },
      ],
      whys: ['Why drops? Certificate', 'Why expired? Renewal failed'],
      contributingFactors: ['No monitoring'],
      statement: 'The renewal job lost its credentials',
      fixChangeId: '',
    });
    expect(await recordWorkaround(db, 'prb', ' Use the backup profile ', agent)).toEqual([]);
    expect((await ticket('prb')).workaround).toBe('Use the backup profile');
    expect((await recordRootCause(db, 'i1', rootCause, agent)).map((v) => v.code)).toEqual(['problem_field_type']);
  });

  it('publishes a known error with the phase move in one write, complete in both languages, by managers only', async () => {
    await moveProblemPhase(db, 'prb', 'assessment', manager);
    await moveProblemPhase(db, 'prb', 'root_cause_analysis', manager);
    expect((await saveKnownError(db, 'prb', knownError, agent, true)).map((v) => v.code)).toEqual(['known_error_edit_forbidden']);
    const half = { ...knownError, cause: { en: 'Expired certificate', fr: ' ' } };
    expect((await saveKnownError(db, 'prb', half, manager, true)).map((v) => v.code)).toEqual(['known_error_incomplete']);
    // A draft may be half written while the phase stays.
    expect(await saveKnownError(db, 'prb', half, manager)).toEqual([]);
    expect((await ticket('prb')).problemPhase).toBe('root_cause_analysis');
    expect(await saveKnownError(db, 'prb', knownError, manager, true)).toEqual([]);
    expect(await ticket('prb')).toMatchObject({ problemPhase: 'known_error', knownError });
  });

  it('links incidents in bulk and by number, and refuses linking a non-incident', async () => {
    expect(await linkIncidents(db, 'prb', ['i1', 'i2'], agent)).toEqual({ violations: [], updated: 2, refused: [] });
    expect((await ticket('i1')).problemId).toBe('prb');
    expect(await linkIncidentByNumber(db, 'prb', 'inc0000103', agent)).toEqual([]);
    expect((await ticket('i3')).problemId).toBe('prb');
    expect((await linkIncidentByNumber(db, 'prb', 'PRB0000001', agent)).map((v) => v.code)).toEqual(['problem_link']);
    expect((await linkIncidents(db, 'i1', ['i2'], agent)).violations.map((v) => v.code)).toEqual(['problem_field_type']);
    await linkIncidents(db, '', ['i1'], agent);
    expect((await ticket('i1')).problemId).toBe('');
  });

  it('creates a problem from a candidate in phase new, linking every incident, for problem managers', async () => {
    const candidate = { trait: { kind: 'text' as const, terms: ['vpn', 'drops'] }, incidentIds: ['i1', 'i2', 'i3'] };
    const input = { title: 'VPN drops', description: 'Three incidents' };
    expect((await createProblemFromCandidate(db, candidate, input, agent)).violations.map((v) => v.code)).toEqual([
      'not_permitted',
    ]);
    const result = await createProblemFromCandidate(db, candidate, input, supervisor);
    expect(result).toMatchObject({ violations: [], linked: 3, refused: [] });
    expect(result.problem).toMatchObject({
      type: 'problem',
      problemPhase: 'new',
      categoryId: 'cat-network',
      impact: 1,
      urgency: 1,
    });
    for (const id of ['i1', 'i2', 'i3']) expect((await ticket(id)).problemId).toBe(result.problem!.id);
  });

  it('gives every problem created on the desk the phase new', async () => {
    const created = await createTicket(
      db,
      {
        type: 'problem',
        title: 'P',
        description: '',
        callerId: 'u-sup',
        channel: 'phone',
        categoryId: '',
        impact: 2,
        urgency: 2,
      },
      supervisor,
    );
    expect(created.ticket?.problemPhase).toBe('new');
  });

  it('applies a workaround from an incident: links it and records which problem it came from', async () => {
    expect(await applyWorkaround(db, 'i2', { id: 'prb', number: 'PRB0000001' }, 'Reconnect', agent)).toEqual([]);
    expect((await ticket('i2')).problemId).toBe('prb');
    const events = (await db.ticket_events.find({ selector: { ticketId: 'i2', kind: 'comment' } }).exec()).map((e) => e.toJSON());
    expect(events).toEqual([
      expect.objectContaining({
        body: 'PRB0000001: Reconnect',
        fromValue: WORKAROUND_APPLIED,
        toValue: 'prb',
        authorId: 'u-agent',
      }),
    ]);
  });

  it('keeps dismissals on this device, one per candidate at its latest size', async () => {
    await dismissCandidate(db, { key: 'ci:c1', count: 5 });
    await dismissCandidate(db, { key: 'ci:c1', count: 7 });
    await dismissCandidate(db, { key: 'category:x', count: 5 });
    const doc = await db.getLocal<{ dismissed: { key: string; count: number }[] }>(DISMISSALS_DOC_ID);
    expect(doc?.toJSON().data.dismissed).toEqual([
      { key: 'ci:c1', count: 7 },
      { key: 'category:x', count: 5 },
    ]);
  });
  it('resolves a problem with its chosen open incidents, notes naming the problem, and counts them on the problem', async () => {
    await linkIncidents(db, 'prb', ['i1', 'i2', 'i3'], agent);
    await db.tickets.insert(
      makeTicket({
        id: 'i4',
        number: 'INC0000104',
        status: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'x',
        problemId: 'prb',
      }),
    );
    const linked = (await db.tickets.find({ selector: { problemId: 'prb' } }).exec()).map((d) => d.toJSON() as Ticket);
    expect(
      openIncidentsOf(linked)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['i1', 'i2', 'i3']);
    const fixed = { resolutionCode: 'fixed' as const, resolutionNotes: 'Driver rolled back' };
    // Refused as a whole while the problem may not be resolved: nothing of the incidents is touched.
    expect((await resolveProblemWithIncidents(db, 'prb', fixed, ['i1', 'i2'], supervisor)).violations.map((v) => v.code)).toEqual(
      ['problem_phase_transition'],
    );
    expect((await ticket('i1')).status).toBe('assigned');
    await moveProblemPhase(db, 'prb', 'assessment', supervisor);
    await moveProblemPhase(db, 'prb', 'root_cause_analysis', supervisor);
    await recordRootCause(db, 'prb', rootCause, agent);
    expect(await resolveProblemWithIncidents(db, 'prb', fixed, ['i1', 'i2'], supervisor)).toEqual({
      violations: [],
      updated: 2,
      refused: [],
    });
    expect(await ticket('prb')).toMatchObject({ problemPhase: 'resolved', status: 'resolved', resolvedByProblemCount: 2 });
    for (const id of ['i1', 'i2']) {
      expect(await ticket(id)).toMatchObject({
        status: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Fixed by problem PRB0000001: Driver rolled back',
      });
    }
    expect((await ticket('i3')).status).toBe('in_progress');
    // A second round adds to the count.
    expect((await resolveProblemWithIncidents(db, 'prb', fixed, ['i3'], supervisor)).updated).toBe(1);
    expect((await ticket('prb')).resolvedByProblemCount).toBe(3);
  });
});
