import { describe, expect, it, vi } from 'vitest';
import { routeForDestination } from './deep-link-route.js';
import type { RouteLookup } from './deep-link-route.js';

const TICKETS: Record<string, string> = { INC0001003: '6f1c2a9e-2b1d-4c55-9d6e-3f1f2a7b8c90' };
const lookup = (extra: Partial<RouteLookup> = {}): RouteLookup => ({
  findTicketIdByNumber: vi.fn((n: string) => Promise.resolve(TICKETS[n] ?? null)),
  ...extra,
});

describe('routeForDestination', () => {
  it('opens a ticket link on the ticket found locally by its number', async () => {
    const l = lookup();
    expect(await routeForDestination({ kind: 'link', link: { kind: 'ticket', number: 'INC0001003' } }, l)).toEqual({
      route: `/tickets/${TICKETS.INC0001003}`,
    });
    expect(l.findTicketIdByNumber).toHaveBeenCalledWith('INC0001003');
  });

  it('accepts a ticket number typed in lower case', async () => {
    expect(await routeForDestination({ kind: 'link', link: { kind: 'ticket', number: 'inc0001003' } }, lookup())).toEqual({
      route: `/tickets/${TICKETS.INC0001003}`,
    });
  });

  it('waits for the first download once, then searches the queue for a ticket this device does not hold', async () => {
    const waitForInitialSync = vi.fn(() => Promise.resolve());
    const l = lookup({ waitForInitialSync });
    expect(await routeForDestination({ kind: 'link', link: { kind: 'ticket', number: 'INC9' } }, l)).toEqual({
      route: '/tickets?q=INC9',
      missingTicket: 'INC9',
    });
    expect(waitForInitialSync).toHaveBeenCalledTimes(1);
  });

  it('finds a ticket that arrives with the first download', async () => {
    const known: Record<string, string> = {};
    const l: RouteLookup = {
      findTicketIdByNumber: (n) => Promise.resolve(known[n] ?? null),
      waitForInitialSync: () => {
        known.INC0002000 = 't-2000';
        return Promise.resolve();
      },
    };
    expect(await routeForDestination({ kind: 'link', link: { kind: 'ticket', number: 'INC0002000' } }, l)).toEqual({
      route: '/tickets/t-2000',
    });
  });

  it('opens knowledge base links on the article', async () => {
    const l = lookup();
    expect(await routeForDestination({ kind: 'link', link: { kind: 'kb', id: 'kb-42' } }, l)).toEqual({ route: '/kb/kb-42' });
    expect(l.findTicketIdByNumber).not.toHaveBeenCalled();
  });

  it('follows notification routes that are app routes and ignores anything else', async () => {
    expect(await routeForDestination({ kind: 'route', route: '/tickets/t-1' }, lookup())).toEqual({ route: '/tickets/t-1' });
    expect(await routeForDestination({ kind: 'route', route: '/conflicts' }, lookup())).toEqual({ route: '/conflicts' });
    for (const route of ['/settings', 'https://evil.example', '/tickets/../x', '//evil', '/tickets?q=1'])
      expect(await routeForDestination({ kind: 'route', route }, lookup()), route).toBeNull();
  });
});
