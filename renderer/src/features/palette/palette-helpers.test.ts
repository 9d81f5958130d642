import type { Role, SessionUser } from '@shared';
import { buildTicket } from '@shared/testing/build-records.js';
import { describe, expect, it } from 'vitest';
import { screensFor } from '../../app/screens.js';
import { ticketPaletteActions } from './ticket-palette-actions.js';

const user = (role: Role, id = `u-${role}`, groupIds: string[] = ['g1']): SessionUser => ({
  id,
  email: `${role}@example.org`,
  name: role,
  role,
  groupIds,
  locale: 'en',
});

const ids = (role: Role) => screensFor(user(role)).map((s) => s.id);

describe('screensFor', () => {
  it('gives every role the everyday screens', () => {
    for (const role of ['agent', 'technician', 'supervisor', 'admin'] as const)
      expect(ids(role)).toEqual(expect.arrayContaining(['tickets', 'kb', 'cmdb', 'problems', 'changes', 'conflicts']));
  });

  it('keeps the overseers’ screens from agents and technicians', () => {
    for (const role of ['agent', 'technician'] as const) {
      expect(ids(role)).not.toContain('reports');
      expect(ids(role)).not.toContain('survey-design');
      expect(ids(role)).not.toContain('held-mail');
      expect(ids(role)).not.toContain('admin');
    }
    expect(ids('supervisor')).toEqual(expect.arrayContaining(['reports', 'survey-design', 'held-mail', 'admin']));
    expect(ids('admin')).toEqual(expect.arrayContaining(['reports', 'survey-design', 'held-mail', 'admin']));
  });

  it('names a route and a nav link for each screen, once', () => {
    const screens = screensFor(user('admin'));
    expect(new Set(screens.map((s) => s.id)).size).toBe(screens.length);
    for (const s of screens) {
      expect(s.route).toMatch(/^\//);
      expect(s.navTestId).toMatch(/^nav-/);
    }
  });
});

describe('ticketPaletteActions', () => {
  it('offers an agent every action on an open incident assigned to someone else', () => {
    const ticket = buildTicket({ type: 'incident', status: 'assigned', assigneeId: 'other', groupId: 'g1' });
    expect(ticketPaletteActions(user('agent'), ticket)).toEqual([
      'assign-me',
      'escalate',
      'resolve',
      'link-article',
      'link-problem',
    ]);
  });

  it('does not offer to assign a ticket already theirs', () => {
    const me = user('agent');
    const ticket = buildTicket({ status: 'assigned', assigneeId: me.id, groupId: 'g1' });
    expect(ticketPaletteActions(me, ticket)).not.toContain('assign-me');
  });

  it('offers to resolve only where the lifecycle goes to resolved next, and never a problem', () => {
    expect(ticketPaletteActions(user('agent'), buildTicket({ status: 'resolved' }))).not.toContain('resolve');
    expect(ticketPaletteActions(user('agent'), buildTicket({ type: 'problem', status: 'assigned' }))).not.toContain('resolve');
  });

  it('links a problem from an incident only', () => {
    expect(ticketPaletteActions(user('agent'), buildTicket({ type: 'request' }))).not.toContain('link-problem');
  });

  it('offers a technician nothing on a ticket outside their groups', () => {
    const ticket = buildTicket({ status: 'assigned', assigneeId: 'other', groupId: 'elsewhere' });
    expect(ticketPaletteActions(user('technician'), ticket)).toEqual([]);
  });
});
