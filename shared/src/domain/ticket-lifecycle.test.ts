import { describe, expect, it } from 'vitest';
import { STATUS_TRANSITIONS, reachableOnCreate, reachableStatus, reachedResolution } from './ticket-lifecycle.js';
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
