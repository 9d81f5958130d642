import { SYSTEM_AUTHOR_ID, onsiteResponseId, type SurveyResponse } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSurvey } from '../../seed/survey-data.js';
import type { ApiClient, Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket, uniqueId } from '../../test-support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { surveyTableCounts } from '../../test-support/surveys.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
/** Starting, seeding (password hashing) and signing in take long on a busy machine. */
const SETUP_TIMEOUT_MS = 180_000;
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

/** An on-site response to the seeded survey, as the technician's device records it. */
function onsite(ticketId: string, answers: SurveyResponse['answers'], overrides: Partial<SurveyResponse> = {}): Doc {
  return {
    id: onsiteResponseId(ticketId),
    surveyId: 'srv-csat',
    surveyVersion: 1,
    ticketId,
    respondentId: 'usr-0002',
    answers,
    submittedAt: 1_780_000_100_000,
    channel: 'onsite',
    ...overrides,
    _deleted: false,
  };
}

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('survey responses pushed by devices', backend), () => {
    const env = useTestServers(backend, { server: { smtpUrl: capture.url, mailPollMs: 200 }, startTimeoutMs: SETUP_TIMEOUT_MS });
    const tokens = { agent: '', tech: '', supervisor: '', admin: '' };
    const ticketOf = { field: {} as Doc, apps: {} as Doc, agents: {} as Doc, others: {} as Doc };

    const push = (api: ApiClient, token: string, collection: string, docs: Doc[]) =>
      api.push(
        token,
        collection,
        docs.map((newDocumentState) => ({ newDocumentState })),
      );

    beforeAll(async () => {
      if (!backend.available) return;
      const { api } = env();
      for (const [name, email] of [
        ['agent', 'agent@example.org'],
        ['tech', 'tech@example.org'],
        ['supervisor', 'supervisor@example.org'],
        ['admin', 'admin@example.org'],
      ] as const)
        tokens[name] = (await api.login(email)).accessToken;
      // The technician (grp-field) sees the field ticket, not the apps one; the agent is assigned `agents`.
      ticketOf.field = makeTicket({ groupId: 'grp-field', assigneeId: 'usr-tech', title: 'Field visit' }) as unknown as Doc;
      ticketOf.apps = makeTicket({ groupId: 'grp-apps', assigneeId: '' }) as unknown as Doc;
      ticketOf.agents = makeTicket({ groupId: 'grp-service-desk', assigneeId: 'usr-agent' }) as unknown as Doc;
      ticketOf.others = makeTicket({ groupId: 'grp-service-desk', assigneeId: 'usr-0002' }) as unknown as Doc;
      // As stored: numbered by the server, in the admin's name.
      const created = await api.create(tokens.admin, 'tickets', Object.values(ticketOf));
      Object.keys(ticketOf).forEach((name, i) => Object.assign(ticketOf, { [name]: created[i] }));
    }, SETUP_TIMEOUT_MS);

    it('accepts an on-site response once: pushing it again (retry, double submit) stores nothing more', async () => {
      const response = onsite(ticketOf.field.id, [
        { questionId: 'q-csat', value: 5 },
        { questionId: 'q-comment', value: 'Merci Théo' },
      ]);
      const first = await push(env().api, tokens.tech, 'survey_responses', [response]);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const before = await surveyTableCounts(env().server.db);
      const again = await push(env().api, tokens.tech, 'survey_responses', [response]);
      expect(again.status).toBe(200);
      expect(again.body).toEqual([]);
      // A second submission with other answers is the same document: refused, the first one stands.
      const other = await push(env().api, tokens.tech, 'survey_responses', [
        onsite(ticketOf.field.id, [{ questionId: 'q-csat', value: 1 }], { submittedAt: 1_780_000_200_000 }),
      ]);
      expect(other.status).toBe(403);
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
      const { docs } = await env().api.pullAll(tokens.supervisor, 'survey_responses');
      expect([...docs.values()].filter((d) => d.ticketId === ticketOf.field.id)).toEqual([response]);
      // The ticket's history says the caller answered, once, to the technician too: never the score or a word of it.
      const { docs: events } = await env().api.pullAll(tokens.tech, 'ticket_events');
      const answered = [...events.values()].filter((e) => e.ticketId === ticketOf.field.id && e.kind === 'survey_response');
      expect(answered).toEqual([expect.objectContaining({ authorId: SYSTEM_AUTHOR_ID, toValue: 'onsite', body: '' })]);
      expect(JSON.stringify(answered)).not.toMatch(/Merci|"5"|q-csat/);
    });

    it('refuses on-site responses that break the rules with a clear 4xx, storing nothing', async () => {
      const before = await surveyTableCounts(env().server.db);
      const { api } = env();
      const cases: { doc: Doc; token: string; status: number; message: RegExp }[] = [
        {
          doc: onsite(ticketOf.agents.id, [{ questionId: 'q-csat', value: 9 }]),
          token: tokens.agent,
          status: 422,
          message: /The question "How satisfied are you with the resolution of your ticket\?" needs a whole number from 1-5/,
        },
        {
          doc: onsite(ticketOf.agents.id, [{ questionId: 'q-nps', value: 8 }]),
          token: tokens.agent,
          status: 422,
          message: /"How satisfied are you.*" needs an answer/,
        },
        {
          doc: onsite(ticketOf.agents.id, [
            { questionId: 'q-csat', value: 4 },
            { questionId: 'q-unknown', value: 4 },
          ]),
          token: tokens.agent,
          status: 422,
          message: /"q-unknown" is not part of this survey/,
        },
        {
          doc: onsite(ticketOf.apps.id, [{ questionId: 'q-csat', value: 4 }]),
          token: tokens.tech,
          status: 403,
          message: /cannot see ticket/,
        },
        {
          doc: { ...onsite(ticketOf.agents.id, [{ questionId: 'q-csat', value: 4 }]), id: uniqueId('rsp') },
          token: tokens.agent,
          status: 422,
          message: /its id must be "rsp-onsite-/,
        },
        {
          doc: onsite(ticketOf.agents.id, [{ questionId: 'q-csat', value: 4 }], { surveyVersion: 7 }),
          token: tokens.agent,
          status: 422,
          message: /has no version 7/,
        },
        {
          doc: onsite(ticketOf.agents.id, [{ questionId: 'q-csat', value: 4 }], { channel: 'email', id: uniqueId('rsp') }),
          token: tokens.supervisor,
          status: 403,
          message: /E-mail responses are recorded by the server/,
        },
      ];
      for (const { doc, token, status, message } of cases) {
        const response = await push(api, token, 'survey_responses', [doc]);
        expect(response.status, JSON.stringify(response.body)).toBe(status);
        expect(JSON.stringify(response.body).replaceAll('\\"', '"')).toMatch(message);
      }
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
    });

    it('agents pull the responses of tickets assigned to them, technicians none, supervisors all', async () => {
      const { api } = env();
      const mine = onsite(ticketOf.agents.id, [{ questionId: 'q-csat', value: 4 }]);
      const theirs = onsite(ticketOf.others.id, [{ questionId: 'q-csat', value: 5 }]);
      expect((await push(api, tokens.supervisor, 'survey_responses', [mine, theirs])).status).toBe(200);
      const ids = async (token: string) => [...(await api.pullAll(token, 'survey_responses')).docs.keys()].sort();
      expect(await ids(tokens.agent)).toEqual([mine.id]);
      expect(await ids(tokens.tech)).toEqual([]);
      expect(await ids(tokens.supervisor)).toEqual(
        expect.arrayContaining([mine.id, theirs.id, onsiteResponseId(ticketOf.field.id)]),
      );
      // Once the other ticket is assigned to the agent, its response reaches the agent's next pull.
      const { checkpoint } = await api.pullAll(tokens.agent, 'survey_responses');
      const reassigned = { ...ticketOf.others, assigneeId: 'usr-agent', updatedBy: 'usr-supervisor' };
      expect(
        (await api.push(tokens.supervisor, 'tickets', [{ assumedMasterState: ticketOf.others, newDocumentState: reassigned }]))
          .status,
      ).toBe(200);
      expect([...(await api.pullAll(tokens.agent, 'survey_responses', checkpoint)).docs.keys()]).toEqual([theirs.id]);
    });

    it('a low on-site score opens a follow-up task for the ticket group and e-mails its supervisors', async () => {
      const { api } = env();
      // One title per backend: both variants share the SMTP capture, and each server numbers its tickets alike.
      const title = `Field visit ${backend.name}`;
      const [ticket] = await api.create(tokens.tech, 'tickets', [
        makeTicket({ groupId: 'grp-field', assigneeId: 'usr-tech', title }) as unknown as Doc,
      ]);
      const number = String(ticket.number);
      const response = onsite(ticket.id, [
        { questionId: 'q-csat', value: 3 },
        { questionId: 'q-nps', value: 4 },
        { questionId: 'q-comment', value: 'Arrived late' },
      ]);
      expect((await push(api, tokens.tech, 'survey_responses', [response])).status).toBe(200);
      expect((await push(api, tokens.tech, 'survey_responses', [response])).status).toBe(200);
      const followUps = [...(await api.pullAll(tokens.supervisor, 'tickets')).docs.values()].filter(
        (d) => d.parentId === ticket.id,
      );
      expect(followUps).toHaveLength(1);
      expect(followUps[0]).toMatchObject({
        type: 'request',
        groupId: 'grp-field',
        channel: 'field',
        title: `Follow-up: low satisfaction on ${number}`,
      });
      const alert = await capture.waitFor(
        (m) => m.subject.includes(`Low satisfaction score on ${number}`) && m.text.includes(title),
      );
      expect(alert.to).toEqual(['grace.thompson@example.org']);
      expect(alert.subject).toBe(`Low satisfaction score on ${number} (CSAT 3/5, NPS 4/10)`);
      expect(alert.text).toContain('Arrived late');
      // The technician sees the follow-up (it is in his group) but not the customer's answer: technicians may not
      // read survey responses (issue 15 item 9).
      const techCopy = (await api.pullAll(tokens.tech, 'tickets')).docs.get(followUps[0].id);
      expect(techCopy).toBeDefined();
      expect(JSON.stringify(techCopy)).not.toMatch(/Arrived late|3\/5|4\/10/);
      expect(String(techCopy?.description)).toContain(response.id);
    });

    it('refuses forged responses: portal or e-mail answers from staff, another respondent than the caller; nothing stored, no follow-up, no mail', async () => {
      const { api } = env();
      // The agent's own ticket, whose caller is usr-0002.
      const own = makeTicket({ groupId: 'grp-service-desk', assigneeId: 'usr-agent' }) as unknown as Doc;
      expect((await push(api, tokens.agent, 'tickets', [own])).status).toBe(200);
      const before = await surveyTableCounts(env().server.db);
      const lowNps = [
        { questionId: 'q-csat', value: 1 },
        { questionId: 'q-nps', value: 0 },
      ];
      // Ten "portal" responses in the caller's name, each with an id of its own: an NPS made to order.
      const forged = Array.from({ length: 10 }, () => onsite(own.id, lowNps, { channel: 'portal', id: uniqueId('rsp') }));
      const portal = await push(api, tokens.agent, 'survey_responses', forged);
      expect(portal.status).toBe(403);
      const details = (portal.body as unknown as { details: { code?: string; field?: string }[] }).details;
      expect(details).toHaveLength(10);
      expect(new Set(details.map((d) => `${d.field}:${d.code}`))).toEqual(new Set(['channel:survey_channel_forbidden']));
      expect(JSON.stringify(portal.body)).toMatch(/token-checked survey link; staff record only on-site responses/);
      // Supervisors too: e-mail and portal answers come only through the public link.
      for (const channel of ['portal', 'email'] as const) {
        const bySupervisor = await push(api, tokens.supervisor, 'survey_responses', [
          onsite(own.id, lowNps, { channel, id: uniqueId('rsp') }),
        ]);
        expect(bySupervisor.status, channel).toBe(403);
      }
      // An on-site response in someone else's name than the ticket's caller (here the agent's own).
      const asAgent = await push(api, tokens.agent, 'survey_responses', [onsite(own.id, lowNps, { respondentId: 'usr-agent' })]);
      expect(asAgent.status).toBe(422);
      expect(JSON.stringify(asAgent.body)).toMatch(/survey_respondent_not_caller/);
      expect(JSON.stringify(asAgent.body).replaceAll('\\"', '"')).toMatch(/respondentId must be "usr-0002"/);
      // Nothing was written: no response, no follow-up ticket, no mail to the supervisors.
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
      expect([...(await api.pullAll(tokens.supervisor, 'tickets')).docs.values()].filter((d) => d.parentId === own.id)).toEqual(
        [],
      );

      // What staff may enter: the ticket's one on-site response, in the caller's name, marked on-site.
      const onsiteAnswer = onsite(own.id, [{ questionId: 'q-csat', value: 4 }]);
      expect((await push(api, tokens.agent, 'survey_responses', [onsiteAnswer])).status).toBe(200);
      const second = await push(api, tokens.agent, 'survey_responses', [
        onsite(own.id, [{ questionId: 'q-csat', value: 5 }], { submittedAt: 1_780_000_300_000 }),
      ]);
      expect(second.status).toBe(403);
      const stored = [...(await api.pullAll(tokens.supervisor, 'survey_responses')).docs.values()].filter(
        (d) => d.ticketId === own.id,
      );
      expect(stored).toEqual([onsiteAnswer]);
      expect(stored[0]).toMatchObject({ channel: 'onsite', respondentId: 'usr-0002' });
    });

    it('refuses a question change without a version bump (422), keeps every published version for validation', async () => {
      const { api } = env();
      const v1 = { ...makeSurvey(1_780_000_000_000), _deleted: false } as unknown as Doc;
      const { docs } = await api.pullAll(tokens.supervisor, 'surveys');
      const master = docs.get('srv-csat')!;
      const questions = (master.questions as Doc[]).filter((q) => q.id !== 'q-csat');
      const before = await surveyTableCounts(env().server.db);
      const noBump = await api.push(tokens.supervisor, 'surveys', [
        { assumedMasterState: master, newDocumentState: { ...master, questions } },
      ]);
      expect(noBump.status).toBe(422);
      expect(JSON.stringify(noBump.body)).toMatch(/The questions changed but the version did not: set \\"version\\" to 2/);
      const down = await api.push(tokens.supervisor, 'surveys', [
        { assumedMasterState: master, newDocumentState: { ...master, version: 0 } },
      ]);
      expect(down.status).toBe(422);
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
      expect((await api.pullAll(tokens.supervisor, 'surveys')).docs.get('srv-csat')).toEqual(master);

      const v2 = { ...master, version: 2, questions };
      expect((await api.push(tokens.supervisor, 'surveys', [{ assumedMasterState: master, newDocumentState: v2 }])).status).toBe(
        200,
      );
      // A device still on version 1 answers its CSAT question: validated against version 1, accepted.
      const old = makeTicket({ groupId: 'grp-field', assigneeId: 'usr-tech' }) as unknown as Doc;
      const fresh = makeTicket({ groupId: 'grp-field', assigneeId: 'usr-tech' }) as unknown as Doc;
      expect((await push(api, tokens.tech, 'tickets', [old, fresh])).status).toBe(200);
      const answered = await push(api, tokens.tech, 'survey_responses', [onsite(old.id, [{ questionId: 'q-csat', value: 5 }])]);
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      const againstV2 = await push(api, tokens.tech, 'survey_responses', [
        onsite(fresh.id, [{ questionId: 'q-csat', value: 5 }], { surveyVersion: 2 }),
      ]);
      expect(againstV2.status).toBe(422);
      expect(JSON.stringify(againstV2.body)).toMatch(/"q-csat\\" is not part of this survey/);
      expect(v1.id).toBe('srv-csat');
      // Version 1 is kept as published, questions and all.
      const kept = await env().server.db.query<{ version: number; n: number }>(
        `SELECT version, jsonb_array_length(data->'questions') AS n FROM survey_versions WHERE survey_id = 'srv-csat' ORDER BY version`,
      );
      expect(kept.map((k) => [Number(k.version), Number(k.n)])).toEqual([
        [1, 4],
        [2, 3],
      ]);
      // Clients read them to show a response with the questions it answered.
      const versions = await api.request<Doc[]>('GET', '/api/surveys/srv-csat/versions', { token: tokens.agent });
      expect(versions.status).toBe(200);
      expect(versions.body.map((v) => [v.version, (v.questions as unknown[]).length])).toEqual([
        [1, 4],
        [2, 3],
      ]);
      expect((await api.request('GET', '/api/surveys/srv-none/versions', { token: tokens.agent })).status).toBe(404);
      expect((await api.request('GET', '/api/surveys/srv-csat/versions')).status).toBe(401);
    });
  });
});
