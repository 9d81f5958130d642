import { describe, expect, it } from 'vitest';
import { zonedInstant } from './business-calendar.js';
import { computeSlaClocks } from './sla-clock.js';
import { scheduleSlaActions } from './sla-schedule.js';
import { buildEvent } from '../testing/build-records.js';
import { buildCalendar, buildSlaPolicy } from '../testing/build-sla.js';

const at = (date: string, hhmm: string): number =>
  zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), 'America/Toronto');

describe('scheduleSlaActions', () => {
  it('schedules the unreached thresholds of running clocks in business hours, and nothing for paused ones', () => {
    const calendar = buildCalendar();
    const policy = buildSlaPolicy();
    const ticket = { id: 't-1', createdAt: at('2026-01-16', '12:00'), callerId: 'caller-1' };
    const running = computeSlaClocks({
      ticket,
      events: [],
      match: { policy, matchedOn: [] },
      calendar,
      now: at('2026-01-16', '13:00'),
    });
    const actions = scheduleSlaActions(running, policy, calendar).filter((a) => a.clock === 'resolution');
    // 8 h target from Friday 12:00: 50 % is reached as the office closes (16:00, outside [08:00, 16:00)), so its
    // notification waits for Monday 08:00; 100 % at Monday 12:00.
    expect(actions).toEqual([
      { clock: 'resolution', percent: 50, dueAt: at('2026-01-19', '08:00') },
      { clock: 'resolution', percent: 100, dueAt: at('2026-01-19', '12:00') },
    ]);
    const pause = buildEvent('t-1', 'tech-1', {
      kind: 'status_change',
      body: '',
      fromValue: 'new',
      toValue: 'pending',
      occurredAt: at('2026-01-16', '12:30'),
    });
    const paused = computeSlaClocks({
      ticket,
      events: [pause],
      match: { policy, matchedOn: [] },
      calendar,
      now: at('2026-01-16', '13:00'),
    });
    expect(scheduleSlaActions(paused, policy, calendar)).toEqual([]);
  });
});
