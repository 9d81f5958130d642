import { describe, expect, it } from 'vitest';
import { buildEvent, buildTicket } from '../testing/build-records.js';
import {
  TRACKED_TICKET_FIELDS,
  fieldChangeBody,
  parseFieldChange,
  parseSlaAction,
  slaWarningReaches,
  slaActionBody,
  ticketFieldChanges,
} from './ticket-history.js';

describe('ticket history records', () => {
  it('finds every tracked field that changed, values as text, and nothing else', () => {
    const before = buildTicket({ title: 'Printer', impact: 2, callerName: undefined, resolutionNotes: '' });
    const after = { ...before, title: 'Printer on fire', impact: 1 as const, callerName: 'Ann', resolutionNotes: 'untracked' };
    expect(ticketFieldChanges(before, after)).toEqual([
      { field: 'title', from: 'Printer', to: 'Printer on fire' },
      { field: 'impact', from: '2', to: '1' },
      { field: 'callerName', from: '', to: 'Ann' },
    ]);
    expect(ticketFieldChanges(before, { ...before })).toEqual([]);
    // Linked configuration items: the list of ids, as one value.
    expect(ticketFieldChanges({ ...before, ciIds: [] }, { ...before, ciIds: ['ci-1', 'ci-2'] })).toEqual([
      { field: 'ciIds', from: '', to: 'ci-1,ci-2' },
    ]);
    // A change's phase move is history too: the change report reads when it got past its board.
    const change = buildTicket({ type: 'change', changePhase: 'awaiting_approval' });
    expect(ticketFieldChanges(change, { ...change, changePhase: 'scheduled' })).toEqual([
      { field: 'changePhase', from: 'awaiting_approval', to: 'scheduled' },
    ]);
    // So are a problem's phase moves and an incident's link: the problem report reads when each happened.
    const problem = buildTicket({ type: 'problem', problemPhase: 'root_cause_analysis' });
    expect(ticketFieldChanges(problem, { ...problem, problemPhase: 'known_error' })).toEqual([
      { field: 'problemPhase', from: 'root_cause_analysis', to: 'known_error' },
    ]);
    expect(ticketFieldChanges(before, { ...before, problemId: 'prb-1' })).toEqual([
      { field: 'problemId', from: '', to: 'prb-1' },
    ]);
  });

  it('keeps the beginning of a long text, so an entry stays far below the event body limit', () => {
    const before = buildTicket({ description: '' });
    const [change] = ticketFieldChanges(before, { ...before, description: 'x'.repeat(19_000) });
    expect(change.to).toHaveLength(500);
    expect(change.to.endsWith('…')).toBe(true);
    expect(fieldChangeBody(change).length).toBeLessThan(1_000);
  });

  it('reads back what it wrote, and nothing from other events or unreadable bodies', () => {
    for (const field of TRACKED_TICKET_FIELDS) {
      const change = { field, from: '<img src=x onerror=alert(1)>', to: '"quoted"\n' };
      expect(parseFieldChange({ kind: 'field_change', body: fieldChangeBody(change) })).toEqual(change);
    }
    expect(parseFieldChange({ kind: 'comment', body: fieldChangeBody({ field: 'title', from: '', to: 'x' }) })).toBeNull();
    expect(parseFieldChange({ kind: 'field_change', body: '{"field":"assigneeId","from":"","to":"u"}' })).toBeNull();
    expect(parseFieldChange({ kind: 'field_change', body: 'not json' })).toBeNull();
    const record = { clock: 'resolution', percent: 75, notified: 2 };
    expect(parseSlaAction({ ...buildEvent('t', 'system', { kind: 'sla_action' }), body: slaActionBody(record) })).toEqual(record);
    expect(parseSlaAction({ kind: 'sla_action', body: '{"clock":"resolution"}' })).toBeNull();
  });

  it('tells who an SLA warning reached, by address with case ignored, and no one for an old body without addresses', () => {
    const event = (record: object) => ({ kind: 'sla_action' as const, body: JSON.stringify(record) });
    const sent = event({ clock: 'resolution', percent: 75, notified: 2, to: ['Tina.Tech@example.gc.ca', 'lead@example.gc.ca'] });
    expect(slaWarningReaches(sent, 'tina.tech@example.gc.ca')).toBe(true);
    expect(slaWarningReaches(sent, 'tina@example.gc.ca')).toBe(false);
    expect(slaWarningReaches(sent, '')).toBe(false);
    expect(slaWarningReaches(event({ clock: 'resolution', percent: 75, notified: 1 }), 'tina.tech@example.gc.ca')).toBe(false);
    expect(slaWarningReaches({ kind: 'comment', body: sent.body }, 'tina.tech@example.gc.ca')).toBe(false);
  });
});
