import {
  CAMPAIGN_PATH,
  CAMPAIGN_PREVIEW_PATH,
  type CampaignPreview,
  type CampaignResult,
  type CampaignSummary,
  type SurveySettings,
} from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSurvey } from '../../seed/survey-data.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeTicket } from '../../test-support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { invitationsTo, postSurveyForm, surveyLinkIn, surveyTableCounts } from '../../test-support/surveys.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
/** Starting, seeding (password hashing) and signing in take long on a busy machine. */
const SETUP_TIMEOUT_MS = 180_000;
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('survey settings and campaigns', backend), () => {
    const env = useTestServers(backend, { server: { smtpUrl: capture.url, mailPollMs: 200 }, startTimeoutMs: SETUP_TIMEOUT_MS });
    const tag = `${backend.name}${Date.now().toString(36)}`;
    const tokens = { agent: '', technician: '', supervisor: '', admin: '' };

    beforeAll(async () => {
      if (!backend.available) return;
      tokens.agent = (await env().api.login('agent@example.org')).accessToken;
      tokens.technician = (await env().api.login('tech@example.org')).accessToken;
      tokens.supervisor = (await env().api.login('supervisor@example.org')).accessToken;
      tokens.admin = (await env().api.login('admin@example.org')).accessToken;
      // A draft survey, which cannot be sent.
      const draft = { ...makeSurvey(1_780_000_000_000), id: 'srv-draft', status: 'draft', _deleted: false };
      const pushed = await env().api.push(tokens.admin, 'surveys', [{ newDocumentState: draft }]);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    }, SETUP_TIMEOUT_MS);

    const settings = (token: string) => env().api.request<SurveySettings>('GET', '/api/surveys/settings', { token });
    const putSettings = (token: string, body: unknown) =>
      env().api.request<SurveySettings>('PUT', '/api/surveys/settings', { token, body });
    const campaign = (token: string, body: unknown) =>
      env().api.request<CampaignResult>('POST', '/api/surveys/campaigns', { token, body });
    const campaignList = (token: string) => env().api.request<CampaignSummary[]>('GET', CAMPAIGN_PATH, { token });

    it('gives supervisors the settings with defaults and stores a validated change', async () => {
      const initial = await settings(tokens.supervisor);
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({
        activeSurveyId: null,
        samplingRate: 1,
        throttleDays: 30,
        tokenExpiryDays: 14,
        lowScore: { csatAtMost: 2, npsAtMost: 6 },
      });
      const changed = await putSettings(tokens.supervisor, {
        samplingRate: 0.25,
        lowScore: { npsAtMost: 5 },
        activeSurveyId: 'srv-csat',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        samplingRate: 0.25,
        activeSurveyId: 'srv-csat',
        lowScore: { csatAtMost: 2, npsAtMost: 5 },
      });
      expect((await settings(tokens.admin)).body).toEqual(changed.body);
    });

    it('refuses bad settings and other roles with a clear 4xx, changing nothing', async () => {
      const before = (await settings(tokens.supervisor)).body;
      const tables = await surveyTableCounts(env().server.db);
      const cases: [string, unknown, number, RegExp][] = [
        [tokens.supervisor, { samplingRate: 1.5 }, 400, /samplingRate is a share from 0 to 1/],
        [tokens.supervisor, { throttleDays: -1 }, 400, /throttleDays/],
        [tokens.supervisor, { tokenExpiryDays: 0 }, 400, /tokenExpiryDays/],
        [tokens.supervisor, { lowScore: { csatAtMost: 9 } }, 400, /csatAtMost is 0 \(never\) to 5/],
        [tokens.supervisor, { sampling: 1 }, 400, /sampling/],
        [tokens.supervisor, [1], 400, /survey settings is invalid/],
        [
          tokens.supervisor,
          { activeSurveyId: 'srv-draft' },
          422,
          /is draft: the survey sent on resolution must be an active survey/,
        ],
        [tokens.supervisor, { activeSurveyId: 'srv-nope' }, 422, /does not exist/],
        [tokens.agent, { samplingRate: 0 }, 403, /may not manage surveys/],
        ['', { samplingRate: 0 }, 401, /Sign in/],
      ];
      for (const [token, body, status, message] of cases) {
        const response = await putSettings(token, body);
        expect(response.status, JSON.stringify(body)).toBe(status);
        expect(JSON.stringify(response.body)).toMatch(message);
      }
      expect((await settings(tokens.agent)).status).toBe(403);
      expect((await settings(tokens.supervisor)).body).toEqual(before);
      expect(await surveyTableCounts(env().server.db)).toEqual(tables);
    });

    it('sends a manual campaign to a list of contacts in their language, counting sent, skipped and invalid', async () => {
      const response = await campaign(tokens.supervisor, {
        surveyId: 'srv-csat',
        contacts: [
          { email: `ana-${tag}@example.org`, name: 'Ana', language: 'fr' },
          { email: `ben-${tag}@example.org`, language: 'en' },
          { email: `ANA-${tag}@example.org`, language: 'fr' },
          { email: 'not an address', language: 'en' },
        ],
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual({ sent: 2, skipped: 1, invalid: 1 });
      const ana = await capture.waitFor((m) => m.to.includes(`ana-${tag}@example.org`));
      expect(ana.subject).toBe('Comment avons-nous fait?');
      expect(ana.text).toContain('Bonjour Ana,');
      expect(surveyLinkIn(ana)).toContain('/survey/');
      const ben = await capture.waitFor((m) => m.to.includes(`ben-${tag}@example.org`));
      expect(ben.subject).toBe('How did we do?');
      // The throttle holds for campaigns too.
      const again = await campaign(tokens.supervisor, {
        surveyId: 'srv-csat',
        contacts: [{ email: `ben-${tag}@example.org`, language: 'en' }],
      });
      expect(again.body).toEqual({ sent: 0, skipped: 1, invalid: 0 });
    });

    it('previews a campaign person by person, with who is skipped and why, sending and recording nothing', async () => {
      const before = await surveyTableCounts(env().server.db);
      const mailBefore = capture.messages.length;
      const body = {
        surveyId: 'srv-csat',
        contacts: [
          { email: `ben-${tag}@example.org`, language: 'en' },
          { email: `dora-${tag}@example.org`, name: 'Dora', language: 'en' },
          { email: `DORA-${tag}@example.org`, language: 'en' },
          { email: 'a@example.org, b@example.org', language: 'en' },
        ],
      };
      const preview = await env().api.request<CampaignPreview>('POST', CAMPAIGN_PREVIEW_PATH, { token: tokens.supervisor, body });
      expect(preview.status).toBe(200);
      expect(preview.body.recipients.map((r) => [r.name, r.outcome, r.reason])).toEqual([
        ['', 'skipped', 'throttled'],
        ['Dora', 'sent', undefined],
        ['', 'skipped', 'listed_twice'],
        ['', 'invalid', 'address_invalid'],
      ]);
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
      // Sending does what the preview said.
      const sent = await campaign(tokens.supervisor, body);
      expect(sent.body).toEqual({ sent: preview.body.sent, skipped: preview.body.skipped, invalid: preview.body.invalid });
      await capture.waitFor((m) => m.to.includes(`dora-${tag}@example.org`));
      expect(capture.messages.length).toBe(mailBefore + 1);
      expect((await env().api.request('POST', CAMPAIGN_PREVIEW_PATH, { token: tokens.agent, body })).status).toBe(403);
    });

    it('sends a campaign to the callers of the tickets matching a filter', async () => {
      const match = [
        makeTicket({
          categoryId: `cat-${tag}`,
          callerId: '',
          callerEmail: `c1-${tag}@example.org`,
          status: 'closed',
          resolutionCode: 'fixed',
          resolutionNotes: 'Done',
        }),
        makeTicket({ categoryId: `cat-${tag}`, callerId: '', callerEmail: `c2-${tag}@example.org` }),
        makeTicket({ categoryId: `cat-${tag}`, callerId: '', callerEmail: '' }),
      ];
      const elsewhere = makeTicket({ categoryId: 'cat-other', callerId: '', callerEmail: `c3-${tag}@example.org` });
      // No on-resolution survey while the closed one is walked through "resolved": with a share of 0.25 (set above) a
      // quarter of the random ticket ids were sampled, and their caller was then skipped by the campaign's throttle.
      expect((await putSettings(tokens.supervisor, { samplingRate: 0 })).status).toBe(200);
      // Created, then moved along the lifecycle where closed.
      for (const ticket of [...match, elsewhere]) await env().api.createTicketIn(tokens.admin, ticket);
      const response = await campaign(tokens.supervisor, { surveyId: 'srv-csat', ticketFilter: { categoryId: `cat-${tag}` } });
      expect(response.body).toEqual({ sent: 2, skipped: 0, invalid: 1 });
      expect((await invitationsTo(env().server.db, `c1-${tag}@example.org`)).map((i) => i.ticket_id)).toEqual([match[0].id]);
      expect(await invitationsTo(env().server.db, `c3-${tag}@example.org`)).toEqual([]);
      const onlyClosed = await campaign(tokens.supervisor, {
        surveyId: 'srv-csat',
        ticketFilter: { categoryId: `cat-${tag}`, statuses: ['closed'] },
      });
      // Already surveyed: one survey per ticket.
      expect(onlyClosed.body).toEqual({ sent: 0, skipped: 1, invalid: 0 });
    });

    it('lists sent campaigns newest first with sent, answered, response rate and status', async () => {
      const people = ['eve', 'fay', 'gus'].map((n) => ({ email: `${n}-${tag}@example.org`, language: 'en' }));
      const preview = await env().api.request<CampaignPreview>('POST', CAMPAIGN_PREVIEW_PATH, {
        token: tokens.supervisor,
        body: { surveyId: 'srv-csat', contacts: people },
      });
      expect(preview.body.sent).toBe(3);
      const listedBefore = (await campaignList(tokens.supervisor)).body.filter((c) => c.kind === 'manual').length;
      const first = await campaign(tokens.supervisor, { surveyId: 'srv-csat', contacts: people });
      expect(first.body).toEqual({ sent: 3, skipped: 0, invalid: 0 });
      const mail = await capture.waitFor((m) => m.to.includes(`eve-${tag}@example.org`));
      const answer = await postSurveyForm(surveyLinkIn(mail), [
        ['lang', 'en'],
        ['q-csat', '5'],
        ['q-nps', '10'],
        ['q-ces', ''],
        ['q-comment', ''],
      ]);
      expect(answer.status, answer.html).toBe(200);

      const listed = await campaignList(tokens.supervisor);
      expect(listed.status).toBe(200);
      const manual = listed.body.filter((c) => c.kind === 'manual');
      // The preview recorded no campaign; the send recorded one, listed first.
      expect(manual.length).toBe(listedBefore + 1);
      expect(manual[0]).toMatchObject({
        surveyId: 'srv-csat',
        surveyVersion: 1,
        surveyTitle: { en: 'How did we do?', fr: 'Comment avons-nous fait?' },
        sentBy: { id: 'usr-supervisor', name: 'Sophie Gagnon' },
        audience: { kind: 'contacts', contacts: 3 },
        sent: 3,
        answered: 1,
        status: 'open',
      });
      expect(Math.round((manual[0].responseRate ?? 0) * 100)).toBe(33);
      expect(Date.now() - manual[0].sentAt).toBeLessThan(120_000);

      const second = await campaign(tokens.supervisor, {
        surveyId: 'srv-csat',
        ticketFilter: { categoryId: `cat-none-${tag}` },
      });
      expect(second.body).toEqual({ sent: 0, skipped: 0, invalid: 0 });
      const after = (await campaignList(tokens.admin)).body.filter((c) => c.kind === 'manual');
      expect(after[1].id).toBe(manual[0].id);
      // Nobody to wait for: closed, and no rate rather than 0 %.
      expect(after[0]).toMatchObject({
        audience: { kind: 'ticketFilter', ticketFilter: { categoryId: `cat-none-${tag}` } },
        sent: 0,
        answered: 0,
        responseRate: null,
        status: 'closed',
      });
      expect(after[0].sentAt).toBeGreaterThanOrEqual(manual[0].sentAt);

      for (const token of [tokens.technician, tokens.agent]) {
        const refused = await campaignList(token);
        expect(refused.status).toBe(403);
        expect(JSON.stringify(refused.body)).toMatch(/may not manage surveys/);
      }
      expect((await campaignList('')).status).toBe(401);
    });

    it('refuses bad campaigns with a clear 4xx and sends nothing', async () => {
      const before = await surveyTableCounts(env().server.db);
      const contacts = [{ email: `zed-${tag}@example.org`, language: 'en' }];
      const cases: [string, unknown, number, RegExp][] = [
        [tokens.supervisor, { surveyId: 'srv-csat' }, 400, /Send \{surveyId, contacts/],
        [tokens.supervisor, { surveyId: 'srv-csat', contacts, ticketFilter: { type: 'incident' } }, 400, /campaign is invalid/],
        [tokens.supervisor, { surveyId: 'srv-csat', contacts: [] }, 400, /campaign is invalid/],
        [
          tokens.supervisor,
          { surveyId: 'srv-csat', contacts: [{ email: 'x@example.org', language: 'de' }] },
          400,
          /campaign is invalid/,
        ],
        [tokens.supervisor, { surveyId: 'srv-csat', ticketFilter: {} }, 400, /campaign is invalid/],
        [tokens.supervisor, { surveyId: 'srv-csat', ticketFilter: { statuses: ['gone'] } }, 400, /campaign is invalid/],
        [tokens.supervisor, { surveyId: 'srv-nope', contacts }, 422, /Survey \\"srv-nope\\" does not exist/],
        [tokens.supervisor, { surveyId: 'srv-draft', contacts }, 422, /only an active survey can be sent/],
        [tokens.agent, { surveyId: 'srv-csat', contacts }, 403, /may not manage surveys/],
      ];
      for (const [token, body, status, message] of cases) {
        const response = await campaign(token, body);
        expect(response.status, JSON.stringify(body)).toBe(status);
        expect(JSON.stringify(response.body)).toMatch(message);
      }
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
    });
  });
});
