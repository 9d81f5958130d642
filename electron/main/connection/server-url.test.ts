import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../settings/settings-store.js';
import { createServerUrlState, effectiveServerUrl, InvalidServerUrlError } from './server-url.js';

const byDefault = { serverUrl: 'http://127.0.0.1:8787', serverUrlFromEnv: false };
const byEnv = { serverUrl: 'https://env.example', serverUrlFromEnv: true };

function settings(initial: string | null = null) {
  let contents = initial;
  return createSettingsStore({
    readFile: () => Promise.resolve(contents),
    writeFile: (text) => Promise.resolve(void (contents = text)),
  });
}

describe('effectiveServerUrl', () => {
  it('prefers DESK_SERVER_URL, then settings.json, then the default', () => {
    expect(effectiveServerUrl(byEnv, 'https://saved.example')).toEqual({
      url: 'https://env.example',
      source: 'env',
      savedUrl: 'https://saved.example',
    });
    expect(effectiveServerUrl(byDefault, 'https://saved.example/')).toEqual({
      url: 'https://saved.example',
      source: 'settings',
      savedUrl: 'https://saved.example',
    });
    expect(effectiveServerUrl(byDefault, undefined)).toEqual({ url: 'http://127.0.0.1:8787', source: 'default', savedUrl: null });
  });

  it('ignores a saved URL that is no longer valid (edited by hand)', () => {
    expect(effectiveServerUrl(byDefault, 'file:///etc/passwd')).toMatchObject({ source: 'default', savedUrl: null });
  });
});

describe('createServerUrlState', () => {
  it('loads, saves and forgets the server URL', async () => {
    const state = createServerUrlState(byDefault, settings(JSON.stringify({ version: 1, serverUrl: 'https://a.example' })));
    expect(state.current().source).toBe('default');
    expect(await state.load()).toMatchObject({ url: 'https://a.example', source: 'settings' });
    expect(await state.set('https://b.example/desk/')).toMatchObject({ url: 'https://b.example/desk', source: 'settings' });
    expect(state.current().url).toBe('https://b.example/desk');
    expect(await state.set(null)).toMatchObject({ url: 'http://127.0.0.1:8787', source: 'default' });
  });

  it('refuses invalid URLs and keeps the previous one', async () => {
    const state = createServerUrlState(byDefault, settings());
    await state.set('https://ok.example');
    await expect(state.set('https://user:pw@evil.example')).rejects.toThrow(InvalidServerUrlError);
    expect(state.current().url).toBe('https://ok.example');
  });

  it('saves under DESK_SERVER_URL but keeps the env URL in effect', async () => {
    const state = createServerUrlState(byEnv, settings());
    expect(await state.set('https://b.example')).toEqual({
      url: 'https://env.example',
      source: 'env',
      savedUrl: 'https://b.example',
    });
  });
});
