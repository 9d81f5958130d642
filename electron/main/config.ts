import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppLocation } from './security/app-location.js';
import { validateServerUrl } from './connection/validate-url.js';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export interface ShellConfig {
  /** DESK_SERVER_URL (normalised, no trailing slash) or the default; settings.json may override the default only. */
  serverUrl: string;
  serverOrigin: string;
  /** True when DESK_SERVER_URL is set: it then wins over settings.json. */
  serverUrlFromEnv: boolean;
  renderer: AppLocation;
  /** The URL the main window loads. */
  rendererEntry: string;
  /** True when DESK_RENDERER_URL points the window at a dev server. */
  isDev: boolean;
}

export interface ConfigInputs {
  isPackaged: boolean;
  /** Absolute path of the built renderer's index.html (dist/renderer/index.html). */
  rendererIndexPath: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function httpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL: ${value}`);
  if (url.username || url.password) throw new ConfigError(`${name} must not contain credentials`);
  return url;
}

/** Reads DESK_SERVER_URL and (unpackaged builds only) DESK_RENDERER_URL. Throws ConfigError on bad input. */
export function resolveConfig(env: Readonly<Record<string, string | undefined>>, inputs: ConfigInputs): ShellConfig {
  const fromEnv = env.DESK_SERVER_URL?.trim() || undefined;
  const server = validateServerUrl(fromEnv ?? DEFAULT_SERVER_URL);
  if (!server.ok) throw new ConfigError(`DESK_SERVER_URL is not usable (${server.reason}): ${fromEnv ?? DEFAULT_SERVER_URL}`);
  const serverUrl = server.url;
  const base = { serverUrl, serverOrigin: server.origin, serverUrlFromEnv: fromEnv !== undefined };
  const devUrl = inputs.isPackaged ? undefined : env.DESK_RENDERER_URL?.trim();
  if (devUrl) {
    const dev = httpUrl('DESK_RENDERER_URL', devUrl);
    return {
      ...base,
      renderer: { kind: 'dev', origin: dev.origin },
      rendererEntry: dev.href,
      isDev: true,
    };
  }
  const rootUrl = pathToFileURL(dirname(inputs.rendererIndexPath)).href.replace(/\/?$/, '/');
  const rendererEntry = pathToFileURL(inputs.rendererIndexPath).href;
  return { ...base, renderer: { kind: 'file', rootUrl }, rendererEntry, isDev: false };
}

/** `--user-data-dir=<dir>` or `--user-data-dir <dir>` from the command line, resolved; undefined if absent. */
export function userDataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg.startsWith('--user-data-dir=')
      ? arg.slice('--user-data-dir='.length)
      : arg === '--user-data-dir'
        ? argv[i + 1]
        : undefined;
    if (value !== undefined) return value === '' || value.startsWith('--') ? undefined : resolve(value);
  }
  return undefined;
}
