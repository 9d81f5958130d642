/**
 * A hand-built data set for the metrics tests: 10 tickets with their events and 8 survey responses. Every expected
 * number in the tests is worked out by hand from this file (see the comments there), never by the code under test.
 *
 * Times are UTC, 2025-12 to 2026-02. asOf = 2026-02-15 00:00.
 *   t1  g1 c1 P3 phone   u1  created Jan 2 08:00  assigned +1h, resolved +5h, closed +3d       (FCR)
 *   t2  g1 c2 P2 email   u2  created Jan 3 10:00  assigned +2h, resolved +24h, REOPENED +2d, resolved +3d
 *   t3  g2 c1 P1 phone   u1  created Jan 5 09:00  assigned +30m, ESCALATED +1h, resolved +10h
 *   t4  g2 c2 P3 portal  u3  created Jan 10 12:00 assigned u1 +1h, REASSIGNED u1->u3 +5h, resolved +48h
 *   t5  g1 c1 P4 phone   u2  created Jan 20 08:00 assigned +4h, in progress +1d: STILL OPEN
 *   t6  g1 c3 P5 email   ''  created Jan 30 18:00 no events: new, never acknowledged
 *   t7  g2 c1 P3 phone   ''  created Jan 25 09:00 new->in_progress +2h, resolved Feb 3 09:00 (AFTER January's end)
 *   t8  g2 c2 P2 walk_in u3  created Feb 2 10:00  assigned +1h: open
 *   t9  g1 c1 P3 email   u1  created Jan 12 08:00 assigned +2h, resolved +6h, REOPENED Jan 28 08:00: open
 *   t10 g3 c3 P4 phone   ''  created Dec 15 09:00 no events, but status 'closed' updated Jan 8 00:00
 */
import type { Survey, SurveyResponse } from '../../schemas/survey.js';
import type { TicketEvent } from '../../schemas/ticket-event.js';
import type { Channel, Priority, Ticket, TicketStatus } from '../../schemas/ticket.js';

export const H = 3_600_000;
export const D = 24 * H;
/** 2026-month-day hour:minute UTC (month 0 is December 2025). */
export const at = (month: number, day: number, hour = 0, minute = 0): number => Date.UTC(2026, month - 1, day, hour, minute);
export const AS_OF = at(2, 15);

export interface Spec {
  id: string;
  groupId: string;
  categoryId: string;
  priority: Priority;
  channel: Channel;
  assigneeId: string;
  callerId: string;
  status: TicketStatus;
  createdAt: number;
  updatedAt?: number;
}

/** A complete ticket from the fields the reports read. */
export function ticket(s: Spec): Ticket {
  const updatedAt = s.updatedAt ?? s.createdAt;
  return {
    number: s.id.toUpperCase(),
    type: 'incident',
    title: `Ticket ${s.id}`,
    description: '',
    pendingReason: '',
    impact: 2,
    urgency: 2,
    priorityOverrideReason: '',
    security: false,
    resolutionCode: '',
    resolutionNotes: '',
    updatedBy: 'usr-agent',
    queueKey: Number.MAX_SAFE_INTEGER - updatedAt,
    ...s,
    updatedAt,
  };
}

let seq = 0;
function ev(ticketId: string, occurredAt: number, kind: TicketEvent['kind'], fromValue = '', toValue = ''): TicketEvent {
  return { id: `e${++seq}`, ticketId, kind, authorId: 'usr-agent', occurredAt, body: '', minutes: 0, fromValue, toValue };
}

const c = (id: string): number =>
  ({
    t1: at(1, 2, 8),
    t2: at(1, 3, 10),
    t3: at(1, 5, 9),
    t4: at(1, 10, 12),
    t5: at(1, 20, 8),
    t6: at(1, 30, 18),
    t7: at(1, 25, 9),
    t8: at(2, 2, 10),
    t9: at(1, 12, 8),
    t10: at(0, 15, 9),
  })[id] ?? NaN;

export const TICKETS: Ticket[] = [
  ticket({
    id: 't1',
    groupId: 'g1',
    categoryId: 'c1',
    priority: 3,
    channel: 'phone',
    assigneeId: 'u1',
    callerId: 'k1',
    status: 'closed',
    createdAt: c('t1'),
  }),
  ticket({
    id: 't2',
    groupId: 'g1',
    categoryId: 'c2',
    priority: 2,
    channel: 'email',
    assigneeId: 'u2',
    callerId: 'k2',
    status: 'resolved',
    createdAt: c('t2'),
  }),
  ticket({
    id: 't3',
    groupId: 'g2',
    categoryId: 'c1',
    priority: 1,
    channel: 'phone',
    assigneeId: 'u1',
    callerId: 'k1',
    status: 'resolved',
    createdAt: c('t3'),
  }),
  ticket({
    id: 't4',
    groupId: 'g2',
    categoryId: 'c2',
    priority: 3,
    channel: 'portal',
    assigneeId: 'u3',
    callerId: 'k3',
    status: 'resolved',
    createdAt: c('t4'),
  }),
  ticket({
    id: 't5',
    groupId: 'g1',
    categoryId: 'c1',
    priority: 4,
    channel: 'phone',
    assigneeId: 'u2',
    callerId: 'k1',
    status: 'in_progress',
    createdAt: c('t5'),
  }),
  ticket({
    id: 't6',
    groupId: 'g1',
    categoryId: 'c3',
    priority: 5,
    channel: 'email',
    assigneeId: '',
    callerId: 'k2',
    status: 'new',
    createdAt: c('t6'),
  }),
  ticket({
    id: 't7',
    groupId: 'g2',
    categoryId: 'c1',
    priority: 3,
    channel: 'phone',
    assigneeId: '',
    callerId: 'k1',
    status: 'resolved',
    createdAt: c('t7'),
  }),
  ticket({
    id: 't8',
    groupId: 'g2',
    categoryId: 'c2',
    priority: 2,
    channel: 'walk_in',
    assigneeId: 'u3',
    callerId: 'k3',
    status: 'assigned',
    createdAt: c('t8'),
  }),
  ticket({
    id: 't9',
    groupId: 'g1',
    categoryId: 'c1',
    priority: 3,
    channel: 'email',
    assigneeId: 'u1',
    callerId: 'k1',
    status: 'assigned',
    createdAt: c('t9'),
  }),
  ticket({
    id: 't10',
    groupId: 'g3',
    categoryId: 'c3',
    priority: 4,
    channel: 'phone',
    assigneeId: '',
    callerId: 'k2',
    status: 'closed',
    createdAt: c('t10'),
    updatedAt: at(1, 8),
  }),
];

const t3Events = [
  ev('t3', c('t3') + 0.5 * H, 'assignment', '', 'u1'),
  ev('t3', c('t3') + 0.5 * H, 'status_change', 'new', 'assigned'),
  ev('t3', c('t3') + 1 * H, 'escalation', 'g2', 'supervisor'),
  ev('t3', c('t3') + 2 * H, 'status_change', 'assigned', 'in_progress'),
  ev('t3', c('t3') + 10 * H, 'status_change', 'in_progress', 'resolved'),
];

export const EVENTS: TicketEvent[] = [
  ev('t1', c('t1') + 1 * H, 'assignment', '', 'u1'),
  ev('t1', c('t1') + 1 * H, 'status_change', 'new', 'assigned'),
  ev('t1', c('t1') + 2 * H, 'comment'),
  ev('t1', c('t1') + 2 * H, 'status_change', 'assigned', 'in_progress'),
  ev('t1', c('t1') + 5 * H, 'status_change', 'in_progress', 'resolved'),
  ev('t1', c('t1') + 3 * D, 'status_change', 'resolved', 'closed'),
  ev('t2', c('t2') + 2 * H, 'assignment', '', 'u2'),
  ev('t2', c('t2') + 2 * H, 'status_change', 'new', 'assigned'),
  ev('t2', c('t2') + 4 * H, 'status_change', 'assigned', 'in_progress'),
  ev('t2', c('t2') + 1 * D, 'status_change', 'in_progress', 'resolved'),
  ev('t2', c('t2') + 2 * D, 'status_change', 'resolved', 'in_progress'),
  ev('t2', c('t2') + 3 * D, 'status_change', 'in_progress', 'resolved'),
  // t3's events arrive out of order: the index must sort them.
  ...[...t3Events].reverse(),
  ev('t4', c('t4') + 1 * H, 'assignment', '', 'u1'),
  ev('t4', c('t4') + 1 * H, 'status_change', 'new', 'assigned'),
  ev('t4', c('t4') + 5 * H, 'assignment', 'u1', 'u3'),
  ev('t4', c('t4') + 6 * H, 'status_change', 'assigned', 'in_progress'),
  ev('t4', c('t4') + 48 * H, 'status_change', 'in_progress', 'resolved'),
  ev('t5', c('t5') + 4 * H, 'assignment', '', 'u2'),
  ev('t5', c('t5') + 4 * H, 'status_change', 'new', 'assigned'),
  ev('t5', c('t5') + 1 * D, 'status_change', 'assigned', 'in_progress'),
  ev('t5', c('t5') + 2 * D, 'worklog'),
  ev('t7', c('t7') + 2 * H, 'status_change', 'new', 'in_progress'),
  ev('t7', at(2, 3, 9), 'status_change', 'in_progress', 'resolved'),
  ev('t8', c('t8') + 1 * H, 'assignment', '', 'u3'),
  ev('t8', c('t8') + 1 * H, 'status_change', 'new', 'assigned'),
  ev('t9', c('t9') + 2 * H, 'assignment', '', 'u1'),
  ev('t9', c('t9') + 2 * H, 'status_change', 'new', 'assigned'),
  ev('t9', c('t9') + 6 * H, 'status_change', 'assigned', 'resolved'),
  ev('t9', at(1, 28, 8), 'status_change', 'resolved', 'assigned'),
  // An event of a ticket this replica does not have: ignored.
  ev('t-gone', at(1, 9), 'assignment', '', 'u1'),
];

const q = (id: string, type: Survey['questions'][number]['type']): Survey['questions'][number] => ({
  id,
  type,
  label: { en: id, fr: id },
  required: false,
  options: [],
});

export const SURVEYS: Survey[] = [
  {
    id: 's1',
    title: { en: 'S', fr: 'S' },
    version: 1,
    status: 'retired',
    updatedAt: 0,
    questions: [q('q-csat', 'csat'), q('q-nps', 'nps'), q('q-ces', 'ces'), q('q-text', 'text')],
  },
  {
    id: 's1',
    title: { en: 'S', fr: 'S' },
    version: 2,
    status: 'active',
    updatedAt: 0,
    questions: [q('q-csat', 'csat'), q('q-nps', 'nps'), q('q-ces', 'ces'), q('q-text', 'text')],
  },
];

function response(
  id: string,
  ticketId: string,
  submittedAt: number,
  answers: Record<string, number | string>,
  surveyVersion = 1,
): SurveyResponse {
  return {
    id,
    surveyId: 's1',
    surveyVersion,
    ticketId,
    respondentId: 'k',
    answers: Object.entries(answers).map(([questionId, value]) => ({ questionId, value })),
    submittedAt,
    channel: 'email',
  };
}

export const RESPONSES: SurveyResponse[] = [
  response('r1', 't1', at(1, 3, 10), { 'q-csat': 5, 'q-nps': 10, 'q-ces': 2, 'q-text': 'Très rapide, merci' }),
  response('r2', 't2', at(1, 7, 9), { 'q-csat': 2, 'q-nps': 3, 'q-ces': 6, 'q-text': 'Problème revenu, écran noir' }),
  response('r3', 't3', at(1, 6, 12), { 'q-csat': 4, 'q-nps': 8, 'q-ces': 3 }),
  response('r4', 't4', at(1, 14, 15), { 'q-csat': 3, 'q-nps': 6, 'q-ces': 5, 'q-text': 'Too many handoffs' }),
  // Version 7 does not exist: scored with the latest known version (2).
  response('r5', 't7', at(2, 4, 10), { 'q-csat': 5, 'q-nps': 9, 'q-text': '   ' }, 7),
  response('r6', 't9', at(1, 13, 8), { 'q-csat': 1, 'q-nps': 0, 'q-ces': 7, 'q-text': 'ECRAN toujours noir' }),
  // Invalid answers are ignored: NPS as a string, CES out of range.
  response('r7', 't1', at(1, 4, 11), { 'q-csat': 4, 'q-nps': 'abc', 'q-ces': 9 }),
  response('r8', 'tkt-missing', at(2, 5, 10), { 'q-csat': 5, 'q-nps': 10, 'q-ces': 1 }, 2),
];
