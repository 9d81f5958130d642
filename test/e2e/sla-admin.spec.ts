import type { Page } from '@playwright/test';
import type { SettingDocument, SlaPolicy } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { SyncStatus } from './page-models/sync-status.js';

// One server for this file (worker fixture), seeded with the Gold/Silver/Bronze policies and the calendar templates.

async function serverPolicies(serverUrl: string): Promise<SlaPolicy[]> {
  const { accessToken } = await apiLogin(serverUrl, 'admin@example.org');
  const docs = await pullAll<SettingDocument & { _deleted: boolean }>(serverUrl, accessToken, 'settings');
  return docs.filter((d) => d.kind === 'sla_policy' && !d._deleted).map((d) => d.data as unknown as SlaPolicy);
}

test('an administrator copies the Silver template, changes its resolution target, saves, and the policy reaches the server', async ({
  signIn,
  server,
}) => {
  const { page } = await signIn('admin@example.org');
  await page.getByTestId('nav-sla-admin').click();
  const rows = page.getByTestId('sla-policy-row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();

  await page.getByTestId('sla-copy-template').click();
  await page.getByTestId('sla-template-sla-silver').click();
  const editor = page.getByTestId('sla-policy-editor');
  await expect(editor.getByTestId('sla-policy-name')).toHaveValue(/^Silver/);
  await editor.getByTestId('sla-policy-name').fill('Silver — extended resolution');
  await editor.getByTestId('sla-policy-resolution').fill('1500');
  await editor.getByTestId('sla-policy-save').click();
  await expect(editor).toBeHidden();

  // Listed last (its order is after every existing policy), with the new target.
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.last().getByTestId('sla-policy-row-name')).toHaveText('Silver — extended resolution');
  await expect(rows.last().getByTestId('sla-policy-row-targets')).toContainText('resolution 25 h');

  await new SyncStatus(page).expectSettled();
  await expect
    .poll(async () => (await serverPolicies(server.url)).find((p) => p.name === 'Silver — extended resolution'))
    .toMatchObject({ resolutionMinutes: 1500, calendarId: 'cal-goc', condition: { priorities: [3] } });
});

/** Picks `option` in a Mantine select or multi-select found by test id inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByTestId']>, testId: string, option: string): Promise<void> {
  // A multi-select's pills wrapper takes the click meant for its input: a click at the input's place opens it either way.
  await scope.getByTestId(testId).click({ force: true });
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

test('an administrator makes a VIP policy whose breach reassigns to a group; the group is asked for, then reaches the server', async ({
  signIn,
  server,
}) => {
  const { page } = await signIn('admin@example.org');
  await page.getByTestId('nav-sla-admin').click();
  await expect(page.getByTestId('sla-policy-row').first()).toBeVisible();
  await page.getByTestId('sla-copy-template').click();
  await page.getByTestId('sla-template-sla-bronze').click();
  const editor = page.getByTestId('sla-policy-editor');
  await editor.getByTestId('sla-policy-name').fill('VIP bronze, reassigned at breach');
  await choose(page, editor, 'sla-policy-vip', 'the caller is a VIP');
  const breach = editor.getByTestId('sla-policy-threshold').nth(2);
  await choose(page, breach, 'sla-policy-threshold-actions', 'Raise the priority');
  await choose(page, breach, 'sla-policy-threshold-actions', 'Reassign');

  // Reassigning needs its group: asked for on the threshold, and nothing is saved meanwhile.
  await editor.getByTestId('sla-policy-save').click();
  await expect(breach.getByText('Choose the group the ticket is reassigned to.')).toBeVisible();
  await choose(page, breach, 'sla-policy-threshold-group', 'Network Operations');
  await editor.getByTestId('sla-policy-save').click();
  await expect(editor).toBeHidden();

  await new SyncStatus(page).expectSettled();
  await expect
    .poll(async () => (await serverPolicies(server.url)).find((p) => p.name === 'VIP bronze, reassigned at breach'))
    .toMatchObject({
      condition: { priorities: [4, 5], vip: true },
      thresholds: [
        { percent: 50 },
        { percent: 75 },
        { percent: 100, actions: ['notify_assignee', 'notify_supervisor', 'raise_priority', 'reassign'], groupId: 'grp-network' },
      ],
    });
});

test('a negative target shows the translated message (English and French) and nothing is saved', async ({ signIn, server }) => {
  const { page } = await signIn('admin@example.org');
  await page.getByTestId('nav-sla-admin').click();
  const rows = page.getByTestId('sla-policy-row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();

  await page.getByTestId('sla-copy-template').click();
  await page.getByTestId('sla-template-sla-bronze').click();
  const editor = page.getByTestId('sla-policy-editor');
  await editor.getByTestId('sla-policy-name').fill('Bronze with a bad target');
  await editor.getByTestId('sla-policy-first-response').fill('-30');
  await editor.getByTestId('sla-policy-save').click();
  await expect(editor.getByText('Targets are whole minutes greater than zero (at most one year).')).toBeVisible();
  await expect(editor.getByTestId('sla-policy-errors')).toBeVisible();

  await page.getByTestId('language-switch').selectOption('fr');
  await editor.getByTestId('sla-policy-save').click();
  await expect(editor.getByText('Les cibles sont des minutes entières supérieures à zéro (au plus un an).')).toBeVisible();

  // Nothing written: the list and the server are unchanged.
  await expect(editor).toBeVisible();
  await expect(rows).toHaveCount(before);
  await new SyncStatus(page).expectSettled();
  expect((await serverPolicies(server.url)).filter((p) => p.name === 'Bronze with a bad target')).toEqual([]);
});

test('a supervisor sees the service levels read-only; an agent does not see the page', async ({ signIn }) => {
  const { page } = await signIn('supervisor@example.org');
  await page.getByTestId('nav-sla-admin').click();
  await expect(page.getByTestId('sla-admin-readonly-note')).toBeVisible();
  await expect(page.getByTestId('sla-copy-template')).toHaveCount(0);
  const gold = page.locator('[data-testid="sla-policy-row"][data-policy-id="sla-gold"]');
  await expect(gold.getByTestId('sla-policy-row-name')).toHaveText(/^Gold/);
  await gold.getByTestId('sla-policy-open').click();
  const editor = page.getByTestId('sla-policy-editor');
  await expect(editor.getByTestId('sla-policy-resolution')).toBeDisabled();
  await expect(editor.getByTestId('sla-policy-name')).toBeDisabled();
  await expect(editor.getByTestId('sla-policy-save')).toHaveCount(0);
  // The calendars, with their weekday hours.
  await expect(page.getByTestId('sla-calendar').first()).toContainText('Monday');

  const agent = await signIn('agent@example.org');
  await expect(agent.page.getByTestId('nav-tickets')).toBeVisible();
  await expect(agent.page.getByTestId('nav-sla-admin')).toHaveCount(0);
});

test('an administrator adds a calendar version from a future date; a past date is refused and nothing is saved', async ({
  signIn,
  server,
}) => {
  const { page } = await signIn('admin@example.org');
  await page.getByTestId('nav-sla-admin').click();
  const card = page.locator('[data-testid="sla-calendar"][data-calendar-id="cal-goc"]');
  await expect(card.getByTestId('sla-calendar-version').first()).toBeVisible();
  const before = await card.getByTestId('sla-calendar-version').count();
  await card.getByTestId('sla-calendar-add-version').click();
  const editor = page.getByTestId('sla-calendar-editor');

  // A date already past would recount clocks: refused, with its message, and nothing written.
  await editor.getByTestId('sla-calendar-effective').fill('2020-01-06');
  await editor.getByTestId('sla-calendar-save').click();
  await expect(editor.getByText('A new version starts after today and after the calendar’s latest version')).toBeVisible();

  const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await editor.getByTestId('sla-calendar-effective').fill(future);
  await editor.getByTestId('sla-calendar-hours-mon').fill('07:00-19:00');
  await editor.getByTestId('sla-calendar-save').click();
  await expect(editor).toBeHidden();
  await expect(card.getByTestId('sla-calendar-version')).toHaveCount(before + 1);
  await expect(card.getByTestId('sla-calendar-version').first()).toContainText('07:00–19:00');

  await new SyncStatus(page).expectSettled();
  const { accessToken } = await apiLogin(server.url, 'admin@example.org');
  await expect
    .poll(async () => {
      const docs = await pullAll<SettingDocument>(server.url, accessToken, 'settings');
      const versions = (docs.find((d) => d.id === 'cal-goc')?.data.versions ?? []) as unknown[];
      return versions.length;
    })
    .toBe(before + 1);
});

test('an administrator adds holidays and a special day to a calendar’s new version; a day listed twice is refused', async ({
  signIn,
  server,
}) => {
  const { page } = await signIn('admin@example.org');
  await page.getByTestId('nav-sla-admin').click();
  const card = page.locator('[data-testid="sla-calendar"][data-calendar-id="cal-ca-pe"]');
  await expect(card.getByTestId('sla-calendar-version').first()).toBeVisible();
  await card.getByTestId('sla-calendar-add-version').click();
  const editor = page.getByTestId('sla-calendar-editor');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await editor.getByTestId('sla-calendar-effective').fill(day(4));

  // Three rows, each dated the day the version takes effect; the last is removed again.
  for (let i = 0; i < 3; i++) await editor.getByTestId('sla-calendar-exception-add').click();
  const rows = editor.getByTestId('sla-calendar-exception');
  await expect(rows).toHaveCount(3);
  await rows.nth(2).getByTestId('sla-calendar-exception-remove').click();
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByTestId('sla-calendar-exception-reason').fill('Inventory');
  await rows.nth(0).getByTestId('sla-calendar-exception-hours').fill('10:00-14:00');
  await rows.nth(1).getByTestId('sla-calendar-exception-reason').fill('Office closed');

  // The same day twice: which would apply? Refused on its row, in English and French, and nothing written.
  await editor.getByTestId('sla-calendar-save').click();
  await expect(editor.getByText('This day is already listed: keep one entry per day.')).toBeVisible();
  await page.getByTestId('language-switch').selectOption('fr');
  await editor.getByTestId('sla-calendar-save').click();
  await expect(editor.getByText('Ce jour figure déjà dans la liste : gardez une entrée par jour.')).toBeVisible();
  await page.getByTestId('language-switch').selectOption('en');

  await rows.nth(1).getByTestId('sla-calendar-exception-date').fill(day(6));
  await editor.getByTestId('sla-calendar-save').click();
  await expect(editor).toBeHidden();
  // The card lists every such day with its hours, "Closed" for a day off.
  const listed = card.getByTestId('sla-calendar-version').first().getByTestId('sla-calendar-exception-day');
  await expect(listed).toHaveText([`${day(4)}10:00–14:00Inventory`, `${day(6)}ClosedOffice closed`]);

  await new SyncStatus(page).expectSettled();
  const { accessToken } = await apiLogin(server.url, 'admin@example.org');
  await expect
    .poll(async () => {
      const docs = await pullAll<SettingDocument>(server.url, accessToken, 'settings');
      const versions = (docs.find((d) => d.id === 'cal-ca-pe')?.data.versions ?? []) as { exceptions: unknown[] }[];
      return versions[versions.length - 1]?.exceptions;
    })
    .toEqual([
      { date: day(4), hours: [{ start: 600, end: 840 }], reason: 'Inventory' },
      { date: day(6), hours: [], reason: 'Office closed' },
    ]);
});
