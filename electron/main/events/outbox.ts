import type { DeskEvent, DeskEventPayloads } from '@shared/ipc/contract.js';

/** Sends an event to the app window; false when there is no window to send to. */
export type SendEvent = <E extends DeskEvent>(event: E, payload: DeskEventPayloads[E]) => boolean;

export interface EventOutbox {
  /** Delivers now if the renderer subscribed to this event, else keeps it until it does. */
  emit<E extends DeskEvent>(event: E, payload: DeskEventPayloads[E]): void;
  /** The renderer subscribed (events:subscribe): returns and forgets what was buffered, oldest first. */
  subscribe<E extends DeskEvent>(event: E): DeskEventPayloads[E][];
  /** The page is gone or reloading: buffer again until it subscribes anew. */
  reset(): void;
}

/**
 * Main -> renderer events that must not be lost: a deep link that starts the app, a notification clicked while
 * the window reloads. Each event buffers at most `max` payloads, dropping the oldest.
 */
export function createEventOutbox(send: SendEvent, max = 10): EventOutbox {
  const subscribed = new Set<DeskEvent>();
  const buffers = new Map<DeskEvent, unknown[]>();
  return {
    emit(event, payload) {
      if (subscribed.has(event) && send(event, payload)) return;
      const buffer = buffers.get(event) ?? [];
      buffer.push(payload);
      buffers.set(event, buffer.slice(-max));
    },
    subscribe<E extends DeskEvent>(event: E) {
      subscribed.add(event);
      const buffered = (buffers.get(event) ?? []) as DeskEventPayloads[E][];
      buffers.delete(event);
      return buffered;
    },
    reset() {
      subscribed.clear();
    },
  };
}
