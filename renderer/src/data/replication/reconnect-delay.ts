/**
 * How long a device waits before reopening its live stream: a random share of the current back-off ("full jitter").
 * A server restart drops every device's stream in the same second; with the same fixed delay they would all come
 * back in the same second too, each with a pull. Spread over the whole back-off window, they arrive a few at a time.
 */
export function reconnectDelay(backoffMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * backoffMs);
}
