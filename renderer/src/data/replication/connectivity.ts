/**
 * Where the replication learns whether the device is online. Injected, so the replication itself never touches
 * `window` and runs unchanged in Node (benchmarks, chaos tests) with a scripted source.
 */
export interface ConnectivitySource {
  isOnline(): boolean;
  /** Calls the listener with the new state on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** Always online: the default outside browsers. */
export const alwaysOnline: ConnectivitySource = {
  isOnline: () => true,
  subscribe: () => () => undefined,
};

/** A source a test drives by hand. */
export interface ManualConnectivity extends ConnectivitySource {
  set(online: boolean): void;
}

export function manualConnectivity(initial = true): ManualConnectivity {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === online) return;
      online = next;
      for (const l of [...listeners]) l(next);
    },
  };
}

/** The browser's `online`/`offline` events on a given event target (pass `window`). */
export function eventTargetConnectivity(target: EventTarget, nav: { onLine: boolean }): ConnectivitySource {
  return {
    isOnline: () => nav.onLine,
    subscribe(listener) {
      const on = () => listener(true);
      const off = () => listener(false);
      target.addEventListener('online', on);
      target.addEventListener('offline', off);
      return () => {
        target.removeEventListener('online', on);
        target.removeEventListener('offline', off);
      };
    },
  };
}
