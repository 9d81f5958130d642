/**
 * How far a client's clock may run ahead of the server's before its times are not believed. Offline work is
 * recorded at the time it happened (the device's clock), so times in the past are normal; times in the future
 * beyond this tolerance are a wrong clock or a forgery (a far-future `updatedAt` would pin a ticket to the top of
 * every queue). The server bounds writes with it and the SLA clocks clamp event times with it: one number.
 */
export const CLIENT_CLOCK_TOLERANCE_MS = 5 * 60_000;

/** A client time bounded by what the server can vouch for: not before `notBefore`, not after `serverNow` (+ tolerance). */
export function boundClientTime(
  clientTime: number,
  bounds: { notBefore?: number; serverNow: number; toleranceMs?: number },
): { time: number; clamped: boolean } {
  const latest = bounds.serverNow + (bounds.toleranceMs ?? CLIENT_CLOCK_TOLERANCE_MS);
  if (clientTime > latest) return { time: bounds.serverNow, clamped: true };
  if (bounds.notBefore !== undefined && clientTime < bounds.notBefore) return { time: bounds.notBefore, clamped: true };
  return { time: clientTime, clamped: false };
}

/** True when a client time is further in the future than the server accepts. */
export function isTooFarAhead(clientTime: number, serverNow: number): boolean {
  return clientTime > serverNow + CLIENT_CLOCK_TOLERANCE_MS;
}
