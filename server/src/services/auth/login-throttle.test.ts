import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('refuses after the allowed failures until the window slides, per address and account', () => {
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000 });
    const key = LoginThrottle.key('10.0.0.1', 'user:usr-0001');
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds(key, 1000 + i)).toBe(0);
      throttle.recordFailure(key, 1000 + i);
    }
    expect(throttle.retryAfterSeconds(key, 2000)).toBe(59);
    expect(throttle.retryAfterSeconds(LoginThrottle.key('10.0.0.2', 'user:usr-0001'), 2000)).toBe(0);
    expect(throttle.retryAfterSeconds(key, 61_001)).toBe(0);
  });

  it('forgets a key after a successful sign-in and bounds the keys it keeps', () => {
    const throttle = new LoginThrottle({ maxFailures: 1, windowMs: 60_000, maxKeys: 2 });
    throttle.recordFailure('a', 1);
    expect(throttle.retryAfterSeconds('a', 2)).toBeGreaterThan(0);
    throttle.reset('a');
    expect(throttle.retryAfterSeconds('a', 3)).toBe(0);
    for (const key of ['x', 'y', 'z']) throttle.recordFailure(key, 4);
    expect(throttle.retryAfterSeconds('x', 5)).toBe(0);
    expect(throttle.retryAfterSeconds('z', 5)).toBeGreaterThan(0);
  });
});
