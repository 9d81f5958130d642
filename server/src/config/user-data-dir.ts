import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user application data folder of the platform: %APPDATA% on Windows, ~/Library/Application Support
 * on macOS, $XDG_DATA_HOME or ~/.local/share elsewhere.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_DATA_HOME || join(home, '.local', 'share');
}

/** Where PGlite keeps its files by default. */
export function defaultPGliteDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  return join(userDataDir(platform, env, home), 'servicedesk', 'pglite');
}
