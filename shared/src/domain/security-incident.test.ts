import { describe, expect, it } from 'vitest';
import { isSecurityCategory } from './security-incident.js';

const categories = [
  { id: 'cat-security', parentId: '', groupId: 'grp-security' },
  { id: 'cat-phishing', parentId: 'cat-security', groupId: '' },
  { id: 'cat-network', parentId: '', groupId: 'grp-network' },
];

describe('security categories', () => {
  it('are those routed to the security group, directly or through a parent', () => {
    expect(isSecurityCategory('cat-security', categories)).toBe(true);
    expect(isSecurityCategory('cat-phishing', categories)).toBe(true);
    expect(isSecurityCategory('cat-network', categories)).toBe(false);
    expect(isSecurityCategory('', categories)).toBe(false);
    expect(isSecurityCategory('unknown', categories)).toBe(false);
  });
});
