import { PRESENCE_HEARTBEAT_MS, type PresenceEntry, type PresenceSnapshot, type PresenceState } from '@shared/sync/presence.js';
import { createParser } from 'eventsource-parser';
import type { ConnectivitySource } from '../replication/connectivity.js';
import { joinUrl, requestJson, type RequestContext } from '../replication/http.js';

/** How the data layer reaches the server outside replication (the same server, token and connectivity). */
export interface DataNetwork extends RequestContext {
  connectivity: ConnectivitySource;
}

export interface PresenceSession {
  /** Changes what this person is doing; sent at once and with every heartbeat. */
  setState(state: PresenceState): void;
  /** Leaves: stops the stream and heartbeats and tells the server at once. */
  stop(): void;
}

export interface PresenceOptions {
  ticketId: string;
  initialState: PresenceState;
  /** Everybody with the ticket open, as the server sees it; `[]` while offline. */
  onPeople: (people: PresenceEntry[]) => void;
  heartbeatMs?: number;
  reconnectMs?: number;
}

/**
 * Announces this person on a ticket (heartbeats) and follows who else is there (an SSE stream read with fetch, so
 * the bearer token is sent). Quiet while offline: no requests, an empty list; it starts again when back online.
 */
export function startPresence(network: DataNetwork, options: PresenceOptions): PresenceSession {
  const { ticketId } = options;
  let state = options.initialState;
  let stopped = false;
  let abort: AbortController | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const beat = (value: PresenceState | 'left') =>
    requestJson(network, '/api/presence', {
      method: 'POST',
      body: JSON.stringify({ ticketId, state: value }),
      keepalive: true,
    }).catch(() => undefined);

  const follow = async () => {
    if (stopped || abort || !network.connectivity.isOnline()) return;
    const controller = new AbortController();
    abort = controller;
    try {
      const token = await network.getAccessToken();
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await network.fetchImpl(joinUrl(network.serverUrl, `/api/presence/${encodeURIComponent(ticketId)}/stream`), {
        headers,
        signal: controller.signal,
      });
      // 403/404: a ticket not on the server yet (created offline) or not ours to watch; try again later.
      if (!res.ok || !res.body) throw new Error(`presence stream refused: HTTP ${res.status}`);
      const parser = createParser({
        onEvent: (event) => {
          try {
            options.onPeople((JSON.parse(event.data) as PresenceSnapshot).people);
          } catch {
            // A malformed message changes nothing shown.
          }
        },
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // Reconnected below.
    } finally {
      if (abort === controller) abort = null;
    }
    if (!stopped && !controller.signal.aborted && network.connectivity.isOnline()) {
      retry = setTimeout(() => {
        retry = null;
        void follow();
      }, options.reconnectMs ?? 5000);
    }
  };

  const goOnline = () => {
    void beat(state);
    heartbeat ??= setInterval(() => void beat(state), options.heartbeatMs ?? PRESENCE_HEARTBEAT_MS);
    void follow();
  };
  const goQuiet = () => {
    abort?.abort();
    abort = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    if (retry) clearTimeout(retry);
    retry = null;
    options.onPeople([]);
  };

  const unsubscribe = network.connectivity.subscribe((online) => (online ? goOnline() : goQuiet()));
  if (network.connectivity.isOnline()) goOnline();

  return {
    setState(next) {
      if (next === state) return;
      state = next;
      if (!stopped && network.connectivity.isOnline()) void beat(state);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      const wasOnline = heartbeat !== null;
      goQuiet();
      if (wasOnline) void beat('left');
    },
  };
}
