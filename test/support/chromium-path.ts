import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the browser tests and the benchmarks find Chromium. Debian's Chromium is used rather than Playwright's own
 * download, which is not reachable from every machine; `CHROMIUM_PATH` overrides it.
 */

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ensureDepsScript = join(repoRoot, 'scripts', 'ensure-deps.sh');

/** What to tell a newcomer when no Chromium is found (the same words as scripts/ensure-deps.sh). */
export const CHROMIUM_INSTALL_HINT =
  'Chromium is missing: run `bash scripts/ensure-deps.sh` (installs it as root on Debian), ' +
  'or install it yourself (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.';

function onPath(name: string): string | null {
  try {
    const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    return found === '' ? null : found;
  } catch {
    return null;
  }
}

/** The Chromium executable to use, or null when none is installed. Never installs anything. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium') ?? onPath('chromium-browser');
}

/**
 * The path Playwright's config gives its launcher. `npm test` has already run scripts/ensure-deps.sh, so the
 * config only looks; when nothing is found it keeps Debian's path so Playwright names the missing file.
 */
export const chromiumPath: string = findChromium() ?? '/usr/bin/chromium';

/**
 * For scripts run on their own (the benchmarks): finds Chromium, and when it is missing runs
 * scripts/ensure-deps.sh as the test runner does, then fails with how to install it if that did not help.
 */
export function requireChromium(): string {
  const found = findChromium();
  if (found !== null) return found;
  console.error('==> Chromium not found; running scripts/ensure-deps.sh as `npm test` does');
  try {
    execFileSync('bash', [ensureDepsScript], { stdio: 'inherit', cwd: repoRoot });
  } catch {
    // The script explains its own failure; the hint below says what to do next.
  }
  const afterInstall = findChromium();
  if (afterInstall !== null) return afterInstall;
  throw new Error(CHROMIUM_INSTALL_HINT);
}
