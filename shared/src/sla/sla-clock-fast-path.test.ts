import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { referenceCalendarSpans } from '../testing/business-calendar-reference.js';
import { buildCalendar, buildSlaPolicy } from '../testing/build-sla.js';
import { referenceComputeSlaClocks } from '../testing/sla-clock-reference.js';
import {
  CALENDAR_TEMPLATES,
  CalendarSpanReader,
  withCalendarVersion,
  type BusinessCalendar,
  type CalendarSpan,
  type WorkingInterval,
} from './business-calendar.js';
import { computeSlaClocks } from './sla-clock.js';

// The clocks read calendar spans in place (CalendarSpanReader over each year's stored spans), build no object per
// interval and let the update clock reuse the resolution clock's segments: every answer must stay the one the
// straightforward implementation gives, on random tickets around Toronto's DST changes, holidays and exceptions.
const H = 3_600_000;
const D = 24 * H;
// Toronto's DST changes of 2025–2027 and New Year's Days (a year's stored spans end there), to cluster instants on.
const EDGES = [
  Date.UTC(2025, 2, 9, 7),
  Date.UTC(2025, 10, 2, 6),
  Date.UTC(2026, 0, 1, 5),
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
  Date.UTC(2027, 0, 1, 5),
  Date.UTC(2027, 2, 14, 7),
];
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
  fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: -3 * D, max: 3 * D })).map(([edge, jitter]) => edge + jitter),
);
const allDay: WorkingInterval[] = [{ start: 0, end: 1440 }];
const split: WorkingInterval[] = [
  { start: 0, end: 150 },
  { start: 480, end: 720 },
  { start: 780, end: 1440 },
];
const toronto = buildCalendar();
const calendars: BusinessCalendar[] = [
  ...CALENDAR_TEMPLATES,
  toronto,
  buildCalendar({
    weekHours: [[], allDay, split, allDay, split, allDay, []],
    exceptions: [
      { date: '2026-03-08', hours: [{ start: 60, end: 240 }], reason: 'DST night shift' },
      { date: '2026-12-31', hours: [], reason: 'Closed' },
    ],
  }),
  buildCalendar({ weekHours: Array.from({ length: 7 }, () => split), timeZone: 'America/St_Johns' }),
  // Two versions: the spans come from calendarSpans' day walk there.
  withCalendarVersion(toronto, {
    ...toronto.versions[0],
    effectiveFrom: Date.UTC(2026, 5, 1),
    weekHours: Array.from({ length: 7 }, () => allDay),
  }),
];

describe('SLA clock fast path equals the straightforward implementation', () => {
  it('property: a reused CalendarSpanReader reads exactly calendarSpans’ spans, also across years and versions', () => {
    const reader = new CalendarSpanReader();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...calendars), instant, fc.integer({ min: -H, max: 120 * D })), { maxLength: 4 }),
        (reads) => {
          for (const [calendar, from, length] of reads) {
            const spans: CalendarSpan[] = [];
            reader.read(calendar, from, from + length);
            while (reader.next()) {
              const { start, end, working, reason, label } = reader;
              spans.push(working ? { start, end, working } : { start, end, working, reason, label });
            }
            expect(spans).toEqual(referenceCalendarSpans(calendar, from, from + length));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  const statuses = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'unknown'];
  const eventArb = fc.record({
    offset: fc.integer({ min: -2 * D, max: 60 * D }),
    kind: fc.constantFrom('comment', 'status_change', 'assignment'),
    byCaller: fc.boolean(),
    to: fc.constantFrom(...statuses),
    body: fc.constantFrom('', 'Waiting for the caller'),
    otherTicket: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    receivedDelay: fc.option(fc.integer({ min: -D, max: 3 * D }), { nil: undefined }),
  });

  it('property: every clock, segment, warning and clamped event equals the reference', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        instant,
        fc.array(eventArb, { maxLength: 16 }),
        fc.integer({ min: -D, max: 90 * D }),
        fc.record({
          onReopen: fc.constantFrom('resume' as const, 'restart' as const),
          update: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 }), { nil: undefined }),
          percents: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 }),
          firstResponseMinutes: fc.integer({ min: 1, max: 5 * 24 * 60 }),
          resolutionMinutes: fc.integer({ min: 1, max: 30 * 24 * 60 }),
        }),
        (calendar, created, specs, nowOffset, p) => {
          const policy = buildSlaPolicy({
            onReopen: p.onReopen,
            firstResponseMinutes: p.firstResponseMinutes,
            resolutionMinutes: p.resolutionMinutes,
            ...(p.update === undefined ? {} : { updateIntervalMinutes: p.update }),
            thresholds: p.percents.map((percent) => ({ percent, actions: ['notify_assignee'] })),
          });
          const receivedAt = new Map<string, number>();
          const events = specs.map((s, i): TicketEvent => {
            const occurredAt = created + s.offset;
            if (s.receivedDelay !== undefined) receivedAt.set(`e${i}`, occurredAt + s.receivedDelay);
            return {
              id: `e${i}`,
              ticketId: s.otherTicket ? 'other' : 't1',
              kind: s.kind,
              authorId: s.byCaller ? 'caller' : 'tech',
              occurredAt,
              body: s.body,
              minutes: 0,
              fromValue: '',
              toValue: s.to,
            };
          });
          const input = {
            ticket: { id: 't1', createdAt: created, callerId: 'caller' },
            events,
            match: { policy, matchedOn: [] },
            calendar,
            now: created + nowOffset,
            receivedAt: receivedAt.size > 0 ? receivedAt : undefined,
          };
          expect(computeSlaClocks(input)).toStrictEqual(referenceComputeSlaClocks(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});
