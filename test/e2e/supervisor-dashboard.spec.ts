import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { onsiteResponseId, queueKeyFor, type SurveyResponse, type Ticket } from '@shared';
import { buildProblem } from '@shared/testing/build-problem.js';
import { DEMO_PASSWORD, apiLogin, expect, openTicketOfTechnician, pullAll, test } from './fixtures/desk-test.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function post(serverUrl: string, token: string, collection: string, rows: object[]): Promise<unknown> {
  const res = await fetch(`${serverUrl}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(rows),
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** The figure a KPI tile shows, as its data-value. */
const kpi = (page: Page, id: string): Locator => page.getByTestId(`kpi-${id}`);

/** The cells of a table view, row by row, as their data-value attributes. */
async function tableValues(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.getAttribute('data-value') ?? '')));
}

test("the supervisor's dashboard updates live, its table view matches the chart, and exports CSV", async ({ server, signIn }) => {
  // Generous: the dashboard recomputes on every replication batch, and CI machines may be shared.
  test.setTimeout(300_000);
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const responses = await pullAll<SurveyResponse>(server.url, accessToken, 'survey_responses');
  const tickets = await pullAll<Ticket>(server.url, accessToken, 'tickets');

  const { page } = await signIn('supervisor@example.org');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('reports-page')).toBeVisible({ timeout: 60_000 });
  // Computed on the client from everything replicated so far.
  await expect(kpi(page, 'responses')).toHaveAttribute('data-value', String(responses.length), { timeout: 120_000 });
  expect(await seriousViolations(page), 'reports: surveys').toEqual([]);

  // A response arrives through the API: the open dashboard counts it without a reload.
  const ticket = tickets.find((t) => t.status === 'closed' && !responses.some((r) => r.ticketId === t.id))!;
  const pushed: SurveyResponse = {
    // Devices push only a ticket's one on-site response (portal and e-mail answers come through the survey link).
    id: onsiteResponseId(ticket.id),
    surveyId: 'srv-csat',
    surveyVersion: 1,
    ticketId: ticket.id,
    respondentId: ticket.callerId,
    answers: [
      { questionId: 'q-csat', value: 1 },
      { questionId: 'q-comment', value: '=cmd|"/c calc"!A1, said the "tester"' },
    ],
    submittedAt: Date.now() - 1000,
    channel: 'onsite',
  };
  expect(await post(server.url, accessToken, 'survey_responses', [{ newDocumentState: { ...pushed, _deleted: false } }])).toEqual(
    [],
  );
  await expect(kpi(page, 'responses')).toHaveAttribute('data-value', String(responses.length + 1), { timeout: 90_000 });
  // A score says how many answers it rests on.
  const csatAnswered = [...responses, pushed].filter((r) => r.answers.some((a) => a.questionId === 'q-csat')).length;
  await expect(page.getByTestId('kpi-csatPct-sample')).toHaveText(`from ${csatAnswered} answers`);
  // The verbatim comment is listed too, newest first.
  await expect(page.getByTestId('table-verbatims').locator('tbody tr').first()).toContainText('said the "tester"');
  // Named by the number people quote, never by an id.
  await expect(page.getByTestId('table-verbatims').locator('tbody tr').first()).toContainText(ticket.number);
  await expect(page.getByTestId('table-verbatims')).not.toContainText(ticket.id);

  // The table view shows exactly the chart's data.
  const card = page.getByTestId('report-surveysByGroup');
  const chartData = JSON.parse(
    (await card.getByTestId('chart-surveysByGroup').getAttribute('data-chart-data')) ?? '[]',
  ) as Record<string, string | number | null>[];
  expect(chartData.length).toBeGreaterThan(0);
  await card.getByTestId('view-surveysByGroup').getByText('Table', { exact: true }).click();
  const table = card.getByTestId('table-surveysByGroup');
  await expect(table).toBeVisible();
  const headers = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column') ?? ''));
  const cells = await tableValues(table);
  expect(cells).toEqual(chartData.map((point) => headers.map((h) => String(point[h] ?? ''))));
  const responsesInGroups = chartData.reduce((n, p) => n + Number(p.responses), 0);
  expect(responsesInGroups).toBe(responses.length + 1);

  // CSV of the same table: BOM, the visible headers, one line per row with the same numbers.
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('csv-surveysByGroup').click()]);
  expect(download.suggestedFilename()).toMatch(/^surveysByGroup-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  const headerLabels = await card.locator('thead th').allInnerTexts();
  expect(lines[0]).toBe(headerLabels.join(','));
  expect(lines).toHaveLength(cells.length + 1);
  lines.slice(1).forEach((line, i) => expect(line.split(',').slice(1)).toEqual(cells[i].slice(1)));

  // The verbatim CSV neutralises the formula and quotes the comma and quotes.
  const [verbatimCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-verbatims').click()]);
  const verbatimText = await readFile(await verbatimCsv.path(), 'utf8');
  expect(verbatimText).toContain(`"'=cmd|""/c calc""!A1, said the ""tester"""`);

  // The other tabs are accessible too.
  await page.getByTestId('tab-incidents').click();
  // The CSAT 1 above is a low score: the server opened a follow-up request, and the volume counts it.
  const now = await pullAll<Ticket>(server.url, accessToken, 'tickets');
  expect(now.filter((t) => t.parentId === ticket.id && t.type === 'request')).toHaveLength(1);
  // Incidents and requests only: the seeded changes and problems have reports of their own.
  const desk = now.filter((t) => t.type === 'incident' || t.type === 'request');
  expect(desk.length).toBeLessThan(now.length);
  await expect(kpi(page, 'volume')).toHaveAttribute('data-value', String(desk.length));
  expect(now.length).toBe(tickets.length + 1);
  // Every bar keeps its name on the axis (none skipped for lack of room).
  const byCategory = page.getByTestId('chart-incidentsByCategory');
  const bars = JSON.parse((await byCategory.getAttribute('data-chart-data')) ?? '[]') as { key: string }[];
  expect(bars.length).toBeGreaterThan(5);
  await expect(byCategory.locator('.recharts-xAxis .recharts-cartesian-axis-tick')).toHaveCount(bars.length);
  expect(await seriousViolations(page), 'reports: incidents').toEqual([]);
  await page.getByTestId('tab-trends').click();
  await expect(page.getByTestId('report-trendCategoriesWeekly')).toBeVisible();
  expect(await seriousViolations(page), 'reports: trends').toEqual([]);

  // Problems: a problem titled with markup arrives; the open tab counts it and shows its title as text.
  const hostile = '<img src=x onerror="window.__pwned=1"> Spooler';
  const problem = buildProblem({
    id: 'prb-e2e-hostile',
    title: hostile,
    assigneeId: 'usr-0010',
    createdAt: Date.now() - 60_000,
    updatedAt: Date.now() - 60_000,
    updatedBy: 'usr-supervisor',
  });
  await page.getByTestId('tab-problems').click();
  await post(server.url, accessToken, 'tickets', [{ newDocumentState: { ...problem, _deleted: false } }]);
  const problems = now.filter((t) => t.type === 'problem').length + 1;
  await expect(page.getByTestId('problem-kpi-problems')).toHaveAttribute('data-value', String(problems), { timeout: 90_000 });
  const list = page.getByTestId('table-problemList');
  await expect(list).toContainText(hostile);
  expect(await list.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await seriousViolations(page), 'reports: problems').toEqual([]);
});

test('a technician collects on-site feedback offline; it reaches the server exactly once', async ({ server, signIn }) => {
  // A ticket of the technician's, resolved (through the API, as the technician would on another device).
  test.setTimeout(300_000);
  const open = await openTicketOfTechnician(server.url);
  const tech = await apiLogin(server.url, 'tech@example.org');
  const now = Date.now();
  const resolved: Ticket = {
    ...open,
    status: 'resolved',
    resolutionCode: 'fixed',
    resolutionNotes: 'Replaced the toner on site.',
    updatedAt: now,
    updatedBy: tech.user.id,
    queueKey: queueKeyFor(now),
  };
  expect(
    await post(server.url, tech.accessToken, 'tickets', [
      { assumedMasterState: { ...open, _deleted: false }, newDocumentState: { ...resolved, _deleted: false } },
    ]),
  ).toEqual([]);

  const { page, context } = await signIn('tech@example.org');
  await expect(page.getByTestId('nav-reports')).toHaveCount(0);
  const view = new TicketPage(page);
  await view.open(open.number);
  await expect(page.getByTestId('action-feedback')).toBeVisible({ timeout: 20_000 });
  const sync = new SyncStatus(page);
  await context.setOffline(true);
  await sync.expectOffline();

  // The customer-facing form: the technician hands the device over.
  await page.getByTestId('action-feedback').click();
  // Offline and no verifier on this device yet: the password typed is kept (as a verifier) to take the device back.
  await page.getByTestId('handover-password').fill(DEMO_PASSWORD);
  await page.getByTestId('handover-submit').click();
  await expect(page.getByTestId('feedback-page')).toBeVisible();
  await expect(page.getByTestId('nav-tickets')).toHaveCount(0);
  await page.getByTestId('feedback-language').getByText('Français').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comment avons-nous fait?');
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-problems')).toBeVisible();
  await page.getByTestId('answer-q-csat-5').click();
  await page.getByTestId('answer-q-nps-9').click();
  await page.getByTestId('answer-q-ces-6').click();
  await page.getByTestId('question-q-comment').fill('Technicien très efficace');
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-thanks')).toContainText("remettre l'appareil");
  await page.getByTestId('feedback-handed-back').click();
  await page.getByTestId('handback-password').fill(DEMO_PASSWORD);
  await page.getByTestId('handback-submit').click();
  await expect(page.getByTestId('ticket-detail')).toBeVisible();
  expect(await sync.pending()).toBeGreaterThan(0);

  // A second attempt on the same ticket is refused on the device: it counts once.
  await page.getByTestId('action-feedback').click();
  await expect(page.getByTestId('feedback-unavailable')).toBeVisible();
  await page.goBack();

  await context.setOffline(false);
  await sync.expectSettled();
  const supervisor = await apiLogin(server.url, 'supervisor@example.org');
  await expect
    .poll(async () =>
      (await pullAll<SurveyResponse>(server.url, supervisor.accessToken, 'survey_responses')).filter(
        (r) => r.ticketId === open.id,
      ),
    )
    .toEqual([
      expect.objectContaining({
        id: `rsp-onsite-${open.id}`,
        channel: 'onsite',
        surveyId: 'srv-csat',
        answers: [
          { questionId: 'q-csat', value: 5 },
          { questionId: 'q-nps', value: 9 },
          { questionId: 'q-ces', value: 6 },
          { questionId: 'q-comment', value: 'Technicien très efficace' },
        ],
      }),
    ]);
});
