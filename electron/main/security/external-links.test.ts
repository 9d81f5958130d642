import { describe, expect, it } from 'vitest';
import { externalLinkPolicy } from './external-links.js';

describe('externalLinkPolicy', () => {
  it('opens plain http(s) links, normalised', () => {
    expect(externalLinkPolicy('https://example.org/kb?q=vpn')).toEqual({
      action: 'open-external',
      url: 'https://example.org/kb?q=vpn',
    });
    expect(externalLinkPolicy('HTTP://Example.ORG')).toEqual({ action: 'open-external', url: 'http://example.org/' });
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'servicedesk://ticket/1',
    'mailto:someone@example.org',
    'https://user:secret@example.org/',
    'https://user@example.org/',
    'not a url',
    '',
    `https://example.org/${'a'.repeat(3000)}`,
  ])('denies %s', (url) => {
    expect(externalLinkPolicy(url).action).toBe('deny');
  });
});
