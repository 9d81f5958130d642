import { CAMPAIGN_PATH, type CampaignSummary } from '@shared';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import {
  getPage,
  invitationsTo,
  postSurveyForm,
  pushResolvedTicket,
  pushStatus,
  surveyLinkIn,
  surveyTableCounts,
} from '../../test-support/surveys.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
/** Starting, seeding (password hashing) and signing in take long on a busy machine. */
const SETUP_TIMEOUT_MS = 180_000;
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

// A built console to serve, so these tests also prove its SPA fallback leaves the survey pages alone.
const staticDir = mkdtempSync(join(tmpdir(), 'survey-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Console</title><div id="root">CONSOLE</div>');

const SURVEY_POSTS_PER_MINUTE = 15;

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('survey by e-mail on resolution', backend), () => {
    const env = useTestServers(backend, {
      server: { smtpUrl: capture.url, staticDir, surveyPostsPerMinute: SURVEY_POSTS_PER_MINUTE, mailPollMs: 200 },
      startTimeoutMs: SETUP_TIMEOUT_MS,
    });
    const tag = `${backend.name}${Date.now().toString(36)}`;
    const tokens = { agent: '', supervisor: '' };
    let link = '';
    let resolved: Doc;

    beforeAll(async () => {
      if (!backend.available) return;
      tokens.agent = (await env().api.login('agent@example.org')).accessToken;
      tokens.supervisor = (await env().api.login('supervisor@example.org')).accessToken;
    }, SETUP_TIMEOUT_MS);

    const setSettings = async (settings: object): Promise<void> => {
      const response = await env().api.request('PUT', '/api/surveys/settings', { token: tokens.supervisor, body: settings });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };

    it("e-mails the caller a survey in the directory entry's language when a pushed ticket becomes resolved", async () => {
      // usr-0001 (Chloé Bouchard) reads French.
      resolved = await pushResolvedTicket(env().api, tokens.agent, { callerId: 'usr-0001', title: `Écran noir ${tag}` });
      const mail = await capture.waitFor((m) => m.to.includes('chloe.bouchard@example.org') && m.text.includes(tag));
      expect(mail.subject).toBe(`Comment avons-nous fait? (${String(resolved.number)})`);
      expect(mail.text).toContain('Votre billet');
      link = surveyLinkIn(mail);
      expect(link.startsWith(`${env().server.url}/survey/`)).toBe(true);
      const token = link.split('/survey/')[1];
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
      // Only the token's SHA-256 is stored, never the token itself.
      const [invitation] = await invitationsTo(env().server.db, 'chloe.bouchard@example.org');
      expect(invitation).toMatchObject({ ticket_id: resolved.id, language: 'fr' });
      expect(invitation.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      const leaked = await env().server.db.query(`SELECT 1 FROM survey_invitations WHERE token_hash = $1 OR contact_email = $1`, [
        token,
      ]);
      expect(leaked).toEqual([]);
    });

    it('opens the link as an accessible bilingual form without signing in, and not as the console', async () => {
      const page = await getPage(link);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.html).toContain('<html lang="fr">');
      expect(page.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(page.html).toContain('Dans quelle mesure êtes-vous satisfait de la résolution de votre billet?');
      expect(page.html).toMatch(/<fieldset><legend>Dans quelle mesure/);
      expect(page.html).toContain('type="radio"');
      expect(page.html).not.toContain('CONSOLE');
      expect(page.html).not.toMatch(/<script|<link /);
      const english = await getPage(`${link}?lang=en`);
      expect(english.html).toContain('<html lang="en">');
      expect(english.html).toContain('How satisfied are you with the resolution of your ticket?');
      // The console's SPA fallback still serves other paths.
      expect((await getPage(`${env().server.url}/tickets/whatever`)).html).toContain('CONSOLE');
      expect((await getPage(`${env().server.url}/survey/`)).status).toBe(404);
    });

    it('refuses invalid answers with a 422 page naming the questions, and stores nothing', async () => {
      const before = await surveyTableCounts(env().server.db);
      const page = await postSurveyForm(`${link}?lang=en`, [
        ['lang', 'en'],
        ['q-nps', '11'],
        ['q-comment', 'Pas mal'],
      ]);
      expect(page.status).toBe(422);
      expect(page.html).toContain(
        'The question &quot;How satisfied are you with the resolution of your ticket?&quot; needs an answer.',
      );
      expect(page.html).toContain('needs a whole number from 0-10');
      expect(page.html).toContain('Pas mal'); // what was typed is shown again
      const json = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q-csat":5}' });
      expect(json.status).toBe(415);
      expect(await json.text()).toContain('application/x-www-form-urlencoded');
      const huge = await postSurveyForm(link, [
        ['q-csat', '5'],
        ['q-comment', 'x'.repeat(100_000)],
      ]);
      expect(huge.status).toBe(413);
      expect(huge.headers.get('content-type')).toContain('text/html');
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
    });

    it('records valid answers once as a survey response supervisors pull, then says the survey was answered', async () => {
      const page = await postSurveyForm(link, [
        ['lang', 'fr'],
        ['q-csat', '4'],
        ['q-nps', '9'],
        ['q-ces', ''],
        ['q-comment', 'Service rapide'],
      ]);
      expect(page.status, page.html).toBe(200);
      expect(page.html).toContain('Merci!');
      const { docs } = await env().api.pullAll(tokens.supervisor, 'survey_responses');
      const response = [...docs.values()].find((d) => d.ticketId === resolved.id);
      expect(response).toMatchObject({
        surveyId: 'srv-csat',
        surveyVersion: 1,
        respondentId: 'usr-0001',
        channel: 'email',
        answers: [
          { questionId: 'q-csat', value: 4 },
          { questionId: 'q-nps', value: 9 },
          { questionId: 'q-comment', value: 'Service rapide' },
        ],
      });
      const before = await surveyTableCounts(env().server.db);
      const again = await postSurveyForm(link, [['q-csat', '1']]);
      expect(again.status).toBe(409);
      expect(again.html).toContain('Sondage déjà rempli');
      expect((await getPage(`${link}?lang=en`)).html).toContain('Survey already answered');
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
      // The campaign list counts surveys sent on resolution as one line per survey.
      const list = await env().api.request<CampaignSummary[]>('GET', CAMPAIGN_PATH, { token: tokens.supervisor });
      expect(list.body).toEqual([
        expect.objectContaining({ id: 'resolution:srv-csat', kind: 'resolution', sent: 1, answered: 1, status: 'closed' }),
      ]);
      expect(list.body[0].responseRate).toBe(1);
    });

    it('answers an expired link with 410 and a forged one with 404, storing nothing', async () => {
      await setSettings({ throttleDays: 0 });
      const ticket = await pushResolvedTicket(env().api, tokens.agent, { callerId: '', callerEmail: `late-${tag}@example.org` });
      const mail = await capture.waitFor((m) => m.to.includes(`late-${tag}@example.org`) && m.text.includes('/survey/'));
      expect(mail.subject).toContain(String(ticket.number));
      const expired = surveyLinkIn(mail);
      await env().server.db.query(
        `UPDATE survey_invitations SET expires_at = now() - interval '1 second' WHERE lower(contact_email) = $1`,
        [`late-${tag}@example.org`],
      );
      const before = await surveyTableCounts(env().server.db);
      const page = await getPage(expired);
      expect(page.status).toBe(410);
      expect(page.html).toContain('This survey link has expired');
      expect((await postSurveyForm(expired, [['q-csat', '5']])).status).toBe(410);
      const forged = `${env().server.url}/survey/${randomBytes(32).toString('base64url')}`;
      const unknown = await getPage(forged);
      expect(unknown.status).toBe(404);
      expect(unknown.html).toContain('Survey link not found');
      expect(unknown.html).not.toContain('CONSOLE');
      expect((await postSurveyForm(forged, [['q-csat', '5']])).status).toBe(404);
      expect((await postSurveyForm(`${env().server.url}/survey/%27%3Cscript%3E`, [['q-csat', '5']])).status).toBe(404);
      expect(await surveyTableCounts(env().server.db)).toEqual(before);
    });

    it('sends one survey per contact within the throttle window, and one per ticket even when resolved again', async () => {
      await setSettings({ throttleDays: 30 });
      const email = `busy-${tag}@example.org`;
      const first = await pushResolvedTicket(env().api, tokens.agent, { callerId: '', callerEmail: email });
      await pushResolvedTicket(env().api, tokens.agent, { callerId: '', callerEmail: email });
      expect((await invitationsTo(env().server.db, email)).map((i) => i.ticket_id)).toEqual([first.id]);

      await setSettings({ throttleDays: 0 });
      const reopened = await pushStatus(env().api, tokens.agent, first, 'in_progress');
      await pushStatus(env().api, tokens.agent, reopened, 'resolved');
      expect((await invitationsTo(env().server.db, email)).map((i) => i.ticket_id)).toEqual([first.id]);
    });

    it('sends nothing with a sampling rate of 0', async () => {
      await setSettings({ samplingRate: 0, throttleDays: 0 });
      const email = `unsampled-${tag}@example.org`;
      await pushResolvedTicket(env().api, tokens.agent, { callerId: '', callerEmail: email });
      expect(await invitationsTo(env().server.db, email)).toEqual([]);
      await setSettings({ samplingRate: 1 });
    });

    it('turns a low score into a follow-up task for the ticket group and e-mails its supervisors', async () => {
      const email = `unhappy-${tag}@example.org`;
      const ticket = await pushResolvedTicket(env().api, tokens.agent, {
        callerId: '',
        callerEmail: email,
        groupId: 'grp-field',
      });
      const answer = surveyLinkIn(await capture.waitFor((m) => m.to.includes(email) && m.text.includes('/survey/')));
      const page = await postSurveyForm(answer, [
        ['q-csat', '2'],
        ['q-nps', '8'],
        ['q-comment', 'Nobody called me back'],
      ]);
      expect(page.status, page.html).toBe(200);
      const { docs } = await env().api.pullAll(tokens.supervisor, 'tickets');
      const followUps = [...docs.values()].filter((d) => d.parentId === ticket.id);
      expect(followUps).toHaveLength(1);
      expect(followUps[0]).toMatchObject({
        type: 'request',
        status: 'new',
        groupId: 'grp-field',
        title: `Follow-up: low satisfaction on ${String(ticket.number)}`,
        callerEmail: email,
      });
      // The follow-up goes to a group of technicians, who may not read survey answers: only the supervisors' e-mail quotes it.
      expect(String(followUps[0].description)).not.toContain('Nobody called me back');
      // Grace Thompson supervises grp-field.
      const alert = await capture.waitFor(
        (m) => m.subject.includes(String(ticket.number)) && m.to.includes('grace.thompson@example.org'),
      );
      expect(alert.subject).toBe(`Low satisfaction score on ${String(ticket.number)} (CSAT 2/5, NPS 8/10)`);
      expect(alert.text).toContain('Nobody called me back');
      const kinds = await env().server.db.query<{ to_address: string }>(
        `SELECT to_address FROM mail_outbox WHERE kind = 'low-score' AND ticket_id = $1`,
        [ticket.id],
      );
      expect(kinds.map((k) => k.to_address)).toEqual(['grace.thompson@example.org']);
    });

    it('limits answers posted per address with a 429 page', async () => {
      const forged = `${env().server.url}/survey/${randomBytes(32).toString('base64url')}`;
      let page = await postSurveyForm(forged, [['q-csat', '5']]);
      for (let i = 0; i < SURVEY_POSTS_PER_MINUTE && page.status !== 429; i++)
        page = await postSurveyForm(forged, [['q-csat', '5']]);
      expect(page.status).toBe(429);
      expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.html).toContain('Too many attempts');
    });
  });
});
