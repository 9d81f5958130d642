import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../db/database.js';
import { runSlaSchedulerPass } from './sla-scheduler.js';

/** How often a server looks for due SLA actions by default (SLA_SCHEDULER_MS). */
export const DEFAULT_SLA_SCHEDULER_MS = 30_000;

/** A name for this server process in `sla_due.fired_by`, unique across instances and restarts. */
export const slaInstanceId = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Runs the authoritative SLA scheduler pass every `intervalMs` on this instance. Every instance on one PostgreSQL
 * runs its own timer; the pass claims rows with SKIP LOCKED, so each action still fires once. A pass never overlaps
 * the previous one; a failing pass (database restarting) is logged and the next tick tries again. The timer is
 * unref'd, so it never keeps the process alive, and `stop()` waits for a pass in flight.
 */
export class SlaSchedulerTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** This instance's name in `sla_due.fired_by`. */
  readonly instance: string;

  constructor(
    private readonly db: Database,
    private readonly options: { intervalMs: number; instance?: string; log?: (message: string) => void },
  ) {
    this.instance = options.instance ?? slaInstanceId();
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Runs one pass now unless one is running (also what each tick does). */
  tick(): void {
    if (this.stopped || this.running) return;
    this.running = runSlaSchedulerPass(this.db, this.instance)
      .then(() => undefined)
      .catch((error: unknown) =>
        this.options.log?.(
          `SLA scheduler pass failed, will try again: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.running = undefined;
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
