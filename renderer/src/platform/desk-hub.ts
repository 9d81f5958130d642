import type { DeskApi, DeskCounts, MenuCommand, TrayCommand, Unsubscribe } from '@shared/ipc/channels.js';
import { createCountsReporter } from './counts-reporter.js';
import type { CountsReporter } from './counts-reporter.js';
import type { DeskDestination } from './deep-link-route.js';

/** What the signed-in console does with the desktop's events. */
export interface DeskTarget {
  open(destination: DeskDestination): void;
  /** True when handled; otherwise the hub's fallback (shortcuts help, diagnostics without a database) runs. */
  menu(command: MenuCommand): boolean;
  tray(command: TrayCommand): void;
}

export interface DeskFallbacks {
  menu(command: MenuCommand): void;
  /** A tray command while signed out (nothing replicates: the tray is told so). */
  tray?(command: TrayCommand): void;
}

const SIGNED_OUT_COUNTS: DeskCounts = { pendingSync: 0, unread: 0, syncPaused: false };

/**
 * Receives the desktop's events for the whole life of the page, so nothing is lost while signed out: the latest
 * destination (deep link or clicked notification) waits for the signed-in console to attach, then opens. Menu and
 * tray commands go to the attached console, else to the fallbacks. Also owns the debounced badge counts.
 */
export class DeskHub {
  private target: DeskTarget | null = null;
  private pending: DeskDestination | null = null;
  private fallbacks: DeskFallbacks | null = null;
  private readonly counts: CountsReporter;

  constructor(setCounts: ((counts: DeskCounts) => Promise<void>) | undefined, countsDelayMs?: number) {
    this.counts = createCountsReporter((counts) => void setCounts?.(counts).catch(() => undefined), countsDelayMs);
  }

  /** The destination kept for after sign-in, if any. */
  get waiting(): DeskDestination | null {
    return this.pending;
  }

  open(destination: DeskDestination): void {
    if (this.target) this.target.open(destination);
    else this.pending = destination;
  }

  menu(command: MenuCommand): void {
    if (this.target?.menu(command)) return;
    this.fallbacks?.menu(command);
  }

  tray(command: TrayCommand): void {
    if (this.target) this.target.tray(command);
    else {
      this.fallbacks?.tray?.(command);
      // Pausing flips the tray's menu at once; signed out there is nothing to pause, so set it straight.
      this.counts.update(SIGNED_OUT_COUNTS);
    }
  }

  /** The signed-in console takes the events (and the destination that waited for it). Returns detach. */
  attach(target: DeskTarget): () => void {
    this.target = target;
    const waiting = this.pending;
    this.pending = null;
    if (waiting) target.open(waiting);
    return () => {
      if (this.target !== target) return;
      this.target = null;
      this.counts.update(SIGNED_OUT_COUNTS);
    };
  }

  setFallbacks(fallbacks: DeskFallbacks): () => void {
    this.fallbacks = fallbacks;
    return () => {
      if (this.fallbacks === fallbacks) this.fallbacks = null;
    };
  }

  reportCounts(counts: DeskCounts): void {
    this.counts.update(counts);
  }

  dispose(): void {
    this.counts.dispose();
  }
}

/** Subscribes the hub to whichever desktop events this platform offers (none in the web build). */
export function connectDesk(desk: DeskApi, hub: DeskHub): Unsubscribe {
  const subs: Unsubscribe[] = [];
  if (desk.onDeepLink) subs.push(desk.onDeepLink((link) => hub.open({ kind: 'link', link })));
  if (desk.onNavigate) subs.push(desk.onNavigate((route) => hub.open({ kind: 'route', route })));
  if (desk.onMenuCommand) subs.push(desk.onMenuCommand((command) => hub.menu(command)));
  if (desk.onTrayCommand) subs.push(desk.onTrayCommand((command) => hub.tray(command)));
  return () => subs.forEach((unsubscribe) => unsubscribe());
}
