export interface LoginThrottleOptions {
  /** Failed sign-ins allowed per key within `windowMs`; the next attempt is refused until the oldest expires. */
  maxFailures: number;
  windowMs: number;
  /** Keys remembered at most (oldest forgotten first), so a flood of addresses cannot exhaust memory. */
  maxKeys?: number;
}

/**
 * Counts failed sign-ins per key (client address + matched account) in a sliding window. Successful sign-ins
 * clear the key, so people who type their password right are never slowed down. In memory, per instance.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LoginThrottleOptions) {}

  /** `subject` is the matched account (`AuthService.lockSubject`), never the raw input: spellings vary. */
  static key(address: string, subject: string): string {
    return `${address}|${subject}`;
  }

  /** Seconds to wait before the next attempt with this key, or 0 when it may go ahead. */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.options.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[0] + this.options.windowMs - now) / 1000));
  }

  recordFailure(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.delete(key);
    this.failures.set(key, recent);
    const maxKeys = this.options.maxKeys ?? 100_000;
    while (this.failures.size > maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
