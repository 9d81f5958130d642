import { describe, expect, it } from 'vitest';
import { PASSWORD_LIMITS, passwordViolations } from './password-rules.js';

const codes = (password: string, email = 'ana@example.org') => passwordViolations(password, email).map((v) => v.code);

describe('passwordViolations', () => {
  it('accepts a long passphrase and refuses one a character short of the minimum', () => {
    expect(codes('correct horse battery')).toEqual([]);
    expect(codes('x'.repeat(PASSWORD_LIMITS.min))).toEqual([]);
    expect(codes('x'.repeat(PASSWORD_LIMITS.min - 1))).toEqual(['password_too_short']);
  });

  it('refuses a password longer than the server hashes, and the person’s own address in any case', () => {
    expect(codes('x'.repeat(PASSWORD_LIMITS.max + 1))).toEqual(['password_too_long']);
    expect(codes(' ANA@example.org ')).toEqual(['password_is_address']);
  });
});
