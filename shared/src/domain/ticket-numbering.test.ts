import { describe, expect, it } from 'vitest';
import { isProvisionalNumber, provisionalNumber } from './ticket-numbering.js';

describe('provisionalNumber', () => {
  it('is NEW- and 6 base-32 characters, stable for an id', () => {
    const id = '3f2a9c1e-7b4d-4e2a-9f1c-0a1b2c3d4e5f';
    expect(provisionalNumber(id)).toMatch(/^NEW-[A-Z2-7]{6}$/);
    expect(provisionalNumber(id)).toBe(provisionalNumber(id));
    expect(provisionalNumber('3f2a9c1e-7b4d-4e2a-9f1c-0a1b2c3d4e60')).not.toBe(provisionalNumber(id));
    expect(isProvisionalNumber(provisionalNumber(id))).toBe(true);
    expect(isProvisionalNumber('INC0001234')).toBe(false);
  });
});
