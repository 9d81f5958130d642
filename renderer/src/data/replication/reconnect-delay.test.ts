import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-delay.js';

describe('reconnectDelay', () => {
  it('spreads 2,000 devices dropped at once over the back-off window instead of one instant', () => {
    const delays = Array.from({ length: 2000 }, () => reconnectDelay(1000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(1000);
    // No tenth of the window gets more than twice its share: the server sees ~200 reconnects per 100 ms, not 2,000.
    const perTenth = Array.from({ length: 10 }, (_, i) => delays.filter((d) => Math.floor(d / 100) === i).length);
    expect(Math.max(...perTenth)).toBeLessThan(400);
    expect(Math.min(...perTenth)).toBeGreaterThan(100);
  });

  it('stays within the window at its edges', () => {
    expect(reconnectDelay(30_000, () => 0)).toBe(0);
    expect(reconnectDelay(30_000, () => 0.999999)).toBe(29_999);
  });
});
