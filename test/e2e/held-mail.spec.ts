import { HELD_MAIL_PATH } from '@shared';
import { queueMail } from '../../server/src/services/mail/mail-queue.js';
import { expect, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';

test('supervisors see held mail as text; an administrator releases what the allowance held, and a refused address stays', async ({
  server,
  signIn,
}) => {
  const hostile = 'Update <img src=x onerror="window.__pwned=1"> & "quotes"';
  // One held for a user's hourly allowance, one the outbox refuses (a list of addresses, as old data could cause).
  await queueMail(
    server.db,
    { kind: 'major-incident-update', to: 'stakeholder@example.org', subject: hostile, text: 'x' },
    {
      userId: 'usr-agent',
      perHour: 0,
    },
  );
  await queueMail(server.db, { kind: 'ticket-created', to: 'a@example.org, b@example.org', subject: 'Received', text: 'x' });

  const { page: supervisor } = await signIn('supervisor@example.org');
  await supervisor.getByTestId('nav-held-mail').click();
  const rows = supervisor.getByTestId('held-mail-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'stakeholder@example.org' })).toContainText(hostile);
  await expect(rows.filter({ hasText: 'stakeholder@example.org' })).toContainText('Avery Martin');
  expect(await supervisor.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(supervisor.getByTestId('held-mail-release')).toHaveCount(0);
  expect(await seriousViolationsIn(supervisor)).toEqual([]);

  const { page: admin } = await signIn('admin@example.org');
  await admin.getByTestId('nav-held-mail').click();
  const refusedRow = admin.getByTestId('held-mail-row').filter({ hasText: 'a@example.org, b@example.org' });
  await refusedRow.getByTestId('held-mail-release').click();
  await expect(admin.getByText('cannot be released')).toBeVisible();
  await admin
    .getByTestId('held-mail-row')
    .filter({ hasText: 'stakeholder@example.org' })
    .getByTestId('held-mail-release')
    .click();
  await expect(admin.getByTestId('held-mail-row')).toHaveCount(1);
  await expect(admin.getByTestId('held-mail-row')).toContainText('a@example.org, b@example.org');
  const still = (
    await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox WHERE held_reason IS NOT NULL')
  )[0];
  expect(still.n).toBe(1);
  // Without a token the list is refused.
  expect((await fetch(`${server.url}${HELD_MAIL_PATH}`)).status).toBe(401);
});
