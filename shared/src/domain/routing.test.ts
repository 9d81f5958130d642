import { describe, expect, it } from 'vitest';
import { categoryDefaults, routeTicket, SERVICE_DESK_GROUP_ID } from './routing.js';

const cats = [
  { id: 'cat-net', parentId: '', groupId: 'grp-network' },
  { id: 'cat-net-vpn', parentId: 'cat-net', groupId: '' },
  { id: 'cat-net-vpn-mfa', parentId: 'cat-net-vpn', groupId: '' },
  { id: 'cat-hw', parentId: '', groupId: 'grp-field' },
  { id: 'cat-hw-laptop', parentId: 'cat-hw', groupId: 'grp-laptops' },
  { id: 'cat-orphan', parentId: '', groupId: '' },
  { id: 'cat-loop-a', parentId: 'cat-loop-b', groupId: '' },
  { id: 'cat-loop-b', parentId: 'cat-loop-a', groupId: '' },
];

describe('routeTicket', () => {
  it("uses the category's own routing group", () => {
    expect(routeTicket('cat-hw-laptop', cats)).toBe('grp-laptops');
  });
  it("falls back to the nearest ancestor's group", () => {
    expect(routeTicket('cat-net-vpn', cats)).toBe('grp-network');
    expect(routeTicket('cat-net-vpn-mfa', new Map(cats.map((c) => [c.id, c])))).toBe('grp-network');
  });
  it('falls back to the service desk for unknown, empty or cyclic categories', () => {
    expect(routeTicket('', cats)).toBe(SERVICE_DESK_GROUP_ID);
    expect(routeTicket('cat-missing', cats)).toBe(SERVICE_DESK_GROUP_ID);
    expect(routeTicket('cat-orphan', cats)).toBe(SERVICE_DESK_GROUP_ID);
    expect(routeTicket('cat-loop-a', cats, 'grp-x')).toBe('grp-x');
  });
});

describe('categoryDefaults', () => {
  const tree = [
    { id: 'cat-sec', parentId: '', groupId: 'grp-security', impact: 1 as const, urgency: 2 as const },
    { id: 'cat-sec-phish', parentId: 'cat-sec', groupId: '', urgency: 1 as const },
    { id: 'cat-misc', parentId: '', groupId: '' },
  ];
  it('takes each default from the category or its nearest ancestor that sets it', () => {
    expect(categoryDefaults('cat-sec-phish', tree)).toEqual({ impact: 1, urgency: 1 });
    expect(categoryDefaults('cat-sec', tree)).toEqual({ impact: 1, urgency: 2 });
  });
  it('gives nothing where no category on the way up sets one', () => {
    expect(categoryDefaults('cat-misc', tree)).toEqual({});
    expect(categoryDefaults('', tree)).toEqual({});
  });
});
