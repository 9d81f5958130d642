import { INVITATION_HOLDER_PATH, SET_PASSWORD_PATH, invitationPath, type DirectoryEntry } from '@shared';
import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seed/index.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { startSmtpCapture, type SmtpCapture } from '../../test-support/smtp-capture.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
const capture: SmtpCapture = await startSmtpCapture();
afterAll(() => capture.close());

/** The token in an invitation mail's link (the only place it ever appears). */
function tokenIn(text: string): string {
  const match = /#\/set-password\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in: ${text}`);
  return match[1];
}

/**
 * A person an administrator creates chooses their own password through a one-time link mailed to them (a real
 * SMTP server catches it): no password is ever chosen, shown or mailed by anyone else.
 */
describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('password invitations', backend), () => {
    const env = useTestServers(backend, { server: { smtpUrl: capture.url, mailPollMs: 200 } });
    beforeAll(() => {
      capture.messages.length = 0;
    });
    const token = async (who: keyof typeof DEMO_USERS) => (await env().api.login(DEMO_USERS[who].email)).accessToken;
    const invite = async (who: keyof typeof DEMO_USERS, userId: string) =>
      env().api.request<{ email?: string; message?: string }>('POST', invitationPath(userId), { token: await token(who) });
    const setPassword = (body: unknown) =>
      env().api.request<{ message?: string; details?: { code?: string }[] }>('POST', SET_PASSWORD_PATH, { body });
    const login = (email: string, password: string) =>
      env().api.request('POST', '/api/auth/login', { body: { email, password } });

    async function newPerson(overrides: Partial<DirectoryEntry>): Promise<DirectoryEntry> {
      const person = buildDirectoryEntry({ groupIds: ['grp-service-desk'], ...overrides });
      const pushed = await env().api.push(await token('admin'), 'directory', [
        { newDocumentState: { ...person, _deleted: false } },
      ]);
      expect(pushed.status).toBe(200);
      return person;
    }

    it('mails a new person a link in their language; the password they choose signs them in, once', async () => {
      const person = await newPerson({ id: 'usr-invitee', name: 'Inès Roy', email: 'ines.roy@example.org', locale: 'fr' });
      expect((await login(person.email, 'anything-at-all-1')).status).toBe(401);

      const invited = await invite('admin', person.id);
      expect(invited.status).toBe(202);
      expect(invited.body).toEqual({ email: 'ines.roy@example.org' });
      const mail = await capture.waitFor((m) => m.to.includes('ines.roy@example.org'));
      expect(mail.subject).toBe('Choisissez votre mot de passe du centre de services');
      const link = tokenIn(mail.text);
      expect(mail.text).toContain(`${env().server.url}/#/set-password?token=`);

      const holder = await env().api.request<{ name: string }>('POST', INVITATION_HOLDER_PATH, { body: { token: link } });
      expect(holder).toMatchObject({ status: 200, body: { name: 'Inès Roy' } });

      // A password the shared rule refuses leaves the link working.
      const short = await setPassword({ token: link, password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.details?.[0]?.code).toBe('password_too_short');
      const asAddress = await setPassword({ token: link, password: 'INES.ROY@example.org' });
      expect(asAddress.body.details?.[0]?.code).toBe('password_is_address');

      expect((await setPassword({ token: link, password: 'correct horse battery' })).status).toBe(204);
      expect((await login(person.email, 'correct horse battery')).status).toBe(200);
      // Used up: the same link opens nothing again, and says so the same way as an unknown one.
      const again = await setPassword({ token: link, password: 'another long password' });
      const unknown = await setPassword({ token: 'x'.repeat(43), password: 'another long password' });
      expect(again.status).toBe(410);
      expect(unknown).toMatchObject({ status: 410, body: { message: again.body.message } });
      expect((await login(person.email, 'another long password')).status).toBe(401);
    });

    it('lets only the newest link work, ends the person’s other sign-ins, and lets only administrators invite', async () => {
      const person = await newPerson({ id: 'usr-reinvited', email: 'reinvited@example.org' });
      await invite('admin', person.id);
      const first = tokenIn((await capture.waitFor((m) => m.to.includes(person.email))).text);
      capture.messages.length = 0;
      await invite('admin', person.id);
      const second = tokenIn((await capture.waitFor((m) => m.to.includes(person.email))).text);
      expect((await setPassword({ token: first, password: 'first long password' })).status).toBe(410);
      expect((await setPassword({ token: second, password: 'second long password' })).status).toBe(204);

      const session = (await login(person.email, 'second long password')).body as { refreshToken: string };
      await invite('admin', person.id);
      const third = tokenIn((await capture.waitFor((m) => m.to.includes(person.email) && !m.text.includes(second))).text);
      expect((await setPassword({ token: third, password: 'third long password' })).status).toBe(204);
      const refreshed = await env().api.request('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expect(refreshed.status).toBe(401);

      expect((await invite('supervisor', person.id)).status).toBe(403);
      expect((await invite('agent', person.id)).status).toBe(403);
      expect((await invite('admin', 'usr-nobody')).status).toBe(404);
      // A demo user's password stays theirs: nothing above touched it.
      expect((await login(DEMO_USERS.agent.email, DEMO_PASSWORD)).status).toBe(200);
    });

    it('refuses to invite a deactivated person, and a link stops working when its person is deactivated', async () => {
      const person = await newPerson({ id: 'usr-leaving', email: 'leaving@example.org' });
      await invite('admin', person.id);
      const link = tokenIn((await capture.waitFor((m) => m.to.includes(person.email))).text);
      const stored = (await env().api.pullAll(await token('admin'), 'directory')).docs.get(person.id);
      const off = await env().api.push(await token('admin'), 'directory', [
        { assumedMasterState: stored, newDocumentState: { ...stored, active: false, updatedAt: Date.now() } },
      ]);
      expect(off.status).toBe(200);
      expect((await invite('admin', person.id)).status).toBe(409);
      expect((await setPassword({ token: link, password: 'a long enough password' })).status).toBe(410);
    });
  });
});
