import { describe, expect, it } from 'vitest';
import { ROLES } from '../schemas/directory.js';
import { REPLICATED_COLLECTIONS } from '../sync/protocol.js';
import type { Actor } from './access-policy.js';
import { ACCESS_POLICY, canSeeTicket, SECURITY_GROUP_ID } from './access-policy.js';

const tech: Actor = { id: 'usr-tech', role: 'technician', groupIds: ['grp-field'] };
const agent: Actor = { id: 'usr-agent', role: 'agent', groupIds: ['grp-service-desk'] };
const sup: Actor = { id: 'usr-sup', role: 'supervisor', groupIds: [] };

describe('canSeeTicket', () => {
  it('gives technicians their own and their groups tickets only', () => {
    expect(canSeeTicket(tech, { groupId: 'grp-field', assigneeId: '', security: false })).toBe(true);
    expect(canSeeTicket(tech, { groupId: 'grp-network', assigneeId: 'usr-tech', security: false })).toBe(true);
    expect(canSeeTicket(tech, { groupId: 'grp-network', assigneeId: 'usr-x', security: false })).toBe(false);
  });

  it('hides security incidents from everyone but the security group and supervisors', () => {
    const sec = { groupId: 'grp-field', assigneeId: 'usr-tech', security: true };
    expect(canSeeTicket(tech, sec)).toBe(false);
    expect(canSeeTicket(agent, sec)).toBe(false);
    expect(canSeeTicket(sup, sec)).toBe(true);
    expect(canSeeTicket({ ...agent, groupIds: [SECURITY_GROUP_ID] }, sec)).toBe(true);
  });
});

describe('ACCESS_POLICY', () => {
  it('has a grant for every role and collection', () => {
    for (const c of REPLICATED_COLLECTIONS) for (const r of ROLES) expect(ACCESS_POLICY[c][r]).toBeDefined();
  });

  it('never lets anyone edit or delete append-only history', () => {
    for (const r of ROLES) {
      expect(ACCESS_POLICY.ticket_events[r].update).toBe(false);
      expect(ACCESS_POLICY.ticket_events[r].delete).toBe(false);
      expect(ACCESS_POLICY.survey_responses[r].update).toBe(false);
    }
  });

  it('lets only admins write the directory and keeps technicians read-only on the knowledge base', () => {
    expect(ROLES.filter((r) => ACCESS_POLICY.directory[r].update)).toEqual(['admin']);
    expect(ACCESS_POLICY.kb_articles.technician).toMatchObject({ create: false, update: false, delete: false });
  });
});
