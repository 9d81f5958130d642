import { describe, expect, it } from 'vitest';
import { can } from './can.js';

const actor = (role: 'agent' | 'technician' | 'supervisor' | 'admin', groupIds: string[] = []) => ({ id: 'u1', role, groupIds });

describe('can', () => {
  it('keeps security incidents from agents outside the security group', () => {
    const ticket = { groupId: 'grp-x', assigneeId: '', security: true };
    expect(can(actor('agent'), 'ticket.see', ticket)).toBe(false);
    expect(can(actor('agent', ['grp-security']), 'ticket.see', ticket)).toBe(true);
    expect(can(actor('supervisor'), 'ticket.see', ticket)).toBe(true);
  });

  it('lets technicians see their groups and their own tickets only', () => {
    expect(can(actor('technician', ['grp-a']), 'ticket.see', { groupId: 'grp-a', assigneeId: '', security: false })).toBe(true);
    expect(can(actor('technician'), 'ticket.see', { groupId: 'grp-a', assigneeId: 'u1', security: false })).toBe(true);
    expect(can(actor('technician'), 'ticket.see', { groupId: 'grp-a', assigneeId: '', security: false })).toBe(false);
  });

  it('gives reports to overseers and the directory to admins', () => {
    expect(can(actor('agent'), 'reports.read')).toBe(false);
    expect(can(actor('supervisor'), 'reports.read')).toBe(true);
    expect(can(actor('supervisor'), 'directory.edit')).toBe(false);
    expect(can(actor('admin'), 'directory.edit')).toBe(true);
  });

  it('lets only the manager or an overseer who sees it mail the stakeholders of a major incident', () => {
    const major = { groupId: 'grp-a', assigneeId: '', security: false, major: true, majorManagerId: 'u1' };
    expect(can(actor('agent'), 'major.communicate', major)).toBe(true);
    expect(can(actor('agent'), 'major.communicate', { ...major, majorManagerId: 'u2' })).toBe(false);
    expect(can(actor('supervisor'), 'major.communicate', { ...major, majorManagerId: 'u2' })).toBe(true);
    expect(can(actor('supervisor'), 'major.communicate', { ...major, major: false })).toBe(false);
    // The manager who can no longer see it (a technician moved out of the group) may not mail about it.
    expect(can(actor('technician'), 'major.communicate', major)).toBe(false);
    expect(can(actor('technician', ['grp-a']), 'major.communicate', major)).toBe(true);
  });
});

describe('ticket.field.edit', () => {
  const ticket = { groupId: 'grp-a', assigneeId: '', security: false };
  it('lets an agent change the caller and category of a ticket they see', () => {
    expect(can(actor('agent'), 'ticket.field.edit', { ticket, field: 'callerId' })).toBe(true);
    expect(can(actor('agent'), 'ticket.field.edit', { ticket, field: 'categoryId' })).toBe(true);
  });
  it('keeps the fields locked for technicians read-only, and any field of a ticket one cannot see', () => {
    expect(can(actor('technician', ['grp-a']), 'ticket.field.edit', { ticket, field: 'callerId' })).toBe(false);
    expect(can(actor('technician', ['grp-a']), 'ticket.field.edit', { ticket, field: 'affectedItem' })).toBe(true);
    expect(can(actor('technician', ['grp-b']), 'ticket.field.edit', { ticket, field: 'affectedItem' })).toBe(false);
  });
});
