import type { Ticket, TicketEvent } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { technicianOfflineWithAgentOnline } from './fixtures/two-desks.js';
import { ConflictsPage } from './page-models/conflicts-page.js';

/** How the urgency select labels its levels in English. */
const URGENCY_LABEL: Record<1 | 2 | 3, RegExp> = { 1: /high/i, 2: /medium/i, 3: /low/i };

test('a technician works offline while an agent edits another field: both edits and every worklog entry survive', async ({
  server,
  signIn,
}) => {
  const { ticket, tech, techView, agentView, techSync, agentSync } = await technicianOfflineWithAgentOnline(server, signIn);

  const newTitle = `${ticket.title} (checked on site)`;
  const newDescription = 'Replaced the fuser unit and printed a test page.';
  await techView.setText('field-title', newTitle);
  await techView.setText('field-description', newDescription);
  await techView.save();
  const worklog = ['Travelled to site', 'Diagnosed the fuser', 'Replaced the fuser and tested'];
  for (const [i, body] of worklog.entries()) await techView.addWorklog(body, 15 * (i + 1));
  expect(await techSync.pending()).toBeGreaterThan(0);

  // Meanwhile the agent, online, changes a different field.
  const newUrgency: 1 | 3 = ticket.urgency === 1 ? 3 : 1;
  await agentView.choose('field-urgency', URGENCY_LABEL[newUrgency]);
  await agentView.save();
  await agentSync.expectSettled();

  // Still offline, the technician reloads: the unsynced work is still there, read from the local database.
  await tech.page.reload();
  await techSync.expectOffline();
  await techView.open(ticket.number);
  await expect(techView.field('field-title')).toHaveValue(newTitle);
  for (const body of worklog) await expect(techView.timeline('worklog').filter({ hasText: body })).toHaveCount(1);

  await tech.context.setOffline(false);
  await techSync.expectSettled();
  await agentSync.expectSettled();

  for (const view of [techView, agentView]) {
    await expect(view.field('field-title')).toHaveValue(newTitle);
    await expect(view.field('field-description')).toHaveValue(newDescription);
    await expect(view.field('field-urgency')).toHaveValue(URGENCY_LABEL[newUrgency]);
    for (const body of worklog) await expect(view.timeline('worklog').filter({ hasText: body })).toHaveCount(1);
  }

  // The server holds the merged ticket and all three entries, once each.
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const stored = (await pullAll<Ticket>(server.url, accessToken, 'tickets')).find((t) => t.id === ticket.id)!;
  expect(stored).toMatchObject({ title: newTitle, description: newDescription, urgency: newUrgency });
  const events = (await pullAll<TicketEvent>(server.url, accessToken, 'ticket_events')).filter((e) => e.ticketId === ticket.id);
  for (const body of worklog) expect(events.filter((e) => e.kind === 'worklog' && e.body === body)).toHaveLength(1);
});

test('the same field edited on both sides is kept in the conflict view until the technician chooses', async ({
  server,
  signIn,
}) => {
  const { tech, techView, agentView, techSync, agentSync } = await technicianOfflineWithAgentOnline(server, signIn);
  await techView.setText('field-title', 'Title written offline by the technician');
  await techView.save();

  await agentView.setText('field-title', 'Title written by the agent');
  await agentView.save();
  await agentSync.expectSettled();

  await tech.context.setOffline(false);
  await techSync.expectSettled();
  // The server value is shown, and the technician's value is not lost: it waits in the conflict view.
  await expect(techView.field('field-title')).toHaveValue('Title written by the agent');
  // The header cannot be mistaken for settled: it names the open conflict and leads to it.
  const header = tech.page.getByTestId('sync-conflicts');
  await expect(header).toHaveText('1 conflict to resolve');
  await header.click();
  await expect(tech.page).toHaveURL(/#\/conflicts$/);
  const conflicts = new ConflictsPage(tech.page);
  const row = conflicts.row('title');
  await expect(row).toContainText('Title written offline by the technician');
  await expect(row).toContainText('Title written by the agent');
  // Who changed the server's value, by name, and when.
  await expect(row.getByTestId('conflict-remote-by')).toContainText(/^Changed by Avery Martin, .*\d/);

  await conflicts.keepLocal('title');
  await expect(conflicts.row('title')).toHaveCount(0);
  await expect(header).toHaveCount(0);
  await techSync.expectSettled();
  await expect(agentView.field('field-title')).toHaveValue('Title written offline by the technician');
});
