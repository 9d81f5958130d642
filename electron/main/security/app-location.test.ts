import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAppUrl, type AppLocation } from './app-location.js';

const fileApp: AppLocation = { kind: 'file', rootUrl: 'file:///opt/desk/resources/app.asar/dist/renderer/' };
const devApp: AppLocation = { kind: 'dev', origin: 'http://localhost:5173' };

describe('isAppUrl', () => {
  it('accepts pages inside the built renderer folder, with hash routes and queries', () => {
    expect(isAppUrl('file:///opt/desk/resources/app.asar/dist/renderer/index.html', fileApp)).toBe(true);
    expect(isAppUrl('file:///opt/desk/resources/app.asar/dist/renderer/index.html#/tickets/42?x=1', fileApp)).toBe(true);
  });

  it('rejects other files, traversal out of the folder, look-alike prefixes and file hosts', () => {
    expect(isAppUrl('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAppUrl('file:///opt/desk/resources/app.asar/dist/renderer/../../secrets.json', fileApp)).toBe(false);
    expect(isAppUrl('file:///opt/desk/resources/app.asar/dist/renderer%2F..%2Fx', fileApp)).toBe(false);
    expect(isAppUrl('file:///opt/desk/resources/app.asar/dist/renderer-evil/index.html', fileApp)).toBe(false);
    expect(isAppUrl('file://evil.example/opt/desk/resources/app.asar/dist/renderer/index.html', fileApp)).toBe(false);
  });

  it('rejects web pages and garbage in file mode', () => {
    expect(isAppUrl('https://example.org/', fileApp)).toBe(false);
    expect(isAppUrl('not a url', fileApp)).toBe(false);
    expect(isAppUrl('', fileApp)).toBe(false);
  });

  it('in dev mode accepts exactly the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/tickets', devApp)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devApp)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', devApp)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.example/', devApp)).toBe(false);
    expect(isAppUrl('file:///opt/desk/resources/app.asar/dist/renderer/index.html', devApp)).toBe(false);
  });

  it('navigation is allowed only to app URLs', () => {
    expect(isAllowedNavigation('file:///opt/desk/resources/app.asar/dist/renderer/index.html', fileApp)).toBe(true);
    expect(isAllowedNavigation('https://example.org/', fileApp)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', fileApp)).toBe(false);
  });
});
