import {
  onsiteResponseId,
  ACCESS_POLICY,
  APPEND_ONLY_COLLECTIONS,
  IMMUTABLE_FIELDS,
  REPLICATED_COLLECTIONS,
  ROLES,
  SECURITY_GROUP_ID,
  attributeWrite,
  can,
  type KbArticle,
  type ReplicatedCollection,
  type Role,
  CALENDAR_TEMPLATES,
} from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfigItem } from '../../shared/src/cmdb/build-config-item.js';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { ApiClient, type Doc } from '../../server/src/test-support/api-client.js';
import { makeArticle, makeEvent, makeTicket, uniqueId } from '../../server/src/test-support/fixtures.js';
import { makeSurvey } from '../../server/src/seed/survey-data.js';
import { versionSnapshot } from '../../server/src/services/kb/version-snapshots.js';
import { writeServerDocuments } from '../../server/src/services/sync/server-writes.js';
import type { SyncDocument } from '../../server/src/services/sync/document-validation.js';
import {
  ACTORS,
  AUTHORIZATION_TABLE,
  ENDPOINT_TABLE,
  FIXTURE_TICKETS,
  type Action,
  type ActorName,
  type FixtureTicket,
  type Outcome,
} from './authorization/policy-table.js';
import { createDatabase, probePostgres, seedDirectory, type ReliabilityDatabase } from './support/databases.js';

const postgres = await probePostgres();
const kind = postgres.available ? 'postgres' : 'pglite';

const EMAILS: Record<ActorName, string> = {
  agent: 'agent@example.org',
  securityAgent: 'maya.singh@example.org',
  technician: 'tech@example.org',
  supervisor: 'supervisor@example.org',
  admin: 'admin@example.org',
};
const ROLE_OF: Record<ActorName, Role> = {
  agent: 'agent',
  securityAgent: 'agent',
  technician: 'technician',
  supervisor: 'supervisor',
  admin: 'admin',
};
const USER_ID: Record<ActorName, string> = {
  agent: 'usr-agent',
  securityAgent: 'usr-0005',
  technician: 'usr-tech',
  supervisor: 'usr-supervisor',
  admin: 'usr-admin',
};

/** Fixtures are typed documents; the API client takes any document (the server checks the shape). */
const asDoc = (doc: object): Doc => doc as Doc;

/** A fresh valid document of a collection, as `actor` would create it. */
function freshDoc(collection: ReplicatedCollection, actor: ActorName, ticketId: string): Doc {
  const id = uniqueId(collection.slice(0, 3));
  switch (collection) {
    case 'tickets':
      // In the technician's group, unassigned: every role sees it.
      // Written in the actor's name, as their device does (the server stamps the pusher anyway).
      return asDoc(makeTicket({ id, groupId: 'grp-field', assigneeId: '', status: 'assigned', updatedBy: USER_ID[actor] }));
    case 'ticket_events':
      return asDoc(makeEvent(ticketId, USER_ID[actor], { id }));
    case 'kb_articles':
      return { ...makeArticle({ id }), authorId: USER_ID[actor] };
    case 'kb_article_versions':
      return asDoc({
        ...versionSnapshot(makeArticle({ id: uniqueId('kb') }) as unknown as KbArticle, 'usr-admin'),
        _deleted: false,
      });
    case 'surveys':
      return { ...makeSurvey(1_780_000_000_000), id, status: 'draft', _deleted: false };
    case 'survey_responses':
      return {
        // Devices record only on-site responses, the ticket's one (its id says so), in its caller's name.
        id: onsiteResponseId(ticketId),
        surveyId: 'srv-csat',
        surveyVersion: 1,
        ticketId,
        respondentId: 'usr-0002',
        answers: [{ questionId: 'q-csat', value: 5 }],
        submittedAt: 1_780_000_000_000,
        channel: 'onsite',
        _deleted: false,
      };
    case 'config_items':
      return asDoc({
        ...buildConfigItem({ id, ownerGroupId: 'grp-field', updatedBy: USER_ID[actor] }),
        deleted: undefined,
        _deleted: false,
      });
    case 'ci_history':
      return {
        id,
        ciId: MATRIX_CI,
        authorId: 'usr-admin',
        occurredAt: 1_780_000_000_000,
        kind: 'updated',
        changes: [],
        _deleted: false,
      };
    case 'directory':
      return {
        id,
        kind: 'category',
        name: 'Fixture category',
        nameFr: 'Catégorie',
        email: '',
        role: '',
        groupIds: [],
        parentId: '',
        groupId: 'grp-field',
        locale: 'en',
        active: true,
        updatedAt: 1_780_000_000_000,
        _deleted: false,
      };
    case 'settings':
      return {
        id,
        kind: 'sla_calendar',
        data: { ...CALENDAR_TEMPLATES[0], id },
        updatedAt: 1_780_000_000_000,
        updatedBy: USER_ID[actor],
        _deleted: false,
      };
  }
}

/** The CI the history fixture is about (owned by the technician's group). */
const MATRIX_CI = 'ci-matrix';

/** The change an action makes to a document, made by `userId`. */
function change(collection: ReplicatedCollection, action: Action, doc: Doc, userId: string): Doc {
  // A CI change is made in the pusher's own name.
  if (collection === 'config_items') doc = { ...doc, updatedBy: userId };
  if (action === 'delete') return { ...doc, _deleted: true };
  const field = action.startsWith('update:') ? action.slice('update:'.length) : 'ordinary';
  const values: Record<string, unknown> = {
    security: true,
    callerId: 'usr-0003',
    type: 'request',
    priorityOverrideReason: 'VIP caller',
    groupId: 'grp-apps',
    number: 'INC-CHANGED',
    createdAt: Number(doc.createdAt) + 1,
    ticketId: 'some-other-ticket',
    authorId: 'usr-0003',
    occurredAt: Number(doc.occurredAt) + 1,
    kind: 'worklog',
    name: 'Renamed server',
    relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: MATRIX_CI }],
    ratings: { [userId]: { value: 'helpful', at: 1 } },
    reviewBy: '2027-06-01',
  };
  if (field !== 'ordinary') return { ...doc, [field]: values[field] };
  const ordinary: Record<ReplicatedCollection, Record<string, unknown>> = {
    tickets: { title: 'Changed title' },
    ticket_events: { body: 'Changed body' },
    kb_articles: { tags: ['changed'] },
    kb_article_versions: { tags: ['changed'] },
    surveys: { title: { en: 'Changed', fr: 'Changé' } },
    survey_responses: { answers: [{ questionId: 'q-csat', value: 4 }] },
    directory: { name: 'Changed name' },
    settings: { updatedBy: 'usr-0003' },
    config_items: { status: 'under_maintenance' },
    ci_history: { kind: 'retired' },
  };
  return { ...doc, ...ordinary[collection] };
}

const STATUS: Record<Outcome, number> = { allow: 200, deny: 403, invalid: 422 };

describe(`authorisation: every role x collection x action against the server [${kind}]${postgres.available ? '' : ` (PostgreSQL SKIPPED: ${postgres.reason})`}`, () => {
  let database: ReliabilityDatabase;
  let server: RunningServer;
  let api: ApiClient;
  const tokens = {} as Record<ActorName, string>;
  const fixtures = {} as Record<FixtureTicket, Doc>;
  const fixtureDocs = {} as Record<ReplicatedCollection, Doc>;
  let cells = 0;

  const stored = async (collection: string, id: string): Promise<Doc | null> => {
    const rows = await server.db.query<{ data: Record<string, unknown>; deleted: boolean }>(
      'SELECT data, deleted FROM sync_documents WHERE collection = $1 AND id = $2',
      [collection, id],
    );
    return rows[0] ? { ...rows[0].data, id, _deleted: rows[0].deleted } : null;
  };

  const adminPush = async (collection: string, docs: Doc[]): Promise<void> => {
    if (collection === 'kb_article_versions' || collection === 'ci_history' || collection === 'survey_responses') {
      // Nobody may push version records: the server writes them itself. Fixture survey responses stand for answers
      // the server recorded from survey links (a device pushes only a ticket's one on-site response).
      await server.db.transaction((tx) => writeServerDocuments(tx, collection, docs as unknown as SyncDocument[]));
      return;
    }
    // New documents in the admin's name, as the admin's device writes them (so the server has nothing to restamp).
    const admin = { id: USER_ID.admin, role: 'admin' as const, groupIds: [] };
    const written = docs.map((doc) => attributeWrite(collection as ReplicatedCollection, admin, doc, undefined) as Doc);
    // As stored: the server numbers each new ticket; the fixtures become that state, the masters later pushes assume.
    const stored = await api.create(tokens.admin, collection, written);
    docs.forEach((doc, i) => Object.assign(doc, stored[i]));
  };

  /** A new ticket of the technician's group, unassigned (every role sees it), stored by the admin. */
  const freshFieldTicket = async (): Promise<string> => {
    const ticket = asDoc(makeTicket({ groupId: 'grp-field', assigneeId: '', updatedBy: USER_ID.admin }));
    await adminPush('tickets', [ticket]);
    return ticket.id;
  };

  beforeAll(async () => {
    database = await createDatabase(kind);
    await seedDirectory(database);
    server = await startServer({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logLevel: 'silent' });
    api = new ApiClient(server.url);
    for (const actor of ACTORS) tokens[actor] = (await api.login(EMAILS[actor])).accessToken;
    fixtures.fieldGroup = asDoc(makeTicket({ groupId: 'grp-field', assigneeId: '' }));
    fixtures.otherGroup = asDoc(makeTicket({ groupId: 'grp-apps', assigneeId: '' }));
    fixtures.assignedToTechnician = asDoc(makeTicket({ groupId: 'grp-apps', assigneeId: 'usr-tech' }));
    fixtures.assignedToAgent = asDoc(makeTicket({ groupId: 'grp-service-desk', assigneeId: 'usr-agent' }));
    fixtures.securityIncident = asDoc(makeTicket({ groupId: 'grp-security', assigneeId: '', security: true }));
    await adminPush('tickets', Object.values(fixtures));
    await adminPush(
      'ticket_events',
      FIXTURE_TICKETS.map((name) => asDoc(makeEvent(fixtures[name].id, 'usr-admin', { id: `ev-${name}` }))),
    );
    await adminPush(
      'survey_responses',
      FIXTURE_TICKETS.map((name) => ({ ...freshDoc('survey_responses', 'admin', fixtures[name].id), id: `rsp-${name}` })),
    );
    await adminPush('config_items', [{ ...freshDoc('config_items', 'admin', ''), id: MATRIX_CI }]);
    // One fixture document in every other collection (tickets and events have theirs above).
    for (const collection of REPLICATED_COLLECTIONS.filter((name) => name !== 'tickets' && name !== 'ticket_events')) {
      fixtureDocs[collection] = freshDoc(collection, 'admin', fixtures.fieldGroup.id);
      await adminPush(collection, [fixtureDocs[collection]]);
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    console.log(`authorisation matrix: ${cells} cells run against the server`);
  });

  it('the table agrees with the ACCESS_POLICY the code enforces (so it documents the real policy)', () => {
    for (const collection of REPLICATED_COLLECTIONS) {
      const row = AUTHORIZATION_TABLE[collection];
      for (const actor of ACTORS) {
        const grant = ACCESS_POLICY[collection][ROLE_OF[actor]];
        const where = `${collection} / ${actor}`;
        expect(row.actions.create[actor] === 'allow', `${where} create`).toBe(grant.create);
        expect(row.actions.delete[actor] === 'allow', `${where} delete`).toBe(grant.delete);
        expect(row.actions.update[actor] === 'allow', `${where} update`).toBe(grant.update);
        expect(row.pull[actor] === 'none', `${where} pull none`).toBe(grant.pull === 'none');
        for (const field of grant.lockedFields)
          expect(row.actions[`update:${field}`]?.[actor], `${where} locked ${field}`).toBe('deny');
        for (const field of IMMUTABLE_FIELDS[collection] ?? []) {
          const expected = APPEND_ONLY_COLLECTIONS.includes(collection) ? 'deny' : 'invalid';
          expect(row.actions[`update:${field}`]?.[actor], `${where} immutable ${field}`).toBe(expected);
        }
      }
    }
    // Every role of the code is in the table.
    expect(new Set(ACTORS.map((a) => ROLE_OF[a]))).toEqual(new Set(ROLES));
  });

  it('the table agrees with the can() policies the routes and pulls ask (security, surveys, ticket visibility)', () => {
    for (const name of ACTORS) {
      // The security clearance and group membership the fixtures give each actor.
      const actor = { id: USER_ID[name], role: ROLE_OF[name], groupIds: name === 'securityAgent' ? [SECURITY_GROUP_ID] : [] };
      const tickets = AUTHORIZATION_TABLE.tickets;
      expect(tickets.actions['update:security'][name] === 'allow', `${name} security`).toBe(can(actor, 'security.see'));
      // Receiving every ticket = cleared for security incidents and not bound to one's groups.
      const seesEverything = can(actor, 'security.see') && can(actor, 'tickets.seeAllGroups');
      expect(tickets.pull[name] === 'all', `${name} pull`).toBe(seesEverything);
      const kb = AUTHORIZATION_TABLE.kb_articles.actions;
      expect(kb['update:ratings'][name] === 'allow', `${name} rates`).toBe(can(actor, 'kb.rate'));
      expect(kb['update:reviewBy'][name] === 'allow', `${name} sets review dates`).toBe(can(actor, 'kb.review.set'));
      for (const action of ['create', 'update', 'delete'] as const)
        expect(AUTHORIZATION_TABLE.surveys.actions[action][name] === 'allow', `${name} surveys ${action}`).toBe(
          can(actor, 'surveys.manage'),
        );
    }
  });

  describe.each(REPLICATED_COLLECTIONS)('%s', (collection) => {
    const row = AUTHORIZATION_TABLE[collection];

    it.each(ACTORS)(`pull as %s`, async (actor) => {
      cells++;
      const expected = row.pull[actor];
      const response = await api.pull(tokens[actor], collection, null, 2000);
      expect(response.status).toBe(200);
      const received = new Set(response.body.documents.map((d) => d.id));
      if (collection === 'tickets' || collection === 'ticket_events' || collection === 'survey_responses') {
        const prefix = collection === 'ticket_events' ? 'ev' : 'rsp';
        const ids = (name: FixtureTicket) => (collection === 'tickets' ? fixtures[name].id : `${prefix}-${name}`);
        const visible = expected === 'all' ? FIXTURE_TICKETS : expected === 'none' ? [] : expected;
        for (const name of FIXTURE_TICKETS)
          expect(received.has(ids(name)), `${actor} receives ${name}`).toBe(visible.includes(name));
      } else if (expected === 'none') {
        expect(response.body.documents).toEqual([]);
      } else {
        expect(received.has(fixtureDocs[collection].id)).toBe(true);
      }
    });

    const cases = Object.entries(row.actions).flatMap(([action, outcomes]) =>
      ACTORS.map((actor) => ({ action: action as Action, actor, outcome: outcomes[actor] })),
    );
    it.each(cases)('$action by $actor: $outcome', async ({ action, actor, outcome }) => {
      cells++;
      if (action === 'create') {
        // A ticket has one on-site response: each create of one is about a ticket of its own.
        const ticketId = collection === 'survey_responses' ? await freshFieldTicket() : fixtures.fieldGroup.id;
        const doc = freshDoc(collection, actor, ticketId);
        const response = await api.push(tokens[actor], collection, [{ newDocumentState: doc }]);
        expect(response.status, JSON.stringify(response.body)).toBe(STATUS[outcome]);
        expect((await stored(collection, doc.id)) !== null).toBe(outcome === 'allow');
        return;
      }
      const master = freshDoc(collection, 'admin', fixtures.fieldGroup.id);
      await adminPush(collection, [master]);
      const before = await stored(collection, master.id);
      const changed = change(collection, action, master, USER_ID[actor]);
      // The actor's device writes edits in the actor's name (the server would stamp it so anyway).
      const next =
        collection === 'tickets'
          ? { ...changed, updatedBy: USER_ID[actor] }
          : collection === 'kb_articles' && action !== 'update:ratings'
            ? { ...changed, authorId: USER_ID[actor] }
            : changed;
      const response = await api.push(tokens[actor], collection, [{ assumedMasterState: master, newDocumentState: next }]);
      expect(response.status, JSON.stringify(response.body)).toBe(STATUS[outcome]);
      const after = await stored(collection, master.id);
      if (outcome === 'allow') {
        expect(response.body).toEqual([]);
        expect(after).toEqual(next);
      } else {
        expect(after, 'a refused write changed nothing').toEqual(before);
        if (outcome === 'deny') expect(JSON.stringify(response.body)).toMatch(/may not|cannot|append-only|could not see/);
      }
    });
  });

  it('no role may push a portal or e-mail survey response, nor one in another name than the caller (#15 item 4)', async () => {
    for (const actor of ACTORS) {
      for (const channel of ['portal', 'email'] as const) {
        const ticketId = await freshFieldTicket();
        const doc = { ...freshDoc('survey_responses', actor, ticketId), channel, id: uniqueId('rsp') };
        const response = await api.push(tokens[actor], 'survey_responses', [{ newDocumentState: doc }]);
        expect(response.status, `${actor} ${channel}`).toBe(403);
        expect(await stored('survey_responses', doc.id)).toBeNull();
      }
      const ticketId = await freshFieldTicket();
      const forged = { ...freshDoc('survey_responses', actor, ticketId), respondentId: USER_ID[actor] };
      const response = await api.push(tokens[actor], 'survey_responses', [{ newDocumentState: forged }]);
      expect(response.status, `${actor} respondent`).toBe(422);
      expect(await stored('survey_responses', forged.id)).toBeNull();
    }
  });

  it('guards the CMDB import and export endpoints as the endpoint table and can() say', async () => {
    // Nothing is written: the import body names a group that does not exist, so an allowed import is refused (422).
    const body = { cis: 'external_id,name,class,status,criticality,owner_group\nX-1,X,application,in_service,low,grp-none' };
    for (const [endpoint, { action, outcome }] of Object.entries(ENDPOINT_TABLE)) {
      const [method, path] = endpoint.split(' ');
      for (const name of ACTORS) {
        const actor = { id: USER_ID[name], role: ROLE_OF[name], groupIds: name === 'technician' ? ['grp-field'] : [] };
        expect(outcome[name] === 'allow', `${endpoint} / ${name} agrees with can()`).toBe(can(actor, action));
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${tokens[name]}`,
            ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          },
          body: method === 'POST' ? JSON.stringify(body) : undefined,
        });
        if (outcome[name] === 'deny') expect(response.status, `${endpoint} / ${name}`).toBe(403);
        else expect([200, 422], `${endpoint} / ${name}`).toContain(response.status);
      }
    }
  });

  it('ran every cell of the table', () => {
    const actionCells = REPLICATED_COLLECTIONS.reduce(
      (n, c) => n + Object.keys(AUTHORIZATION_TABLE[c].actions).length * ACTORS.length,
      0,
    );
    expect(cells).toBe(actionCells + REPLICATED_COLLECTIONS.length * ACTORS.length);
  });
});
