import { can, type Actor } from '@shared';
import {
  CHANGE_GROUP_BY,
  INCIDENT_GROUP_BY,
  PROBLEM_GROUP_BY,
  SLA_GROUP_BY,
  SURVEY_GROUP_BY,
  changeReport,
  incidentReport,
  problemReport,
  slaComplianceReport,
  surveyReport,
  type ChangeReport,
  type IncidentMetrics,
  type ProblemReport,
  type ReportResult,
  type SlaComplianceReport,
  type SurveyMetrics,
} from '@shared/metrics/index.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { forbidden } from '../../http/api-error.js';
import { authenticate } from '../../http/authenticate.js';
import {
  loadChangeReportData,
  loadProblemReportData,
  loadReportData,
  loadSlaReportData,
} from '../../services/reports/report-data.js';
import { parseReportQuery } from './schema.js';

async function supervisorOrAdmin(request: FastifyRequest, ctx: AppContext): Promise<Actor> {
  const actor = await authenticate(request, ctx);
  if (!can(actor, 'reports.read')) {
    throw forbidden('Reports are for supervisors and administrators.');
  }
  return actor;
}

/**
 * GET /api/reports/incidents, /surveys, /sla, /changes and /problems: the figures of the
 * supervisors' console, computed with the shared metrics module over the server's documents. Query: from, to,
 * groupBy, groupId, offsetMinutes. SLA clocks are read at the server's now.
 */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/reports/incidents', async (request): Promise<ReportResult<IncidentMetrics> & { groupBy: string | null }> => {
    await supervisorOrAdmin(request, ctx);
    const query = parseReportQuery(request.query, INCIDENT_GROUP_BY);
    const data = await loadReportData(ctx.db, Date.now(), query.offsetMinutes);
    return { groupBy: query.groupBy ?? null, ...incidentReport(data, query.filter, query.groupBy) };
  });

  app.get('/api/reports/surveys', async (request): Promise<ReportResult<SurveyMetrics> & { groupBy: string | null }> => {
    await supervisorOrAdmin(request, ctx);
    const query = parseReportQuery(request.query, SURVEY_GROUP_BY);
    const data = await loadReportData(ctx.db, Date.now(), query.offsetMinutes);
    return { groupBy: query.groupBy ?? null, ...surveyReport(data, query.filter, query.groupBy) };
  });

  app.get('/api/reports/sla', async (request): Promise<SlaComplianceReport & { groupBy: string | null }> => {
    await supervisorOrAdmin(request, ctx);
    const query = parseReportQuery(request.query, SLA_GROUP_BY);
    const { data, sla } = await loadSlaReportData(ctx.db, Date.now(), query.offsetMinutes);
    return { groupBy: query.groupBy ?? null, ...slaComplianceReport(data, sla, query.filter, query.groupBy) };
  });

  app.get('/api/reports/changes', async (request): Promise<ChangeReport & { groupBy: string | null }> => {
    await supervisorOrAdmin(request, ctx);
    const query = parseReportQuery(request.query, CHANGE_GROUP_BY);
    const { data, changes } = await loadChangeReportData(ctx.db, Date.now(), query.offsetMinutes);
    return { groupBy: query.groupBy ?? null, ...changeReport(data, changes, query.filter, query.groupBy) };
  });

  app.get('/api/reports/problems', async (request): Promise<ProblemReport & { groupBy: string | null }> => {
    await supervisorOrAdmin(request, ctx);
    const query = parseReportQuery(request.query, PROBLEM_GROUP_BY);
    const { data, problems } = await loadProblemReportData(ctx.db, Date.now(), query.offsetMinutes);
    return { groupBy: query.groupBy ?? null, ...problemReport(data, problems, query.filter, query.groupBy) };
  });
}
