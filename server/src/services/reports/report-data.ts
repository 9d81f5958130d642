import {
  buildCmdbGraph,
  vipCallerIdsOf,
  type ConfigItem,
  type DirectoryEntry,
  type Survey,
  type SurveyResponse,
  type Ticket,
  type TicketEvent,
} from '@shared';
import {
  indexEventsByTicket,
  type ChangeReportInput,
  type ProblemReportInput,
  type ReportData,
  type SlaReportInput,
} from '@shared/metrics/index.js';
import type { Database } from '../../db/database.js';
import { loadLiveDocuments } from '../../db/queries/reports.js';
import { loadSlaSettings } from '../../db/queries/sla-settings.js';
import { slaConfigOf } from '../sla/sla-config.js';

/**
 * The report inputs from the server's documents (tickets, events, surveys, responses; tombstones left out), read in
 * one transaction so they are a consistent snapshot. Reports see every ticket: only supervisors and admins ask.
 */
export async function loadReportData(db: Database, now: number, offsetMinutes: number): Promise<ReportData> {
  const { tickets, events, surveys, responses } = await db.transaction(async (tx) => ({
    tickets: await loadLiveDocuments<Ticket>(tx, 'tickets'),
    events: await loadLiveDocuments<TicketEvent>(tx, 'ticket_events'),
    surveys: await loadLiveDocuments<Survey>(tx, 'surveys'),
    responses: await loadLiveDocuments<SurveyResponse>(tx, 'survey_responses'),
  }));
  return { index: indexEventsByTicket(tickets, events), surveys, responses, now, offsetMinutes };
}

/**
 * The inputs of the SLA compliance report in one snapshot: tickets and events (no surveys: compliance reads none)
 * and the usable SLA settings, checked as the scheduler checks them (slaConfigOf: a bad setting is left out).
 */
export async function loadSlaReportData(
  db: Database,
  now: number,
  offsetMinutes: number,
): Promise<{ data: ReportData; sla: SlaReportInput }> {
  const { tickets, events, settings, directory } = await db.transaction(async (tx) => ({
    tickets: await loadLiveDocuments<Ticket>(tx, 'tickets'),
    events: await loadLiveDocuments<TicketEvent>(tx, 'ticket_events'),
    settings: await loadSlaSettings(tx),
    directory: await loadLiveDocuments<DirectoryEntry>(tx, 'directory'),
  }));
  const config = slaConfigOf(settings);
  return {
    data: { index: indexEventsByTicket(tickets, events), surveys: [], responses: [], now, offsetMinutes },
    sla: {
      policies: config.policies,
      calendars: config.calendars,
      events,
      vipCallerIds: vipCallerIdsOf(directory),
    },
  };
}

/**
 * The inputs of the change report in one snapshot: tickets and events (changes, the incidents naming them, the phase
 * history) and every live CI, for the services a change impacts and the collisions through dependencies.
 */
export async function loadChangeReportData(
  db: Database,
  now: number,
  offsetMinutes: number,
): Promise<{ data: ReportData; changes: ChangeReportInput }> {
  const { tickets, events, cis } = await db.transaction(async (tx) => ({
    tickets: await loadLiveDocuments<Ticket>(tx, 'tickets'),
    events: await loadLiveDocuments<TicketEvent>(tx, 'ticket_events'),
    cis: await loadLiveDocuments<ConfigItem>(tx, 'config_items'),
  }));
  return {
    data: { index: indexEventsByTicket(tickets, events), surveys: [], responses: [], now, offsetMinutes },
    changes: { events, graph: buildCmdbGraph(cis) },
  };
}

/**
 * The inputs of the problem report in one snapshot: tickets (problems and the incidents linked to them) and events
 * (phase moves, links, status changes and the recorded workaround applications).
 */
export async function loadProblemReportData(
  db: Database,
  now: number,
  offsetMinutes: number,
): Promise<{ data: ReportData; problems: ProblemReportInput }> {
  const { tickets, events } = await db.transaction(async (tx) => ({
    tickets: await loadLiveDocuments<Ticket>(tx, 'tickets'),
    events: await loadLiveDocuments<TicketEvent>(tx, 'ticket_events'),
  }));
  return {
    data: { index: indexEventsByTicket(tickets, events), surveys: [], responses: [], now, offsetMinutes },
    problems: { events },
  };
}
