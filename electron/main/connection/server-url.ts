import type { ServerUrlSetting } from '@shared/ipc/contract.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { validateServerUrl } from './validate-url.js';

export interface ServerUrlDefaults {
  /** DESK_SERVER_URL when set, else the built-in default (see resolveConfig). */
  serverUrl: string;
  serverUrlFromEnv: boolean;
}

/** Which URL is in effect: DESK_SERVER_URL wins, then a valid settings.json entry, then the default. */
export function effectiveServerUrl(defaults: ServerUrlDefaults, savedUrl: string | undefined): ServerUrlSetting {
  const saved = savedUrl === undefined ? null : validateServerUrl(savedUrl);
  const savedValid = saved?.ok ? saved.url : null;
  if (defaults.serverUrlFromEnv) return { url: defaults.serverUrl, source: 'env', savedUrl: savedValid };
  if (savedValid !== null) return { url: savedValid, source: 'settings', savedUrl: savedValid };
  return { url: defaults.serverUrl, source: 'default', savedUrl: null };
}

export class InvalidServerUrlError extends Error {
  override readonly name = 'InvalidServerUrlError';
}

export interface ServerUrlState {
  /** Synchronous, for appInfo() and the CSP; call load() once at startup first. */
  current(): ServerUrlSetting;
  load(): Promise<ServerUrlSetting>;
  /** Validates and saves (null forgets the saved URL). Throws InvalidServerUrlError with a readable reason. */
  set(url: string | null): Promise<ServerUrlSetting>;
}

export function createServerUrlState(defaults: ServerUrlDefaults, settings: SettingsStore): ServerUrlState {
  let state = effectiveServerUrl(defaults, undefined);
  return {
    current: () => state,
    async load() {
      state = effectiveServerUrl(defaults, (await settings.read()).serverUrl);
      return state;
    },
    async set(url) {
      let serverUrl: string | undefined;
      if (url !== null) {
        const valid = validateServerUrl(url);
        if (!valid.ok) throw new InvalidServerUrlError(`Server address refused: ${valid.reason}`);
        serverUrl = valid.url;
      }
      state = effectiveServerUrl(defaults, (await settings.update({ serverUrl })).serverUrl);
      return state;
    },
  };
}
