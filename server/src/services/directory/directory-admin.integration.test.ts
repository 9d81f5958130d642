import { DIRECTORY_AUDIT_PATH, type DirectoryAuditEntry, type DirectoryEntry } from '@shared';
import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import { describe, expect, it } from 'vitest';
import { groupLeads } from '../../db/queries/directory.js';
import { DEMO_PASSWORD, DEMO_USERS, GROUP_IDS } from '../../seed/index.js';
import { slaRecipients } from '../sla/sla-recipients.js';
import type { Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

interface Refusal {
  message: string;
  details?: { documentId: string; field: string; code?: string }[];
}

/**
 * Administration of people, groups and categories goes through the same push as every other write: the shared
 * directory rules refuse bad entries with a code before anything is stored, only administrators write, nobody
 * widens their own account, and every accepted change lands in the audit under the pusher's name.
 */
describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('directory administration', backend), () => {
    const env = useTestServers(backend);
    const token = async (who: keyof typeof DEMO_USERS) => (await env().api.login(DEMO_USERS[who].email)).accessToken;
    const stored = async (id: string): Promise<Doc | undefined> =>
      (await env().api.pullAll(await token('admin'), 'directory')).docs.get(id);
    const push = async (who: keyof typeof DEMO_USERS, entry: DirectoryEntry, previous?: Doc) =>
      env().api.push(await token(who), 'directory', [
        { assumedMasterState: previous, newDocumentState: { ...entry, _deleted: false } },
      ]);
    const audit = async (who: keyof typeof DEMO_USERS, entry?: string) =>
      env().api.request<DirectoryAuditEntry[]>('GET', `${DIRECTORY_AUDIT_PATH}${entry ? `?entry=${entry}` : ''}`, {
        token: await token(who),
      });

    it('creates a group and a category routed to it in one push, and audits both in the admin’s name', async () => {
      const group = buildDirectoryEntry({ id: 'grp-printing', kind: 'group', name: 'Printing', nameFr: 'Impression', tier: 2 });
      const category = buildDirectoryEntry({ id: 'cat-plotter', kind: 'category', name: 'Plotter', groupId: group.id });
      // The category comes first in the push: the rules see the whole batch, so its group already counts.
      const response = await env().api.push(await token('admin'), 'directory', [
        { newDocumentState: { ...category, _deleted: false } },
        { newDocumentState: { ...group, _deleted: false } },
      ]);
      expect(response.status).toBe(200);
      expect(await stored(category.id)).toMatchObject({ groupId: 'grp-printing' });

      const trail = await audit('supervisor', category.id);
      expect(trail.status).toBe(200);
      expect(trail.body).toHaveLength(1);
      expect(trail.body[0]).toMatchObject({ actorId: DEMO_USERS.admin.id, entryId: category.id, kind: 'category', before: null });
      expect(trail.body[0].after).toMatchObject({ name: 'Plotter', groupId: 'grp-printing' });
    });

    it.each([
      ['an address another person has', { email: 'TECH@example.org' }, 'email', 'directory_email_taken'],
      ['a group that does not exist', { groupIds: ['grp-nowhere'] }, 'groupIds', 'directory_group_unknown'],
      ['no role', { role: '' as const }, 'role', 'directory_role_required'],
    ])('refuses a person with %s (422 with its code), storing nothing', async (_what, fields, field, code) => {
      const person = buildDirectoryEntry({ id: `usr-bad-${code}`, ...fields });
      const response = await push('admin', person);
      expect(response.status).toBe(422);
      const body = response.body as unknown as Refusal;
      expect(body.details?.[0]).toMatchObject({ documentId: person.id, field, code });
      expect(await stored(person.id)).toBeUndefined();
      expect((await audit('admin', person.id)).body).toEqual([]);
    });

    it('makes the leads a group names the people SLA warnings for group leads reach', async () => {
      const network = await stored(GROUP_IDS.network);
      const led = { ...(network as unknown as DirectoryEntry), leadIds: ['usr-0008'] };
      expect((await push('admin', led, network)).status).toBe(200);
      const leads = await groupLeads(env().server.db, [GROUP_IDS.network, GROUP_IDS.field]);
      expect(leads.get(GROUP_IDS.network)?.map((u) => u.email)).toEqual(['samuel.lavoie@example.org']);
      expect(leads.has(GROUP_IDS.field)).toBe(false);
      const people = { users: new Map(), supervisors: [], leads };
      expect(slaRecipients(['notify_group_leads'], { assigneeId: '', groupId: GROUP_IDS.network }, people)).toEqual([
        'samuel.lavoie@example.org',
      ]);
    });

    it('refuses a category moved under its own subcategory, leaving the tree as it was', async () => {
      const before = await stored('cat-hardware');
      const response = await push(
        'admin',
        { ...(before as unknown as DirectoryEntry), parentId: 'cat-hardware-printer' },
        before,
      );
      expect(response.status).toBe(422);
      expect((response.body as unknown as Refusal).details?.[0]).toMatchObject({ code: 'directory_category_cycle' });
      expect(await stored('cat-hardware')).toEqual(before);
    });

    it('refuses an administrator changing their own role or groups (403), and a supervisor editing anyone', async () => {
      const self = await stored(DEMO_USERS.admin.id);
      const widened = { ...(self as unknown as DirectoryEntry), groupIds: [GROUP_IDS.security] };
      const own = await push('admin', widened, self);
      expect(own.status).toBe(403);
      expect((own.body as unknown as Refusal).details?.[0]).toMatchObject({ code: 'directory_own_account', field: 'groupIds' });

      const tech = await stored(DEMO_USERS.technician.id);
      const bySupervisor = await push('supervisor', { ...(tech as unknown as DirectoryEntry), role: 'admin' }, tech);
      expect(bySupervisor.status).toBe(403);
      expect(await stored(DEMO_USERS.technician.id)).toEqual(tech);
      expect(await stored(DEMO_USERS.admin.id)).toEqual(self);
    });

    it('deactivates a person, who can no longer sign in though their entry stays, and keeps the audit from agents', async () => {
      const lucas = { email: 'lucas.nguyen@example.org', id: 'usr-0020' };
      expect((await env().api.login(lucas.email)).user.id).toBe(lucas.id);
      const before = await stored(lucas.id);
      expect((await push('admin', { ...(before as unknown as DirectoryEntry), active: false }, before)).status).toBe(200);
      const signIn = await env().api.request('POST', '/api/auth/login', {
        body: { email: lucas.email, password: DEMO_PASSWORD },
      });
      expect(signIn.status).toBe(403);
      // Deactivated, not erased: the entry (and so every ticket and event naming them) stays.
      expect(await stored(lucas.id)).toMatchObject({ name: 'Lucas Nguyen', active: false });

      const trail = await audit('admin', lucas.id);
      expect(trail.body.map((row) => [row.before?.active, row.after?.active])).toEqual([[true, false]]);
      expect((await audit('agent')).status).toBe(403);
    });
  });
});
