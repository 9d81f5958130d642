import type { DirectoryEntry, Ticket } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';

type Stored<T> = T & { _deleted: boolean };

/** Sets a user's groups as the admin console does: a directory push against the state the server holds. */
async function setGroups(serverUrl: string, adminToken: string, userId: string, groupIds: string[]): Promise<void> {
  const entries = await pullAll<Stored<DirectoryEntry>>(serverUrl, adminToken, 'directory');
  const current = entries.find((e) => e.id === userId);
  if (!current) throw new Error(`no directory entry ${userId}`);
  const res = await fetch(`${serverUrl}/api/sync/directory/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify([{ assumedMasterState: current, newDocumentState: { ...current, groupIds } }]),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual([]);
}

test("a technician added to a group receives the group's older tickets while signed in", async ({ server, signIn }) => {
  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  const tech = await apiLogin(server.url, 'tech@example.org');
  const seen = new Set((await pullAll<Ticket>(server.url, tech.accessToken, 'tickets')).map((t) => t.id));
  const all = await pullAll<Stored<Ticket>>(server.url, admin, 'tickets');
  const target = all.find((t) => !t._deleted && !t.security && !seen.has(t.id));
  if (!target) throw new Error('The demo data has no ticket outside the technician’s groups');

  const { page } = await signIn('tech@example.org');
  await page.getByTestId('nav-tickets').click();
  await expect(page.getByTestId('queue-count')).toHaveAttribute('data-complete', 'true');
  const original = [...tech.user.groupIds];
  try {
    await setGroups(server.url, admin, tech.user.id, [...original, target.groupId]);
    await page.getByTestId('queue-search').fill(target.number);
    await expect(page.locator(`[data-testid="ticket-row"][data-number="${target.number}"]`)).toHaveCount(1, {
      timeout: 30_000,
    });
  } finally {
    // The server is shared by the worker's other tests: the technician's groups go back as they were.
    await setGroups(server.url, admin, tech.user.id, original);
  }
});
