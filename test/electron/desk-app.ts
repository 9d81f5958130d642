import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronSkipReason, findElectronBinary } from './electron-binary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const AGENT = { email: 'agent@example.org', password: 'demo-pass-2026' };

/** Skips the calling test, printing why, when there is no Electron binary or display here. Returns the binary path. */
function requireElectron(): string {
  const reason = electronSkipReason();
  if (reason) console.log(`skipped: ${reason}`);
  test.skip(reason !== undefined, reason);
  const binary = findElectronBinary();
  if (!binary.found) throw new Error(binary.reason);
  return binary.path;
}

let built = false;
/** Builds dist/electron (the renderer must be built already: npm run build:renderer). */
async function buildShell(): Promise<void> {
  expect(existsSync(join(root, 'dist/renderer/index.html')), 'build the renderer first: npm run build:renderer').toBe(true);
  if (!built) await promisify(execFile)(process.execPath, ['electron/build.mjs'], { cwd: root });
  built = true;
}

export interface DemoServer {
  url: string;
  /** Idempotent: a test may stop the server early (offline start) and the cleanup stops it again. */
  close(): Promise<void>;
}

/** The sync server with demo data on in-memory PGlite. Imported lazily so skipped runs never load it. */
async function startDemoServer(): Promise<DemoServer> {
  const { startServer } = await import('../../server/src/app.js');
  return startServer({ port: 0, dataDir: 'memory://', seedDemo: true, logLevel: 'warn' });
}

async function tempUserData(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-electron-userdata-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The arguments Electron gets: the app folder (package.json "main"), a fresh userData, no sandbox as root. */
export function appArgs(userDataDir: string, extra: string[] = []): string[] {
  return [root, `--user-data-dir=${userDataDir}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...extra];
}

export function appEnv(serverUrl: string): Record<string, string> {
  const env: Record<string, string> = { DESK_SERVER_URL: serverUrl };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['ELECTRON_RUN_AS_NODE', 'DESK_RENDERER_URL', 'DESK_SERVER_URL'].includes(key)) env[key] = value;
  }
  return env;
}

function launchDesk(
  binary: string,
  userDataDir: string,
  serverUrl: string,
  extraArgs: string[] = [],
): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary, args: appArgs(userDataDir, extraArgs), env: appEnv(serverUrl), cwd: root });
}

/** What every desktop test needs: the Electron binary, a demo server and a fresh userData folder. */
export interface DeskEnvironment {
  binary: string;
  server: DemoServer;
  userDataDir: string;
}

/** Runs `body` with a DeskEnvironment and removes it afterwards; skips the test, saying why, without Electron. */
export async function withDeskEnvironment(body: (env: DeskEnvironment) => Promise<void>): Promise<void> {
  const binary = requireElectron();
  await buildShell();
  const server = await startDemoServer();
  const userData = await tempUserData();
  try {
    await body({ binary, server, userDataDir: userData.dir });
  } finally {
    await server.close();
    await userData.remove();
  }
}

/** Launches the desk in `env`, optionally signs in as the demo agent, runs `body`, and always closes the app. */
export async function withLaunchedDesk(
  env: DeskEnvironment,
  body: (app: ElectronApplication, page: Page) => Promise<void>,
  options: { signIn?: boolean; extraArgs?: string[] } = {},
): Promise<void> {
  const app = await launchDesk(env.binary, env.userDataDir, env.server.url, options.extraArgs);
  try {
    const page = await app.firstWindow();
    if (options.signIn) await signIn(page);
    await body(app, page);
  } finally {
    await app.close();
  }
}

export async function signIn(page: Page): Promise<void> {
  await page.getByTestId('login-email').fill(AGENT.email);
  await page.getByTestId('login-password').fill(AGENT.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('ticket-row').first()).toBeVisible({ timeout: 60_000 });
}

/** A ticket the demo agent can see, read through the sync API. */
export async function someTicket(serverUrl: string): Promise<{ id: string; number: string; title: string }> {
  const base = serverUrl.replace(/\/$/, '');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(AGENT),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const pull = await fetch(`${base}/api/sync/tickets/pull?limit=5`, { headers: { authorization: `Bearer ${accessToken}` } });
  const { documents } = (await pull.json()) as { documents: { id: string; number: string; title: string }[] };
  expect(documents.length, 'the demo agent sees tickets').toBeGreaterThan(0);
  return documents[0];
}
