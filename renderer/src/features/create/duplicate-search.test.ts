import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../data/testing/fixtures.js';
import { buildDuplicateFinder } from './duplicate-search.js';

describe('buildDuplicateFinder', () => {
  const tickets = [
    makeTicket({ id: 'a', title: 'VPN déconnecté chaque heure', callerId: 'usr-1' }),
    makeTicket({ id: 'b', title: 'Printer jammed', callerId: 'usr-2' }),
    makeTicket({ id: 'c', title: 'VPN slow', callerId: 'usr-3', status: 'resolved' }),
  ];
  const finder = buildDuplicateFinder(tickets);

  it('finds open tickets with similar titles, accents ignored', () => {
    expect(finder.find('vpn deconnecte', '').map((h) => h.ticket.id)).toEqual(['a']);
  });
  it('adds open tickets of the same caller', () => {
    expect(
      finder
        .find('vpn deconnecte', 'usr-2')
        .map((h) => h.ticket.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
  it('waits for three characters', () => {
    expect(finder.find('vp', 'usr-2')).toEqual([]);
  });
});
