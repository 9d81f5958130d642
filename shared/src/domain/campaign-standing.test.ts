import { describe, expect, it } from 'vitest';
import { campaignStatus, responseRate } from './campaign-standing.js';

describe('campaignStatus', () => {
  it('is open while an invitation is neither answered nor expired', () => {
    expect(campaignStatus({ sent: 3, answered: 1, waiting: 2 })).toBe('open');
    expect(campaignStatus({ sent: 3, answered: 2, waiting: 1 })).toBe('open');
  });

  it('is closed once every invitation was answered or expired, or none was sent', () => {
    expect(campaignStatus({ sent: 3, answered: 3, waiting: 0 })).toBe('closed');
    expect(campaignStatus({ sent: 3, answered: 1, waiting: 0 })).toBe('closed');
    expect(campaignStatus({ sent: 0, answered: 0, waiting: 0 })).toBe('closed');
  });
});

describe('responseRate', () => {
  it('is the share of invitations answered', () => {
    expect(responseRate({ sent: 3, answered: 1 })).toBeCloseTo(1 / 3);
    expect(responseRate({ sent: 4, answered: 4 })).toBe(1);
    expect(responseRate({ sent: 4, answered: 0 })).toBe(0);
  });

  it('has no value when nothing was sent, and never exceeds 1', () => {
    expect(responseRate({ sent: 0, answered: 0 })).toBeNull();
    expect(responseRate({ sent: 2, answered: 5 })).toBe(1);
  });
});
