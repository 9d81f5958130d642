import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../support/server-process.js';
import type { ClientIdentity, ClientRecords, ClientSnapshot, SimClientConfig } from './types.js';

const ENTRY = fileURLToPath(new URL('./client-process.ts', import.meta.url));

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

/** The coordinator's side of one simulated client process. */
export class ClientHandle {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(readonly index: number) {
    this.child = fork(ENTRY, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-20_000);
    });
    this.child.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.error !== undefined) waiter.reject(new Error(`client ${index}: ${reply.error}`));
      else waiter.resolve(reply.result);
    });
    this.child.on('exit', (code, signal) => {
      for (const waiter of this.waiting.values()) {
        waiter.reject(new Error(`client ${index} process exited (${code ?? signal}); stderr:\n${this.stderr}`));
      }
      this.waiting.clear();
    });
  }

  private call<T>(request: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...request, id });
    });
  }

  start(config: SimClientConfig): Promise<ClientIdentity> {
    return this.call({ type: 'start', config });
  }
  run(count: number): Promise<ClientRecords> {
    return this.call({ type: 'run', count });
  }
  settle(timeoutMs: number): Promise<{ pendingPush: number; inSync: boolean; error: string | null }> {
    return this.call({ type: 'settle', timeoutMs });
  }
  setOnline(online: boolean): Promise<null> {
    return this.call({ type: 'setOnline', online });
  }
  snapshot(): Promise<ClientSnapshot> {
    return this.call({ type: 'snapshot' });
  }
  records(): Promise<ClientRecords> {
    return this.call({ type: 'records' });
  }

  /** Closes the database and ends the process (SIGKILL if it does not exit within 5 s). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await Promise.race([this.call({ type: 'close' }).catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the process at once, as a crash would. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}
