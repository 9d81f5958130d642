import { describe, expect, it } from 'vitest';
import type { AppLocation } from './app-location.js';
import { decideNavigation, decideWindowOpen } from './navigation.js';

const app: AppLocation = { kind: 'file', rootUrl: 'file:///app/dist/renderer/' };

describe('decideNavigation', () => {
  it('lets app pages load in place', () => {
    expect(decideNavigation('file:///app/dist/renderer/index.html#/kb', app)).toEqual({ action: 'allow' });
  });
  it('sends web links to the browser instead of the app window', () => {
    expect(decideNavigation('https://example.org/', app)).toEqual({ action: 'open-external', url: 'https://example.org/' });
  });
  it('blocks other files and schemes', () => {
    expect(decideNavigation('file:///home/user/.ssh/id_rsa', app)).toEqual({ action: 'block' });
    expect(decideNavigation('chrome://gpu', app)).toEqual({ action: 'block' });
  });
});

describe('decideWindowOpen', () => {
  it('never opens a second app window', () => {
    expect(decideWindowOpen('file:///app/dist/renderer/index.html', app)).toEqual({ action: 'block' });
  });
  it('opens web links externally and blocks the rest', () => {
    expect(decideWindowOpen('https://example.org/a', app)).toEqual({ action: 'open-external', url: 'https://example.org/a' });
    expect(decideWindowOpen('about:blank', app)).toEqual({ action: 'block' });
  });
});
