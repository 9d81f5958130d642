import type { Survey, SurveySettings } from '@shared';
import type { Page } from '@playwright/test';
import { apiLogin, expect, pullAll, test } from './fixtures/mail-desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';

// This file changes what the whole desk shares: it runs against a server of its own.
test.use({ serverFor: 'survey-design' });

// One server for this file (worker fixture), seeded with the demo CSAT survey, mailing a real SMTP server.

const HOSTILE = 'Check-up <img src=x onerror="window.__pwned=1">';

async function serverSurveys(serverUrl: string): Promise<Survey[]> {
  const { accessToken } = await apiLogin(serverUrl, 'supervisor@example.org');
  return pullAll<Survey>(serverUrl, accessToken, 'surveys');
}

async function addQuestion(page: Page, type: string): Promise<void> {
  await page.getByTestId('survey-add-question').click();
  await page.getByTestId(`survey-add-${type}`).click();
}

test('a supervisor designs a bilingual survey, is told what French is missing, previews it as a customer, publishes it, then a new version', async ({
  signIn,
  server,
}) => {
  test.setTimeout(120_000);
  const { page } = await signIn('supervisor@example.org');
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('nav-survey-design').click();
  await page.getByTestId('survey-new').click();
  const editor = page.getByTestId('survey-editor');
  await editor.getByTestId('survey-title-en').fill(HOSTILE);
  await editor.getByTestId('survey-title-fr').fill('Bilan de service');
  await addQuestion(page, 'csat');
  const first = editor.getByTestId('survey-question').nth(0);
  await first.getByTestId('survey-question-label-en').fill('How satisfied are you with the fix?');
  await addQuestion(page, 'single');
  const second = editor.getByTestId('survey-question').nth(1);
  await second.getByTestId('survey-question-label-en').fill('How did you reach us?');
  await second.getByTestId('survey-question-label-fr').fill('Comment nous avez-vous joints?');
  const choicesEn = second.getByTestId('survey-choice-en');
  const choicesFr = second.getByTestId('survey-choice-fr');
  await choicesEn.nth(0).fill('Phone');
  await choicesFr.nth(0).fill('Téléphone');
  await choicesEn.nth(1).fill('E-mail');
  await choicesFr.nth(1).fill('Courriel');

  // Publishing an unfinished survey: the missing French wording is named, in the form, in English then in French.
  await editor.getByTestId('survey-publish').click();
  await expect(first.getByText('Question 1 has no French wording.')).toBeVisible();
  await expect(editor.getByTestId('survey-errors')).toContainText('Question 1 has no French wording.');
  await page.getByTestId('language-switch').selectOption('fr');
  await expect(first.getByText('La question 1 n’a pas de libellé en français.')).toBeVisible();
  await page.getByTestId('language-switch').selectOption('en');
  expect((await serverSurveys(server.url)).filter((s) => s.title.fr === 'Bilan de service')).toEqual([]);

  await first.getByTestId('survey-question-label-fr').fill('Êtes-vous satisfait de la réparation?');
  await expect(editor.getByTestId('survey-complete')).toBeVisible();

  // The preview is the customer's: French wording at a phone's width, the title as text.
  await editor.getByTestId('survey-tab-preview').click();
  const preview = editor.getByTestId('survey-preview-frame');
  await editor.getByTestId('survey-preview-language').getByText('French').click();
  await expect(preview).toContainText('Êtes-vous satisfait de la réparation?');
  await expect(preview).toContainText('Courriel');
  expect((await preview.boundingBox())?.width).toBeLessThanOrEqual(375);
  await editor.getByTestId('survey-preview-language').getByText('English').click();
  await expect(preview).toContainText(HOSTILE);
  expect(await seriousViolationsIn(page, '[data-testid="survey-design-page"]')).toEqual([]);

  await editor.getByTestId('survey-publish').click();
  await expect(editor).toBeHidden();
  const row = page.getByTestId('survey-row').filter({ hasText: HOSTILE });
  await expect(row.getByTestId('survey-row-status')).toHaveText('Active');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await new SyncStatus(page).expectSettled();
  const published = (await serverSurveys(server.url)).find((s) => s.title.fr === 'Bilan de service');
  expect(published).toMatchObject({ status: 'active', version: 1 });
  expect(published?.questions.map((q) => q.type)).toEqual(['csat', 'single']);

  // A changed question publishes as version 2; responses to version 1 keep its questions.
  await row.getByTestId('survey-row-open').click();
  await editor.getByTestId('survey-question').nth(1).getByTestId('survey-question-required').check();
  await editor.getByTestId('survey-publish').click();
  await expect(editor).toBeHidden();
  await expect(row.getByTestId('survey-row-version')).toHaveText('2');
  await new SyncStatus(page).expectSettled();
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const versions = (await (
    await fetch(`${server.url}/api/surveys/${published?.id}/versions`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as Survey[];
  expect(versions.map((v) => [v.version, v.questions[1].required])).toEqual([
    [1, false],
    [2, true],
  ]);
});

test('the server refuses a published survey pushed with a French wording missing (422, with its code), storing nothing', async ({
  server,
}) => {
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const survey = {
    id: 'srv-half-french',
    title: { en: 'Half', fr: 'Moitié' },
    version: 1,
    status: 'active',
    questions: [{ id: 'q1', type: 'csat', label: { en: 'Satisfied?', fr: '' }, required: true, options: [] }],
    updatedAt: Date.now(),
    _deleted: false,
  };
  const res = await fetch(`${server.url}/api/sync/surveys/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ newDocumentState: survey }]),
  });
  expect(res.status).toBe(422);
  expect(JSON.stringify(await res.json())).toContain('survey_label_missing');
  expect((await serverSurveys(server.url)).find((s) => s.id === survey.id)).toBeUndefined();
});

test('a supervisor sets half of resolved tickets to be surveyed, at most one survey a week per person', async ({
  signIn,
  server,
}) => {
  const { page } = await signIn('supervisor@example.org');
  await page.getByTestId('nav-survey-design').click();
  await page.getByTestId('survey-tab-sending').click();
  await page.getByTestId('survey-settings-sampling').fill('50');
  await page.getByTestId('survey-settings-throttle').fill('7');
  await page.getByTestId('survey-settings-save').click();
  await expect(page.getByTestId('survey-settings-result')).toHaveText('Settings saved.');
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const settings = (await (
    await fetch(`${server.url}/api/surveys/settings`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as SurveySettings;
  expect(settings).toMatchObject({ samplingRate: 0.5, throttleDays: 7 });

  const agent = (await signIn('agent@example.org')).page;
  await expect(agent.getByTestId('nav-tickets')).toBeVisible();
  await expect(agent.getByTestId('nav-survey-design')).toHaveCount(0);
});

test('a manual campaign previews who gets the survey and who is skipped and why; sending mails exactly those people', async ({
  signIn,
  smtp,
}) => {
  test.setTimeout(120_000);
  const { page } = await signIn('supervisor@example.org');
  await page.getByTestId('nav-survey-design').click();
  await page.getByTestId('survey-tab-campaigns').click();
  await page.getByTestId('campaign-survey').click();
  const option = page.getByRole('option', { name: /\(v\d+\)$/ }).first();
  // The survey as the list names it (title and version), possibly the hostile title of the first test: as text.
  const chosen = (await option.textContent()) ?? '';
  await option.click();
  await page
    .getByTestId('campaign-contacts')
    .fill(
      [
        'email,name,language',
        'zoe.camp@example.org,"Zoé <b>Camp</b>",fr',
        'yann.camp@example.org,Yann,en',
        'ZOE.CAMP@example.org',
        'nobody here',
        'a@example.org; b@example.org',
      ].join('\n'),
    );
  await expect(page.getByTestId('campaign-contact-count')).toHaveText('4 people read.');
  await expect(page.getByTestId('campaign-unread')).toContainText('nobody here');
  await page.getByTestId('campaign-preview').click();
  const rows = page.getByTestId('campaign-recipient');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('Zoé <b>Camp</b> <zoe.camp@example.org>');
  await expect(rows.nth(2).getByTestId('campaign-recipient-reason')).toHaveText('Listed twice');
  await expect(rows.nth(3).getByTestId('campaign-recipient-reason')).toHaveText('Not a usable e-mail address');
  expect(smtp.messages.filter((m) => m.to.some((to) => to.endsWith('.camp@example.org')))).toEqual([]);
  expect(await seriousViolationsIn(page, '[data-testid="campaign-form"]')).toEqual([]);

  await page.getByTestId('campaign-send').click();
  await expect(page.getByTestId('campaign-message')).toHaveText('Sent: 2 e-mails. Skipped: 1. Unusable addresses: 1.');
  const zoe = await smtp.waitFor((m) => m.to.includes('zoe.camp@example.org'));
  expect(zoe.text).toContain('Bonjour Zoé <b>Camp</b>');
  await smtp.waitFor((m) => m.to.includes('yann.camp@example.org'));

  // The list, read again after the send, shows the campaign first; nothing in it is cut off at 900 px.
  const sent = page.getByTestId('campaign-list-row').first();
  await expect(sent.getByTestId('campaign-list-survey')).toHaveText(chosen);
  await expect(sent.getByTestId('campaign-list-audience')).toHaveText('A list of 4 people');
  await expect(sent.getByTestId('campaign-list-sender')).toHaveText('Sophie Gagnon');
  await expect(sent.getByTestId('campaign-list-sent')).toHaveText('2');
  await expect(sent.getByTestId('campaign-list-rate')).toHaveText('0%');
  await expect(sent.getByTestId('campaign-list-status')).toHaveText('Open');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.setViewportSize({ width: 900, height: 720 });
  const cutOff = async (): Promise<(string | null)[]> => {
    const statusBox = await sent.getByTestId('campaign-list-status').boundingBox();
    expect((statusBox?.x ?? 0) + (statusBox?.width ?? 0)).toBeLessThanOrEqual(900);
    return page
      .getByTestId('campaign-list')
      .locator('.mantine-Badge-label, .mantine-Button-label, th')
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  };
  expect(await cutOff()).toEqual([]);
  expect(await seriousViolationsIn(page, '[data-testid="campaign-list"]')).toEqual([]);
  await page.getByTestId('language-switch').selectOption('fr');
  await expect(sent.getByTestId('campaign-list-rate')).toHaveText('0\u00a0%');
  await expect(sent.getByTestId('campaign-list-status')).toHaveText('Ouverte');
  expect(await cutOff()).toEqual([]);
  await page.getByTestId('language-switch').selectOption('en');
  await page.setViewportSize({ width: 1280, height: 720 });

  // The same list again: the throttle now leaves both out, and the preview says so before anything is sent.
  await page.getByTestId('campaign-preview').click();
  await expect(rows.nth(0).getByTestId('campaign-recipient-reason')).toHaveText('Already surveyed within the throttle period');
  await expect(page.getByTestId('campaign-send')).toBeDisabled();
});
