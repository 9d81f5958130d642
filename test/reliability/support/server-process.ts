import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (test/reliability/support -> ../../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcessOptions {
  databaseUrl?: string;
  /** PGlite folder or memory:// when there is no databaseUrl. */
  dataDir?: string;
  /** 0 = a free port; pass the old port to restart "the same server". */
  port?: number;
  logLevel?: string;
  /** Extra environment (e.g. LOGIN_RATE_LIMIT_PER_MINUTE). */
  env?: Record<string, string>;
  /** How long to wait for "listening on". */
  startTimeoutMs?: number;
}

/** `npm run server` (server/src/main.ts) in its own process, so a test can SIGKILL it. */
export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  readonly exited: Promise<number | null>;
}

const LISTENING = /listening on (http:\/\/\S+)/;

/** Starts the sync server as a child process and resolves once it listens. */
export async function spawnServer(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'warn',
    SEED_DEMO: '',
    STATIC_DIR: '',
    ...(options.databaseUrl
      ? { DATABASE_URL: options.databaseUrl }
      : { DATABASE_URL: '', DATA_DIR: options.dataDir ?? 'memory://' }),
    ...options.env,
  };
  // node --import tsx runs the TypeScript entry in ONE process (the tsx CLI would add a parent that SIGKILL misses).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${text}`)),
      options.startTimeoutMs ?? 30_000,
    );
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const match = LISTENING.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${text}`));
    });
  });
  if (child.pid === undefined) throw new Error('server process has no pid');
  const pid = child.pid;
  return {
    url,
    port: Number(new URL(url).port),
    pid,
    output: () => text,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    exited,
  };
}
