import { CLIENT_CLOCK_TOLERANCE_MS, FIELD_REVISION_MAX, onsiteResponseId, type Actor, type SurveyResponse } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { loadDocuments } from '../../server/src/db/queries/documents.js';
import { recordSurveyVersion } from '../../server/src/db/queries/survey-versions.js';
import { ApiError } from '../../server/src/http/api-error.js';
import { makeSurvey } from '../../server/src/seed/survey-data.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { pushDocuments } from '../../server/src/services/sync/push-service.js';
import { rejectPush } from '../../server/src/services/sync/violation.js';
import { writeServerDocuments } from '../../server/src/services/sync/server-writes.js';
import type { SyncDocument } from '../../server/src/services/sync/document-validation.js';
import { createDatabase, openDirect, seedDirectory, type ReliabilityDatabase } from './support/databases.js';

/**
 * The per-collection write checks (shared WRITE_CHECKS) run in the push itself, before anything is written: a push
 * with NO effects (the survey effect used to hold these checks and relied on rolling back its write) still refuses
 * forged survey responses and stores nothing. Real PGlite.
 */
const technician: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };
let database: ReliabilityDatabase;
let db: Database;
const fieldTicket = makeTicket({ groupId: 'grp-field', assigneeId: 'usr-tech' });
const appsTicket = makeTicket({ groupId: 'grp-apps', assigneeId: '' });

function response(ticketId: string, overrides: Partial<SurveyResponse> = {}): SurveyResponse & { _deleted: boolean } {
  return {
    id: onsiteResponseId(ticketId),
    surveyId: 'srv-csat',
    surveyVersion: 1,
    ticketId,
    respondentId: fieldTicket.callerId,
    answers: [{ questionId: 'q-csat', value: 4 }],
    submittedAt: 1_780_000_100_000,
    channel: 'onsite',
    ...overrides,
    _deleted: false,
  };
}

/** Pushes one document with no effects; returns the refusal (or null) and whether anything was stored. */
async function pushAlone(
  doc: { id: string },
  collection: 'survey_responses' | 'tickets' | 'kb_articles' = 'survey_responses',
  actor: Actor = technician,
): Promise<{ refusal: ApiError | null; stored: boolean }> {
  let refusal: ApiError | null = null;
  try {
    const outcome = await pushDocuments(db, actor, collection, [{ newDocumentState: doc }], []);
    // The route answers a push with refused rows as this refusal (the rows that passed are stored).
    if (outcome.violations.length > 0) refusal = rejectPush(outcome.violations, outcome.saved);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    refusal = error;
  }
  const stored = (await loadDocuments(db, collection, [doc.id])).has(doc.id);
  return { refusal, stored };
}

beforeAll(async () => {
  database = await createDatabase('pglite');
  await seedDirectory(database);
  db = await openDirect(database);
  await db.transaction(async (tx) => {
    await recordSurveyVersion(tx, makeSurvey(1_780_000_000_000));
    await writeServerDocuments(tx, 'tickets', [fieldTicket, appsTicket] as unknown as SyncDocument[]);
  });
}, 120_000);

afterAll(async () => {
  await db?.close();
  await database?.dispose();
});

describe('write checks run before the write (no effect needed)', () => {
  it('refuses an e-mail-channel response pushed by staff (403 on channel), storing nothing', async () => {
    const { refusal, stored } = await pushAlone(response(fieldTicket.id, { id: 'rsp-forged-mail', channel: 'email' }));
    expect(refusal?.statusCode).toBe(403);
    expect(refusal?.details?.[0]).toMatchObject({ documentId: 'rsp-forged-mail', field: 'channel' });
    expect(stored).toBe(false);
  });

  it('refuses a response about a ticket the pusher cannot see (403 on ticketId), storing nothing', async () => {
    const { refusal, stored } = await pushAlone(response(appsTicket.id));
    expect(refusal?.statusCode).toBe(403);
    expect(refusal?.details?.[0]).toMatchObject({ field: 'ticketId' });
    expect(stored).toBe(false);
  });

  it('refuses out-of-range answers (422 naming the question), storing nothing', async () => {
    const { refusal, stored } = await pushAlone(response(fieldTicket.id, { answers: [{ questionId: 'q-csat', value: 91 }] }));
    expect(refusal?.statusCode).toBe(422);
    expect(refusal?.details?.[0]).toMatchObject({ field: 'answers.q-csat' });
    expect(stored).toBe(false);
  });

  it('stores a valid on-site response about a visible ticket', async () => {
    const { refusal, stored } = await pushAlone(response(fieldTicket.id));
    expect(refusal).toBeNull();
    expect(stored).toBe(true);
  });
});

describe("who and when are the server's to say (#15 item 6)", () => {
  it('refuses a ticket whose createdAt or updatedAt is beyond the clock tolerance (422), storing nothing', async () => {
    const future = Date.now() + CLIENT_CLOCK_TOLERANCE_MS + 60 * 60_000;
    for (const field of ['createdAt', 'updatedAt'] as const) {
      const { refusal, stored: wasStored } = await pushAlone(makeTicket({ [field]: future }), 'tickets');
      expect(refusal?.statusCode, field).toBe(422);
      expect(refusal?.details?.[0]).toMatchObject({ field });
      expect(wasStored).toBe(false);
    }
  });

  it('accepts a device clock a little ahead (within the tolerance)', async () => {
    const ticket = makeTicket({ createdAt: Date.now() + 60_000, updatedAt: Date.now() + 60_000 });
    expect((await pushAlone(ticket, 'tickets')).refusal).toBeNull();
  });
});

describe("numbers, counters, writers and first states are the server's to say (#15 items 3, 5, 6)", () => {
  const agent: Actor = { id: 'usr-agent', role: 'agent', groupIds: ['grp-service-desk'] };
  const storedTicket = async (id: string) => (await loadDocuments(db, 'tickets', [id])).get(id)?.data;

  it('numbers a new ticket and names the pusher as its writer in the push itself (no effect needed)', async () => {
    const forged = makeTicket({ number: 'INC0000001', updatedBy: 'usr-admin', groupId: 'grp-service-desk' });
    expect((await pushAlone(forged, 'tickets', agent)).refusal).toBeNull();
    const stored = await storedTicket(forged.id);
    expect(stored?.number).toMatch(/^INC\d{7}$/);
    expect(stored?.number).not.toBe(fieldTicket.number);
    expect(stored?.updatedBy).toBe('usr-agent');
  });

  it('refuses a counter pushed to the top (422 field_revision_jump), storing nothing', async () => {
    const { refusal, stored } = await pushAlone(makeTicket({ fieldRevs: { status: FIELD_REVISION_MAX } }), 'tickets', agent);
    expect(refusal?.statusCode).toBe(422);
    expect(refusal?.details?.[0]).toMatchObject({ field: 'fieldRevs.status', code: 'field_revision_jump' });
    expect(stored).toBe(false);
  });

  it('takes a ticket first pushed closed as the offline walk it was, but not without what closing needs', async () => {
    const bare = makeTicket({ status: 'closed', groupId: 'grp-service-desk' });
    const { refusal, stored } = await pushAlone(bare, 'tickets', agent);
    expect(refusal?.statusCode).toBe(422);
    expect(refusal?.details?.map((d) => d.code)).toEqual(['resolution_code_required', 'resolution_notes_required']);
    expect(stored).toBe(false);
    const walked = makeTicket({
      status: 'closed',
      groupId: 'grp-service-desk',
      resolutionCode: 'fixed',
      resolutionNotes: 'Done.',
    });
    expect((await pushAlone(walked, 'tickets', agent)).refusal).toBeNull();
    expect((await storedTicket(walked.id))?.status).toBe('closed');
  });
});
