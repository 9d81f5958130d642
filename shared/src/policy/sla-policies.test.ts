import { describe, expect, it } from 'vitest';
import { can } from './can.js';

const actor = (role: 'agent' | 'technician' | 'supervisor' | 'admin') => ({ id: 'u1', role, groupIds: [] });

describe('SLA permissions', () => {
  it('only admins change SLA policies and calendars; supervisors read them and the compliance report', () => {
    expect((['agent', 'technician', 'supervisor', 'admin'] as const).map((r) => can(actor(r), 'sla.settings.write'))).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect((['agent', 'technician', 'supervisor', 'admin'] as const).map((r) => can(actor(r), 'sla.settings.read'))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(can(actor('supervisor'), 'sla.compliance.read')).toBe(true);
    expect(can(actor('technician'), 'sla.compliance.read')).toBe(false);
  });
});
