import { WORKAROUND_APPLIED } from '../domain/problem-lifecycle.js';
import { fieldChangeBody, type TrackedTicketField } from '../domain/ticket-history.js';
import type { KnownError, Ticket } from '../schemas/ticket.js';
import type { TicketEvent } from '../schemas/ticket-event.js';
import { buildEvent, buildTicket } from './build-records.js';

let counter = 0;

/** A bilingual known error, complete as the known-error phase requires; override any part. */
export function buildKnownError(overrides: Partial<KnownError> = {}): KnownError {
  return {
    symptoms: { en: 'Printing stalls after a few pages.', fr: "L'impression se bloque après quelques pages." },
    cause: { en: 'The spooler runs out of memory.', fr: 'Le spouleur manque de mémoire.' },
    workaround: { en: 'Restart the spooler.', fr: 'Redémarrer le spouleur.' },
    ...overrides,
  };
}

/**
 * A problem in root-cause analysis, held by the problem manager of grp-apps; override fields to shape it (a later
 * phase needs what it requires: a known error, a root cause, a resolution).
 */
export function buildProblem(overrides: Partial<Ticket> = {}): Ticket {
  return buildTicket({
    type: 'problem',
    number: `PRB${String(1_000_000 + (counter++ % 999_999)).padStart(7, '0')}`,
    title: 'Printers keep jamming',
    description: 'Many jam reports from floor 2.',
    status: 'in_progress',
    assigneeId: 'usr-pm',
    groupId: 'grp-apps',
    problemPhase: 'root_cause_analysis',
    ...overrides,
  });
}

/** The history entry of a tracked field's change on a ticket (a problem's phase move, an incident's link). */
export function buildFieldChangeEvent(
  ticketId: string,
  field: TrackedTicketField,
  from: string,
  to: string,
  overrides: Partial<TicketEvent> = {},
): TicketEvent {
  return buildEvent(ticketId, 'usr-pm', { kind: 'field_change', body: fieldChangeBody({ field, from, to }), ...overrides });
}

/** The comment that records a problem's workaround applied from an incident, as the desk writes it. */
export function buildWorkaroundApplied(
  incidentId: string,
  problem: Pick<Ticket, 'id' | 'number'>,
  overrides: Partial<TicketEvent> = {},
): TicketEvent {
  return buildEvent(incidentId, 'usr-agent', {
    body: `${problem.number}: Restart the spooler.`,
    fromValue: WORKAROUND_APPLIED,
    toValue: problem.id,
    ...overrides,
  });
}
