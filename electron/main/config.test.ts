import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SERVER_URL, resolveConfig, userDataDirFromArgv } from './config.js';

const inputs = { isPackaged: true, rendererIndexPath: '/opt/desk/resources/app.asar/dist/renderer/index.html' };

describe('resolveConfig', () => {
  it('defaults to the local sync server and the built renderer', () => {
    expect(resolveConfig({}, inputs)).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      serverOrigin: DEFAULT_SERVER_URL,
      serverUrlFromEnv: false,
      renderer: { kind: 'file', rootUrl: 'file:///opt/desk/resources/app.asar/dist/renderer/' },
      rendererEntry: 'file:///opt/desk/resources/app.asar/dist/renderer/index.html',
      isDev: false,
    });
  });

  it('reads DESK_SERVER_URL, keeping a base path but no trailing slash', () => {
    const config = resolveConfig({ DESK_SERVER_URL: 'https://desk.example.org/api/' }, inputs);
    expect(config.serverUrl).toBe('https://desk.example.org/api');
    expect(config.serverOrigin).toBe('https://desk.example.org');
    expect(config.serverUrlFromEnv).toBe(true);
    expect(resolveConfig({ DESK_SERVER_URL: 'http://127.0.0.1:40123' }, inputs).serverUrl).toBe('http://127.0.0.1:40123');
  });

  it.each([
    'ftp://x',
    'not a url',
    'http://user:pw@host',
    'javascript:alert(1)',
    'https://host/a/../b',
    'http://desk.example.org',
  ])('rejects DESK_SERVER_URL=%s', (value) => {
    expect(() => resolveConfig({ DESK_SERVER_URL: value }, inputs)).toThrow(ConfigError);
  });

  it('honours DESK_RENDERER_URL only in unpackaged builds', () => {
    const env = { DESK_RENDERER_URL: 'http://localhost:5173/' };
    expect(resolveConfig(env, inputs).isDev).toBe(false);
    const dev = resolveConfig(env, { ...inputs, isPackaged: false });
    expect(dev).toMatchObject({
      isDev: true,
      renderer: { kind: 'dev', origin: 'http://localhost:5173' },
      rendererEntry: 'http://localhost:5173/',
    });
  });
});

describe('userDataDirFromArgv', () => {
  it('reads both forms and resolves the path', () => {
    expect(userDataDirFromArgv(['electron', 'main.cjs', '--user-data-dir=/tmp/u1'])).toBe(resolve('/tmp/u1'));
    expect(userDataDirFromArgv(['electron', '--user-data-dir', '/tmp/u2'])).toBe(resolve('/tmp/u2'));
  });
  it('ignores missing or empty values', () => {
    expect(userDataDirFromArgv(['electron', 'main.cjs'])).toBeUndefined();
    expect(userDataDirFromArgv(['--user-data-dir='])).toBeUndefined();
    expect(userDataDirFromArgv(['--user-data-dir'])).toBeUndefined();
    expect(userDataDirFromArgv(['--user-data-dir', '--inspect'])).toBeUndefined();
  });
});
