import { STREAM_HEARTBEAT_MS, STREAM_RESYNC } from '@shared';
import { createParser } from 'eventsource-parser';
import { Observable } from 'rxjs';
import type { ConnectivitySource } from './connectivity.js';
import { reconnectDelay } from './reconnect-delay.js';
import { joinUrl } from './http.js';
import type { RequestContext } from './http.js';

export interface LiveStreamOptions extends RequestContext {
  path: string;
  connectivity: ConnectivitySource;
  /** Called with a message when the stream fails (for the status line); null when it is open again. */
  onStreamError?: (message: string | null) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * An open stream that delivers nothing, heartbeats included, for this long is taken as dead (a VPN drop, a laptop
   * waking from sleep keep the socket open but silent): it is dropped and reopened, which pulls. Default: two of the
   * server's 15 s heartbeat intervals plus a margin.
   */
  silenceMs?: number;
  /** While online, a RESYNC (a pull) this often even when the stream seems well, in case a notification was lost. */
  safetyPullMs?: number;
}

/** Two server heartbeat intervals and a margin for a slow network. */
export const STREAM_SILENCE_MS = 2 * STREAM_HEARTBEAT_MS + 5_000;
/** How often a device pulls while its stream is open anyway. */
export const SAFETY_PULL_MS = 5 * 60_000;

/**
 * The server's SSE change stream, read with fetch (EventSource cannot send a bearer token).
 * Emits 'RESYNC' for every message and after every (re)connect. It closes on `offline` — an open stream
 * otherwise keeps receiving under Playwright's setOffline — and reopens on `online`.
 */
export function liveResyncStream(opts: LiveStreamOptions): Observable<'RESYNC'> {
  return new Observable<'RESYNC'>((subscriber) => {
    let closed = false;
    let abort: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let backoff = opts.minBackoffMs ?? 1000;
    const maxBackoff = opts.maxBackoffMs ?? 30_000;
    const silenceMs = opts.silenceMs ?? STREAM_SILENCE_MS;
    const safetyPull = setInterval(() => {
      if (opts.connectivity.isOnline()) subscriber.next(STREAM_RESYNC);
    }, opts.safetyPullMs ?? SAFETY_PULL_MS);

    const stop = () => {
      abort?.abort();
      abort = null;
      if (timer) clearTimeout(timer);
      timer = null;
    };

    const scheduleReconnect = () => {
      if (closed || !opts.connectivity.isOnline() || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void connect();
      }, reconnectDelay(backoff));
      backoff = Math.min(backoff * 2, maxBackoff);
    };

    const connect = async () => {
      if (closed || abort || !opts.connectivity.isOnline()) return;
      const controller = new AbortController();
      abort = controller;
      let silent = false;
      let watchdog: ReturnType<typeof setTimeout> | null = null;
      // Re-armed by every byte received; when it fires the stream is dropped and reopened below.
      const arm = () => {
        if (watchdog) clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          silent = true;
          controller.abort();
        }, silenceMs);
      };
      try {
        arm();
        const token = await opts.getAccessToken();
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (token) headers.authorization = `Bearer ${token}`;
        const res = await opts.fetchImpl(joinUrl(opts.serverUrl, opts.path), { headers, signal: controller.signal });
        if (!res.ok || !res.body) {
          if (res.status === 401) opts.onAuthError?.();
          throw new Error(`Live stream refused: HTTP ${res.status}`);
        }
        backoff = opts.minBackoffMs ?? 1000;
        opts.onStreamError?.(null);
        // Anything may have changed while we were not listening.
        subscriber.next(STREAM_RESYNC);
        const parser = createParser({ onEvent: () => subscriber.next(STREAM_RESYNC) });
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          arm();
          parser.feed(value);
        }
        throw new Error('Live stream closed by the server');
      } catch (err) {
        if (controller.signal.aborted && !silent) return;
        opts.onStreamError?.(
          silent
            ? `Live stream silent for ${Math.round(silenceMs / 1000)} s: reconnecting`
            : err instanceof Error
              ? err.message
              : String(err),
        );
      } finally {
        if (watchdog) clearTimeout(watchdog);
        if (abort === controller) abort = null;
      }
      scheduleReconnect();
    };

    const unsubscribe = opts.connectivity.subscribe((online) => {
      if (online) {
        backoff = opts.minBackoffMs ?? 1000;
        void connect();
      } else {
        stop();
      }
    });
    void connect();
    return () => {
      closed = true;
      clearInterval(safetyPull);
      unsubscribe();
      stop();
    };
  });
}

/** For collections without a live stream: RESYNC every `intervalMs` while online, and when coming back online. */
export function pollingResync(connectivity: ConnectivitySource, intervalMs: number): Observable<'RESYNC'> {
  return new Observable<'RESYNC'>((subscriber) => {
    const timer = setInterval(() => {
      if (connectivity.isOnline()) subscriber.next(STREAM_RESYNC);
    }, intervalMs);
    const unsubscribe = connectivity.subscribe((online) => {
      if (online) subscriber.next(STREAM_RESYNC);
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  });
}
