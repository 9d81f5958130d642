import { describe, expect, it } from 'vitest';
import { isEmailAddress } from './email-address.js';

describe('isEmailAddress', () => {
  it('accepts one plain address', () => {
    for (const address of ['a@example.org', 'first.last+tag@sub.example.co.uk', 'émilie@exemple.fr'])
      expect(isEmailAddress(address), address).toBe(true);
  });

  it('refuses lists, display names, header injection and anything around the address', () => {
    for (const hostile of [
      'a@x.org, b@y.org; c@z.org',
      'a@x.org;b@y.org',
      'a@x.org b@y.org',
      'Boss <boss@example.org>',
      '"boss"@example.org',
      'victim@example.org\r\nBcc: everyone@evil.test',
      'victim@example.org\nSubject: hi',
      ' a@example.org',
      'a@example.org ',
      'a@@example.org',
      'a@example',
      '',
      `${'a'.repeat(250)}@x.org`,
    ])
      expect(isEmailAddress(hostile), JSON.stringify(hostile)).toBe(false);
  });
});
