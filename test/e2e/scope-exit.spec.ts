import type { DirectoryEntry, Ticket } from '@shared';
import { queueKeyFor } from '@shared';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

type Stored<T> = T & { _deleted: boolean };

test('a ticket reclassified as a security incident leaves the agent’s screen and device while they look at it (issue 15 item 9)', async ({
  server,
  signIn,
}) => {
  const api = new ApiClient(server.url);
  const supervisor = (await apiLogin(server.url, 'supervisor@example.org')).accessToken;
  const title = 'Odd e-mail asking for my password <img src=x onerror=alert(1)>';
  const ticket = await api.createTicketIn(supervisor, makeTicket({ groupId: 'grp-service-desk', status: 'new', title }));

  const { page } = await signIn('agent@example.org');
  await new SyncStatus(page).expectSettled();
  const view = new TicketPage(page);
  await view.open(String(ticket.number));
  await expect(page.getByText(title).first()).toBeVisible();

  // The supervisor reclassifies it: the security group's from now on.
  const current = (await pullAll<Stored<Ticket>>(server.url, supervisor, 'tickets')).find((t) => t.id === ticket.id)!;
  const updatedAt = current.updatedAt + 1;
  const secured = {
    ...current,
    security: true,
    groupId: 'grp-security',
    categoryId: 'cat-security-phishing',
    updatedAt,
    queueKey: queueKeyFor(updatedAt),
  };
  const pushed = await fetch(`${server.url}/api/sync/tickets/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor}` },
    body: JSON.stringify([{ assumedMasterState: current, newDocumentState: secured }]),
  });
  expect(pushed.status, await pushed.clone().text()).toBe(200);

  // Live: the open ticket page loses it, and the queue no longer lists it.
  await expect(page.getByTestId('ticket-not-found')).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-search').fill(String(ticket.number));
  await expect(page.getByText(title)).toHaveCount(0);
  // Nothing of it is left in the device's databases (documents and replication state): only the server's tombstone.
  const stored = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('rxdb-dexie-'));
    const texts: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(new Error(String(request.error)));
        });
        texts.push(JSON.stringify(all));
      }
      db.close();
    }
    return texts.join('\n');
  });
  expect(stored).toContain(ticket.id);
  expect(stored).not.toContain('Odd e-mail asking for my password');
});

test('a deactivated account’s device erases everything it held and says why (issue 15 item 9)', async ({ server, signIn }) => {
  const { page } = await signIn('olivia.brown@example.org');
  await new SyncStatus(page).expectSettled();
  const before = await page.evaluate(
    async () => (await indexedDB.databases()).filter((d) => d.name?.startsWith('rxdb-dexie-')).length,
  );
  expect(before).toBeGreaterThan(0);

  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  const entry = (await pullAll<Stored<DirectoryEntry>>(server.url, admin, 'directory')).find(
    (e) => e.kind === 'user' && e.email === 'olivia.brown@example.org',
  )!;
  const pushed = await fetch(`${server.url}/api/sync/directory/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify([{ assumedMasterState: entry, newDocumentState: { ...entry, active: false } }]),
  });
  expect(pushed.status, await pushed.clone().text()).toBe(200);

  // Her next request is refused, the refresh says deactivated, and the device erases its databases.
  await expect(page.getByTestId('login-deactivated')).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(async () =>
      page.evaluate(async () => (await indexedDB.databases()).filter((d) => d.name?.startsWith('rxdb-dexie-')).length),
    )
    .toBe(0);
  await expect(page.getByTestId('login-email')).toBeVisible();
});
