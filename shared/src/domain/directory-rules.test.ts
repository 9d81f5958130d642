import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../schemas/directory.js';
import { buildDirectoryEntry } from '../testing/build-records.js';
import { directoryViolations } from './directory-rules.js';

const admin = { id: 'usr-admin', role: 'admin' as const, groupIds: [] };
const network = buildDirectoryEntry({ id: 'grp-network', kind: 'group', name: 'Network' });
const ana = buildDirectoryEntry({ id: 'usr-ana', name: 'Ana Lopez', email: 'ana@example.org', groupIds: ['grp-network'] });
const hardware = buildDirectoryEntry({ id: 'cat-hw', kind: 'category', name: 'Hardware' });
const printer = buildDirectoryEntry({ id: 'cat-printer', kind: 'category', name: 'Printer', parentId: 'cat-hw' });
const adminEntry = buildDirectoryEntry({ id: 'usr-admin', role: 'admin', email: 'admin@example.org' });

/** The directory with `next` applied, as the client's command and the server's push see it. */
function check(next: DirectoryEntry, actor = admin) {
  const index = new Map([network, ana, hardware, printer, adminEntry].map((e) => [e.id, e]));
  const previous = index.get(next.id);
  index.set(next.id, next);
  return directoryViolations(next, previous, actor, index).map((v) => v.code);
}

describe('directoryViolations', () => {
  it('accepts a new person with a role, a free address and existing groups', () => {
    expect(check(buildDirectoryEntry({ email: 'new@example.org', groupIds: ['grp-network'] }))).toEqual([]);
  });

  it('refuses an address another person already has, whatever its case', () => {
    expect(check(buildDirectoryEntry({ email: ' ANA@example.org' }))).toEqual(['directory_email_taken']);
    // Saving Ana again is not a clash with herself.
    expect(check({ ...ana, name: 'Ana López' })).toEqual([]);
  });

  it('refuses an entry without a name, and an address that is a list or carries a header', () => {
    expect(check({ ...network, name: '   ' })).toEqual(['directory_name_required']);
    expect(check(buildDirectoryEntry({ email: 'a@example.org, b@example.org' }))).toEqual(['contact_email_invalid']);
    expect(check({ ...network, email: 'desk@example.org\r\nBcc: x@evil.test' })).toEqual(['contact_email_invalid']);
  });

  it('refuses a person without an address or a role', () => {
    expect(check(buildDirectoryEntry({ email: '  ', role: '' }))).toEqual([
      'directory_role_required',
      'directory_email_required',
    ]);
  });

  it('refuses a group or a category route that does not exist', () => {
    expect(check(buildDirectoryEntry({ groupIds: ['grp-gone'] }))).toEqual(['directory_group_unknown']);
    expect(check({ ...printer, groupId: 'grp-gone' })).toEqual(['directory_group_unknown']);
    // A person may not be put "in" a category either.
    expect(check(buildDirectoryEntry({ groupIds: ['cat-hw'] }))).toEqual(['directory_group_unknown']);
  });

  it('refuses a category filed under itself or under its own subcategory, and an unknown parent', () => {
    expect(check({ ...hardware, parentId: 'cat-printer' })).toEqual(['directory_category_cycle']);
    expect(check({ ...hardware, parentId: 'cat-hw' })).toEqual(['directory_category_cycle']);
    expect(check({ ...printer, parentId: 'cat-nowhere' })).toEqual(['directory_parent_unknown']);
    expect(check({ ...printer, parentId: 'grp-network' })).toEqual(['directory_parent_unknown']);
  });

  it('keeps a kind fixed once written', () => {
    expect(check({ ...network, kind: 'category' })).toEqual(['directory_kind_fixed']);
  });

  it('needs a group lead to be a person in the directory', () => {
    expect(check({ ...network, leadIds: ['usr-ana'] })).toEqual([]);
    expect(check({ ...network, leadIds: ['usr-gone'] })).toEqual(['directory_lead_unknown']);
    expect(check({ ...network, leadIds: ['grp-network'] })).toEqual(['directory_lead_unknown']);
  });

  it('lets nobody change their own role, groups or access, but lets them rename themselves', () => {
    expect(check({ ...adminEntry, role: 'supervisor' })).toEqual(['directory_own_account']);
    expect(check({ ...adminEntry, groupIds: ['grp-network'] })).toEqual(['directory_own_account']);
    expect(check({ ...adminEntry, active: false })).toEqual(['directory_own_account']);
    expect(check({ ...adminEntry, name: 'The Administrator', locale: 'fr' })).toEqual([]);
    // A new account under one's own id is taking one too.
    const fresh = buildDirectoryEntry({ id: 'usr-new', role: 'admin' });
    expect(
      directoryViolations(fresh, undefined, { ...admin, id: 'usr-new' }, new Map([[fresh.id, fresh]])).map((v) => v.code),
    ).toEqual(['directory_own_account', 'directory_own_account', 'directory_own_account']);
  });

  it('leaves erasure to the access policy', () => {
    expect(directoryViolations({ ...ana, email: '', _deleted: true }, ana, admin, new Map())).toEqual([]);
  });
});
