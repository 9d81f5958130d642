import { describe, expect, it } from 'vitest';
import {
  STATUS_TRANSITIONS,
  canTransition,
  reachableOnCreate,
  reachableStatus,
  reachedResolution,
  statusAfterHandOver,
  statusForAssignee,
} from './ticket-lifecycle.js';
import type { TicketStatus } from '../schemas/ticket.js';

describe('reachableStatus', () => {
  it('accepts several legal steps in one jump but never leaves closed', () => {
    expect(reachableStatus('new', 'pending')).toBe(true);
    expect(reachableStatus('resolved', 'assigned')).toBe(true);
    expect(reachableStatus('assigned', 'assigned')).toBe(true);
    expect(reachableStatus('closed', 'in_progress')).toBe(false);
    expect(reachableStatus('closed', 'closed')).toBe(true);
  });
});

describe('reachableOnCreate', () => {
  it('accepts every status a device can reach offline from new or assigned, closed included', () => {
    for (const status of Object.keys(STATUS_TRANSITIONS) as TicketStatus[]) expect(reachableOnCreate(status)).toBe(true);
  });

  it('refuses a status no walk from an initial one reaches', () => {
    expect(reachableOnCreate('archived' as TicketStatus)).toBe(false);
  });
});

describe('reachedResolution', () => {
  it('sees a resolution in a create or an open ticket arriving resolved or closed, once', () => {
    expect(reachedResolution(undefined, 'resolved')).toBe(true);
    expect(reachedResolution(undefined, 'closed')).toBe(true);
    expect(reachedResolution('in_progress', 'closed')).toBe(true);
    expect(reachedResolution('pending', 'resolved')).toBe(true);
    expect(reachedResolution('resolved', 'closed')).toBe(false);
    expect(reachedResolution('resolved', 'resolved')).toBe(false);
    expect(reachedResolution(undefined, 'assigned')).toBe(false);
  });
});

describe('status consistent with the assignment', () => {
  it('takes an Assigned or In progress ticket nobody holds back to New', () => {
    expect(statusForAssignee('assigned', '')).toBe('new');
    expect(statusForAssignee('in_progress', '')).toBe('new');
  });
  it('makes a New ticket someone holds Assigned', () => {
    expect(statusForAssignee('new', 'u1')).toBe('assigned');
  });
  it('leaves statuses that do not depend on the assignee', () => {
    for (const s of ['pending', 'resolved', 'closed'] as const) {
      expect(statusForAssignee(s, '')).toBe(s);
      expect(statusForAssignee(s, 'u1')).toBe(s);
    }
    expect(statusForAssignee('new', '')).toBe('new');
    expect(statusForAssignee('in_progress', 'u1')).toBe('in_progress');
  });
  it('only ever gives a status the lifecycle allows in one step', () => {
    for (const s of Object.keys(STATUS_TRANSITIONS) as TicketStatus[]) {
      for (const who of ['', 'u1']) expect(canTransition(s, statusForAssignee(s, who))).toBe(true);
      expect(canTransition(s, statusAfterHandOver(s))).toBe(true);
    }
  });
  it('starts open work again in the new group on a hand-over', () => {
    for (const s of ['new', 'assigned', 'in_progress', 'pending'] as const) expect(statusAfterHandOver(s)).toBe('new');
    expect(statusAfterHandOver('resolved')).toBe('resolved');
  });
});
