import { INSECURE_UPDATE_URL_REASON, shouldCheckForUpdates } from './should-check.js';

export interface UpdateSchedulerDeps {
  isPackaged: boolean;
  configuredUrl: string | null;
  isOnline(): boolean;
  now(): number;
  readLastCheckAt(): Promise<number | undefined>;
  writeLastCheckAt(at: number): Promise<void>;
  /** autoUpdater.checkForUpdates(): downloads in the background, installs on quit. */
  checkForUpdates(): Promise<unknown>;
  log(level: 'info' | 'warn', message: string, error?: unknown): void;
}

/**
 * One evaluation of the update gate; call it on a timer. Never throws and never runs two checks at once:
 * failures are logged, never shown, and never delay startup or work.
 */
export function createUpdateTick(deps: UpdateSchedulerDeps): () => Promise<void> {
  let running = false;
  let warnedInsecure = false;
  return async () => {
    if (running) return;
    running = true;
    try {
      const now = deps.now();
      const decision = shouldCheckForUpdates({
        online: deps.isOnline(),
        lastCheckAt: await deps.readLastCheckAt(),
        now,
        configuredUrl: deps.configuredUrl,
        isPackaged: deps.isPackaged,
      });
      if (!decision.check) {
        // A build pointed at an http feed never updates: say so once, so whoever reads the log can fix the build.
        if (decision.reason === INSECURE_UPDATE_URL_REASON && !warnedInsecure) {
          warnedInsecure = true;
          deps.log('warn', `Updates are off: ${INSECURE_UPDATE_URL_REASON}`);
        }
        return;
      }
      // Recorded first, so a failing server is retried after the interval, not on every tick.
      await deps.writeLastCheckAt(now);
      deps.log('info', 'Checking for updates');
      await deps.checkForUpdates();
    } catch (error) {
      deps.log('warn', 'Update check failed', error);
    } finally {
      running = false;
    }
  };
}
