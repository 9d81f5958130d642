// Seeded synthetic data for the reports benchmark: tickets with consistent event histories and survey responses.
import type { Survey, SurveyResponse, Ticket, TicketEvent, TicketStatus } from '../../../shared/src/index.js';
import { buildTicket } from '../../../shared/src/testing/build-records.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface BenchData {
  tickets: Ticket[];
  events: TicketEvent[];
  surveys: Survey[];
  responses: SurveyResponse[];
  asOf: number;
}

const GROUPS = ['grp-service-desk', 'grp-field', 'grp-network', 'grp-apps', 'grp-security'];
const CHANNELS = ['phone', 'email', 'portal', 'walk_in', 'field'] as const;
const REMARKS = ['Quick and friendly, thanks!', 'Merci, service très rapide.', 'It took two calls.', 'Écran toujours noir.'];

const SURVEY: Survey = {
  id: 'srv-csat',
  title: { en: 'How did we do?', fr: 'Comment avons-nous fait?' },
  version: 1,
  status: 'active',
  updatedAt: 0,
  questions: (['csat', 'nps', 'ces', 'text'] as const).map((type) => ({
    id: `q-${type}`,
    type,
    required: false,
    options: [],
    label: { en: type, fr: type },
  })),
};

/** Generates `ticketCount` tickets over 180 days (about 4 events each) and `responseCount` responses. */
export function generateBenchData(ticketCount: number, responseCount: number, seed = 42): BenchData {
  const rnd = prng(seed);
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const asOf = Date.UTC(2026, 10, 1);
  const tickets: Ticket[] = [];
  const events: TicketEvent[] = [];
  const resolvedTickets: Ticket[] = [];
  for (let i = 0; i < ticketCount; i++) {
    const id = `tkt-${i}`;
    const createdAt = asOf - int(1, 180 * DAY);
    const groupId = pick(GROUPS);
    let seq = 0;
    let t = createdAt;
    const add = (kind: TicketEvent['kind'], fromValue = '', toValue = '', minutes = 0): void => {
      t = Math.min(asOf - 1, t + int(1, 36 * HOUR));
      events.push({
        id: `evt-${i}-${seq++}`,
        ticketId: id,
        kind,
        authorId: 'usr-a',
        occurredAt: t,
        body: '',
        minutes,
        fromValue,
        toValue,
      });
    };
    let status = 'new' as TicketStatus;
    const move = (to: TicketStatus): void => {
      add('status_change', status, to);
      status = to;
    };
    let assignee = '';
    if (rnd() < 0.9) {
      assignee = `usr-${groupId}-${int(0, 11)}`;
      add('assignment', '', assignee);
      move('assigned');
      if (rnd() < 0.15) {
        const next = `usr-${groupId}-${int(0, 11)}`;
        add('assignment', assignee, next);
        assignee = next;
      }
      if (rnd() < 0.08) add('escalation', groupId, 'supervisor');
      if (rnd() < 0.8) move('in_progress');
      if (rnd() < 0.3) add(rnd() < 0.5 ? 'comment' : 'worklog', '', '', 15);
      if (status === 'in_progress' && rnd() < 0.75) {
        move('resolved');
        if (rnd() < 0.06) {
          move('in_progress');
          move('resolved');
        }
        if (rnd() < 0.5) move('closed');
      }
    }
    const impact = int(1, 3) as 1 | 2 | 3;
    const urgency = int(1, 3) as 1 | 2 | 3;
    const ticket: Ticket = buildTicket({
      id,
      number: `INC${String(i).padStart(7, '0')}`,
      type: 'incident',
      title: 'Generated',
      description: '',
      status,
      impact,
      urgency,
      categoryId: `cat-${int(0, 19)}`,
      groupId,
      assigneeId: assignee,
      callerId: `usr-caller-${Math.floor(rnd() * rnd() * 5000)}`,
      channel: pick(CHANNELS),
      resolutionCode: status === 'resolved' || status === 'closed' ? 'fixed' : '',
      resolutionNotes: '',
      createdAt,
      updatedAt: t,
      updatedBy: 'usr-a',
    });
    tickets.push(ticket);
    if (status === 'resolved' || status === 'closed') resolvedTickets.push(ticket);
  }
  const responses: SurveyResponse[] = [];
  for (let i = 0; i < responseCount; i++) {
    const ticket = pick(resolvedTickets);
    const answers: SurveyResponse['answers'] = [
      { questionId: 'q-csat', value: int(1, 5) },
      { questionId: 'q-nps', value: int(0, 10) },
      { questionId: 'q-ces', value: int(1, 7) },
    ];
    if (rnd() < 0.4) answers.push({ questionId: 'q-text', value: pick(REMARKS) });
    const submittedAt = Math.min(asOf - 1, ticket.updatedAt + int(1, 72) * HOUR);
    responses.push({
      id: `rsp-${i}`,
      surveyId: SURVEY.id,
      surveyVersion: 1,
      ticketId: ticket.id,
      respondentId: ticket.callerId,
      answers,
      submittedAt,
      channel: 'email',
    });
  }
  // The client reads events in primary-key order, not per ticket by time: shuffle so the index does real work.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [events[i], events[j]] = [events[j], events[i]];
  }
  // Documents read from IndexedDB are structured clones: fresh objects and strings, as here (no shared strings).
  return structuredClone({ tickets, events, surveys: [SURVEY], responses, asOf });
}
