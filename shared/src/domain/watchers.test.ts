import { describe, expect, it } from 'vitest';
import { STAKEHOLDER_UPDATE } from './major-incident.js';
import { watcherChange, watcherEventValues } from './watchers.js';

describe('watcher events', () => {
  it('reads back who started or stopped watching, and nothing from a stakeholder update', () => {
    expect(watcherChange({ kind: 'communication', ...watcherEventValues('usr-7', true) })).toEqual({
      userId: 'usr-7',
      watching: true,
    });
    expect(watcherChange({ kind: 'communication', ...watcherEventValues('usr-7', false) })).toEqual({
      userId: 'usr-7',
      watching: false,
    });
    expect(watcherChange({ kind: 'communication', fromValue: '', toValue: STAKEHOLDER_UPDATE })).toBeNull();
    expect(watcherChange({ kind: 'comment', ...watcherEventValues('usr-7', true) })).toBeNull();
  });
});
