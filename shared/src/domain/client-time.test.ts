import { describe, expect, it } from 'vitest';
import { CLIENT_CLOCK_TOLERANCE_MS, boundClientTime, isTooFarAhead } from './client-time.js';

const now = Date.UTC(2026, 11, 6, 12);

describe('client time bounds', () => {
  it('believes past times (offline work) and small clock drift', () => {
    expect(boundClientTime(now - 86_400_000, { serverNow: now })).toEqual({ time: now - 86_400_000, clamped: false });
    expect(boundClientTime(now + 60_000, { serverNow: now })).toEqual({ time: now + 60_000, clamped: false });
    expect(isTooFarAhead(now + CLIENT_CLOCK_TOLERANCE_MS, now)).toBe(false);
  });

  it('clamps far-future times to the server clock and times before the record existed to its start', () => {
    expect(boundClientTime(now + 365 * 86_400_000, { serverNow: now })).toEqual({ time: now, clamped: true });
    expect(boundClientTime(now - 10_000, { serverNow: now, notBefore: now - 5_000 })).toEqual({
      time: now - 5_000,
      clamped: true,
    });
    expect(isTooFarAhead(now + CLIENT_CLOCK_TOLERANCE_MS + 1, now)).toBe(true);
  });
});
