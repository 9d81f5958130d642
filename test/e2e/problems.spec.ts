import type { Ticket, TicketEvent } from '@shared';
import type { ProblemReport } from '@shared/metrics/index.js';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { apiLogin, expect, pullAll, test } from './fixtures/mail-desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

// This file changes what the whole desk shares: it runs against a server of its own.
test.use({ serverFor: 'problems' });

type Stored<T> = T & { _deleted: boolean };

// Words no demo ticket holds, so the cluster is this test's own whatever the demo data's dates.
const CLUSTER_TITLES = [
  'Quarbit kiosk frozen at the north entrance',
  'Quarbit kiosk frozen again this morning',
  'Badge scan fails: quarbit kiosk frozen',
  'Quarbit kiosk frozen, visitors waiting',
  'Lobby quarbit kiosk frozen on the welcome screen',
];
const HOSTILE = '<img src=x onerror="window.__pwned=1"> the kiosk agent leaks memory';
// Quoted in every caller's resolution e-mail: it must arrive as plain text, escaped in the HTML part.
const HOSTILE_NOTES = 'Driver 4.1 restored <script>window.__pwned=2</script> & "rebooted" on every kiosk';
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// Each incident has a caller of its own, some reading French (their directory locale): the cluster's, then the
// agent's incident's.
const CALLERS = [
  { id: 'usr-0001', email: 'chloe.bouchard@example.org', language: 'fr' },
  { id: 'usr-0002', email: 'liam.wilson@example.org', language: 'en' },
  { id: 'usr-0004', email: 'noah.campbell@example.org', language: 'en' },
  { id: 'usr-0007', email: 'olivia.brown@example.org', language: 'en' },
  { id: 'usr-0019', email: 'zoe.leblanc@example.org', language: 'fr' },
  { id: 'usr-0003', email: 'emilie.cote@example.org', language: 'fr' },
] as const;

test('a supervisor turns a candidate into a problem, records its root cause and publishes the known error; an agent offline applies its workaround; the problem is resolved with its incidents and their callers are mailed', async ({
  server,
  signIn,
  smtp,
}) => {
  test.setTimeout(240_000);
  const api = new ApiClient(server.url);
  const supervisorToken = (await apiLogin(server.url, 'supervisor@example.org')).accessToken;
  const now = Date.now();
  const seed = (title: string, i: number, callerId: string) =>
    api.createTicketIn(
      supervisorToken,
      makeTicket({
        title,
        callerId,
        description: 'The kiosk stops answering until someone restarts it.',
        status: 'new',
        assigneeId: '',
        groupId: 'grp-service-desk',
        categoryId: 'cat-network-vpn',
        createdAt: now - (i + 1) * 3_600_000,
        updatedAt: now - (i + 1) * 3_600_000,
      }),
    );
  const cluster: Ticket[] = [];
  for (const [i, title] of CLUSTER_TITLES.entries()) cluster.push(await seed(title, i, CALLERS[i].id));
  // An incident that shares one word only: not part of the cluster, and the one the agent works offline.
  const later = await seed('Visitor desk shows a quarbit error', 6, CALLERS[5].id);

  // The supervisor finds the candidate with its evidence and creates the problem from it.
  const { page } = await signIn('supervisor@example.org');
  await new SyncStatus(page).expectSettled();
  await page.getByTestId('nav-problems').click();
  await expect(page.getByTestId('problems-page')).toBeVisible();
  const candidate = page
    .getByTestId('problem-candidate')
    .filter({ has: page.getByTestId('candidate-trait').filter({ hasText: 'quarbit' }) });
  await expect(candidate).toHaveCount(1);
  await expect(candidate.getByTestId('candidate-count')).toHaveText('5 incidents');
  await candidate.getByTestId('candidate-evidence').click();
  await expect(candidate.getByTestId('candidate-incident')).toHaveCount(5);
  expect(await seriousViolationsIn(page, '[data-testid="problems-page"]')).toEqual([]);

  await candidate.getByTestId('candidate-create').click();
  await candidate.getByTestId('candidate-problem-title').fill('Quarbit kiosks freeze');
  await candidate.getByTestId('candidate-create-submit').click();

  const panel = page.getByTestId('problem-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('problem-phase')).toHaveAttribute('data-phase', 'new');
  await expect(panel.getByTestId('problem-incident')).toHaveCount(5);
  const problemId = (await page.getByTestId('ticket-detail').getAttribute('data-ticket-id')) ?? '';

  // Along the lifecycle to root-cause analysis, then the analysis with hostile text.
  await panel.getByTestId('problem-move-assessment').click();
  await expect(panel.getByTestId('problem-phase')).toHaveAttribute('data-phase', 'assessment');
  await panel.getByTestId('problem-move-root_cause_analysis').click();
  await expect(panel.getByTestId('problem-phase')).toHaveAttribute('data-phase', 'root_cause_analysis');
  await panel.getByTestId('problem-why-0').fill('The kiosk app runs out of memory');
  await panel.getByTestId('problem-why-add').click();
  await panel.getByTestId('problem-why-1').fill('A driver update leaks handles');
  await panel.getByTestId('problem-factor-0').fill('No memory monitoring on kiosks');
  await panel.getByTestId('problem-timeline-add').click();
  await panel.getByTestId('problem-timeline-0').fill('Driver 4.2 rolled out to every kiosk');
  await panel.getByTestId('problem-statement').fill(HOSTILE);
  await panel.getByTestId('problem-root-cause-save').click();
  await expect(panel.getByTestId('problem-statement-view')).toContainText(HOSTILE);
  await expect(panel.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Half translated, publishing is refused with the rule's message; complete, it publishes.
  await panel.getByTestId('problem-ke-symptoms-en').fill('The quarbit kiosk freezes and ignores badges');
  await panel.getByTestId('problem-ke-symptoms-fr').fill('La borne quarbit se fige et ignore les badges');
  await panel.getByTestId('problem-ke-cause-en').fill('A driver leaks memory');
  await panel.getByTestId('problem-ke-workaround-en').fill('Hold the power key ten seconds to restart the kiosk');
  await panel.getByTestId('problem-ke-publish').click();
  await expect(
    panel.getByText('A known error gives its symptoms, cause and workaround in English and in French.').first(),
  ).toBeVisible();
  await panel.getByTestId('problem-ke-cause-fr').fill('Un pilote perd de la mémoire');
  await panel.getByTestId('problem-ke-workaround-fr').fill('Maintenir la touche marche dix secondes pour redémarrer la borne');
  await panel.getByTestId('problem-ke-publish').click();
  await expect(panel.getByTestId('problem-phase')).toHaveAttribute('data-phase', 'known_error');
  expect(await seriousViolationsIn(page, '[data-testid="problem-panel"]')).toEqual([]);
  await new SyncStatus(page).expectSettled();

  // The server holds the problem in its phase with the analysis, and every incident linked to it.
  await expect
    .poll(async () => {
      const tickets = await pullAll<Stored<Ticket>>(server.url, supervisorToken, 'tickets');
      const problem = tickets.find((t) => t.id === problemId);
      const linked = tickets.filter((t) => t.problemId === problemId).map((t) => t.id);
      return {
        phase: problem?.problemPhase,
        statement: problem?.rootCause?.statement,
        number: problem?.number,
        linked: linked.sort(),
      };
    })
    .toEqual({
      phase: 'known_error',
      statement: HOSTILE,
      number: expect.stringMatching(/^PRB/) as unknown as string,
      linked: cluster.map((t) => t.id).sort(),
    });

  // An agent, offline, finds the known error from another incident and applies its workaround.
  const agent = await signIn('agent@example.org');
  const agentSync = new SyncStatus(agent.page);
  await agentSync.expectSettled();
  const view = new TicketPage(agent.page);
  await view.open(String(later.number));
  await agent.context.setOffline(true);
  await agentSync.expectOffline();
  const suggestions = agent.page.getByTestId('known-error-suggestions');
  const knownError = suggestions.locator(`[data-testid="known-error"][data-problem-id="${problemId}"]`);
  await expect(knownError).toBeVisible();
  await expect(knownError.getByTestId('known-error-workaround')).toContainText('Hold the power key ten seconds');
  // Searched by words too, accents and case ignored.
  await suggestions.getByTestId('known-error-search').fill('MEMOIRE pilote');
  await expect(knownError).toBeVisible();
  await knownError.getByTestId('known-error-apply').click();
  await expect(agent.page.getByTestId('incident-problem')).toContainText('Quarbit kiosks freeze');
  await expect(view.timeline('comment').filter({ hasText: 'Hold the power key ten seconds' })).toHaveCount(1);

  // Back online, it syncs: the incident is linked on the server and the history says which workaround was applied.
  await agent.context.setOffline(false);
  await agentSync.expectSettled();
  const agentToken = (await apiLogin(server.url, 'agent@example.org')).accessToken;
  await expect
    .poll(
      async () => (await pullAll<Stored<Ticket>>(server.url, agentToken, 'tickets')).find((t) => t.id === later.id)?.problemId,
    )
    .toBe(problemId);
  await expect
    .poll(async () =>
      (await pullAll<Stored<TicketEvent>>(server.url, agentToken, 'ticket_events'))
        .filter((e) => e.ticketId === later.id && e.kind === 'comment')
        .map((e) => ({ fromValue: e.fromValue, toValue: e.toValue })),
    )
    .toEqual([{ fromValue: 'workaround', toValue: problemId }]);
  // The supervisor resolves the problem and, with it, every open incident linked to it (the agent's one too).
  await new SyncStatus(page).expectSettled();
  await panel.getByTestId('problem-move-resolved').click();
  await panel.getByTestId('problem-resolution-notes').fill(HOSTILE_NOTES);
  await expect(panel.getByTestId('problem-resolve-incident')).toHaveCount(6);
  await panel.getByTestId('problem-resolve').click();
  await expect(panel.getByTestId('problem-phase')).toHaveAttribute('data-phase', 'resolved');
  await expect(panel.getByTestId('problem-resolved-count')).toContainText('6');
  await new SyncStatus(page).expectSettled();
  await expect
    .poll(async () => {
      const tickets = await pullAll<Stored<Ticket>>(server.url, supervisorToken, 'tickets');
      const linked = tickets.filter((t) => t.problemId === problemId);
      return {
        count: tickets.find((t) => t.id === problemId)?.resolvedByProblemCount,
        resolved: linked.filter((t) => t.status === 'resolved' && t.resolutionNotes.startsWith('Fixed by problem PRB')).length,
      };
    })
    .toEqual({ count: 6, resolved: 6 });

  // The callers' e-mail, captured by a real SMTP server. Mail is queued in the resolving push's own transaction: once
  // the outbox holds nothing more to send, the capture server has everything that went out.
  await expect
    .poll(
      async () =>
        (
          await server.db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM mail_outbox WHERE sent_at IS NULL AND held_reason IS NULL',
          )
        )[0]?.n,
      { timeout: 30_000 },
    )
    .toBe(0);
  const stored = await pullAll<Stored<Ticket>>(server.url, supervisorToken, 'tickets');
  const problemNumber = stored.find((t) => t.id === problemId)?.number ?? '';
  const incidents = [...cluster, later].map((t, i) => ({ ...(stored.find((s) => s.id === t.id) ?? t), caller: CALLERS[i] }));
  const subjects = (t: (typeof incidents)[number]) =>
    t.caller.language === 'fr'
      ? [
          `[${t.number}] Nous avons bien reçu votre demande : ${t.title}`,
          `[${t.number}] Votre demande est résolue : ${t.title}`,
          `Comment avons-nous fait? (${t.number})`,
        ]
      : [
          `[${t.number}] We have received your request: ${t.title}`,
          `[${t.number}] Your request has been resolved: ${t.title}`,
          `How did we do? (${t.number})`,
        ];
  // Each caller got, about their incident and nothing else: its receipt, its resolution and the satisfaction survey,
  // each once, in their language; nobody else heard of these incidents, nor of the problem (not a request of its
  // recorder's, see mailsCaller).
  const numbers = [problemNumber, ...incidents.map((t) => t.number)];
  const mailAboutThem = smtp.messages.filter((m) => numbers.some((n) => m.subject.includes(n)));
  const byRecipient = (list: { to: string[]; subject: string }[]) =>
    list.map((m) => `${m.to.join(',')} ${m.subject}`).sort((a, b) => a.localeCompare(b));
  expect(byRecipient(mailAboutThem)).toEqual(
    byRecipient(incidents.flatMap((t) => subjects(t).map((subject) => ({ to: [t.caller.email], subject })))),
  );
  for (const t of incidents) {
    const [mail] = mailAboutThem.filter((m) => m.subject === subjects(t)[1]);
    // The notice names the incident and the problem; the notes arrive as typed in the text, escaped in the HTML.
    const notes = `Fixed by problem ${problemNumber}: ${HOSTILE_NOTES}`;
    expect(mail.text).toContain(
      t.caller.language === 'fr' ? `Votre demande ${t.number} est résolue.` : `Your request ${t.number} has been resolved.`,
    );
    expect(mail.text).toContain(notes);
    expect(mail.html).toContain(escapeHtml(notes));
    expect(mail.html).not.toContain('<script');
  }

  // The problem report reads what the desk recorded: the cluster linked before the known error was published, the
  // agent's incident linked after it with the workaround applied, and when the cause was found and the fix came.
  await expect
    .poll(async () => {
      const res = await fetch(`${server.url}/api/reports/problems`, { headers: { authorization: `Bearer ${supervisorToken}` } });
      const line = ((await res.json()) as ProblemReport).problems.find((p) => p.id === problemId);
      return line && { ...line, rootCauseMs: line.rootCauseMs !== null, resolutionMs: line.resolutionMs !== null };
    })
    .toMatchObject({ incidents: 6, incidentsAvoided: 1, workaroundsApplied: 1, rootCauseMs: true, resolutionMs: true });
});

test('an agent links incidents to a problem in bulk from the queue', async ({ server, signIn }) => {
  const api = new ApiClient(server.url);
  const supervisorToken = (await apiLogin(server.url, 'supervisor@example.org')).accessToken;
  const now = Date.now();
  const base: Partial<Ticket> = {
    status: 'new',
    assigneeId: '',
    groupId: 'grp-service-desk',
    createdAt: now - 60_000,
    updatedAt: now - 60_000,
  };
  const problem = await api.createTicketIn(
    supervisorToken,
    makeTicket({ ...base, type: 'problem', problemPhase: 'new', title: 'Vexnor printers misfeed' }),
  );
  const incidents = [
    await api.createTicketIn(supervisorToken, makeTicket({ ...base, title: 'Vexnor printer misfeeds envelopes' })),
    await api.createTicketIn(supervisorToken, makeTicket({ ...base, title: 'Vexnor printer eats labels' })),
  ];

  const { page } = await signIn('agent@example.org');
  await new SyncStatus(page).expectSettled();
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-search').fill('Vexnor printer');
  const rows = page.locator('[data-testid="ticket-row"][data-number^="INC"]');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByTestId('bulk-select').check();
  await rows.nth(1).getByTestId('bulk-select').check();
  await page.getByTestId('bulk-problem').click();
  await page.getByRole('option', { name: /Vexnor printers misfeed/ }).click();
  await page.getByTestId('bulk-apply').click();
  await new SyncStatus(page).expectSettled();

  await expect
    .poll(async () =>
      (await pullAll<Stored<Ticket>>(server.url, supervisorToken, 'tickets'))
        .filter((t) => incidents.some((i) => i.id === t.id))
        .map((t) => t.problemId),
    )
    .toEqual([problem.id, problem.id]);
});
