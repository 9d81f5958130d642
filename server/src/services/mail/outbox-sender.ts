import type { Database } from '../../db/database.js';
import { MAIL_CHANNEL, claimDueMail, markMailFailed, markMailHeld, markMailSent } from '../../db/queries/mail-outbox.js';
import { undeliverableReason } from './mail-queue.js';
import type { MailTransport } from './mail-transport.js';

export interface OutboxSenderOptions {
  /** Safety net when a notification is missed (another instance queued mail while we reconnected). */
  pollMs?: number;
  batchSize?: number;
  /** How long a claimed message is reserved for this sender before another may try it. */
  claimSeconds?: number;
  log?: (message: string) => void;
}

/** Seconds before retrying after `attempts` failures: 10 s, 20 s, 40 s ... capped at one hour. */
export const retryDelaySeconds = (attempts: number): number => Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));

/**
 * Sends what the outbox holds, woken by NOTIFY from any instance and by a slow poll. A failed message is
 * retried with backoff; its error stays on the row for operators.
 */
export class OutboxSender {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly transport: MailTransport,
    private readonly options: OutboxSenderOptions = {},
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(
      MAIL_CHANNEL,
      () => this.wake(),
      () => this.wake(),
    );
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 30_000);
    this.timer.unref();
    this.wake();
  }

  /** Starts a drain, or asks the running one to look again when it finishes. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.log?.(`mail outbox: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when nothing is being sent (tests wait for this after queueing mail). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = await claimDueMail(this.db, this.options.batchSize ?? 20, this.options.claimSeconds ?? 120);
      if (batch.length === 0 || this.stopped) return;
      for (const mail of batch) {
        // Last defence: a message queued past queueMail (or before its rules) is held, never sent.
        const refused = undeliverableReason(mail);
        if (refused) {
          this.options.log?.(`mail ${mail.id} (${mail.kind}) held: ${refused}`);
          await markMailHeld(this.db, mail.id, refused);
          continue;
        }
        try {
          await this.transport.send(mail);
          await markMailSent(this.db, mail.id);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.options.log?.(`mail ${mail.id} (${mail.kind}) to ${mail.to} failed, will retry: ${message}`);
          await markMailFailed(this.db, mail.id, message, retryDelaySeconds(mail.attempts));
        }
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
    await this.unlisten?.();
    this.transport.close();
  }
}
