import type { ErrorDetail } from '@shared';
import type { ReportFilter } from '@shared/metrics/index.js';
import { badRequest } from '../../http/api-error.js';

/** The parsed query of a report request. */
export interface ReportQuery<G extends string> {
  filter: ReportFilter;
  groupBy?: G;
  offsetMinutes: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const KNOWN = ['from', 'to', 'groupBy', 'groupId', 'offsetMinutes'];

function instant(name: string, raw: unknown, details: ErrorDetail[]): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const text = typeof raw === 'string' ? raw : '';
  const t = DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : DATE_TIME.test(text) ? Date.parse(text) : NaN;
  if (Number.isFinite(t)) return t;
  details.push({
    field: name,
    message: `Expected an ISO date (2026-01-31) or date-time with zone (2026-01-31T08:00:00Z), got "${text || JSON.stringify(raw)}".`,
  });
  return undefined;
}

/**
 * Reads from, to (ISO dates or date-times; date = midnight UTC; `to` exclusive), groupBy (one of `allowed`), groupId
 * and offsetMinutes (the zone of day/week/month periods, -1080..1080, default 0). Throws one 400 naming every problem.
 */
export function parseReportQuery<G extends string>(query: unknown, allowed: readonly G[]): ReportQuery<G> {
  const q = (query ?? {}) as Record<string, unknown>;
  const details: ErrorDetail[] = [];
  for (const key of Object.keys(q)) {
    if (!KNOWN.includes(key)) details.push({ field: key, message: `Unknown parameter; use ${KNOWN.join(', ')}.` });
    else if (typeof q[key] !== 'string') details.push({ field: key, message: 'Give this parameter once.' });
  }
  const from = instant('from', q.from, details);
  const to = instant('to', q.to, details);
  if (from !== undefined && to !== undefined && to <= from) details.push({ field: 'to', message: '"to" must be after "from".' });
  let groupBy: G | undefined;
  if (q.groupBy !== undefined && q.groupBy !== '') {
    if ((allowed as readonly unknown[]).includes(q.groupBy)) groupBy = q.groupBy as G;
    else details.push({ field: 'groupBy', message: `Expected one of ${allowed.join(', ')}, got ${JSON.stringify(q.groupBy)}.` });
  }
  const groupId = typeof q.groupId === 'string' && q.groupId !== '' ? q.groupId : undefined;
  if (groupId !== undefined && groupId.length > 100) details.push({ field: 'groupId', message: 'At most 100 characters.' });
  let offsetMinutes = 0;
  if (q.offsetMinutes !== undefined && q.offsetMinutes !== '') {
    offsetMinutes = typeof q.offsetMinutes === 'string' && /^-?\d{1,4}$/.test(q.offsetMinutes) ? Number(q.offsetMinutes) : NaN;
    if (!(Math.abs(offsetMinutes) <= 1080))
      details.push({ field: 'offsetMinutes', message: 'Expected whole minutes from -1080 to 1080 (e.g. -300 for UTC-5).' });
  }
  if (details.length > 0) {
    const first = details[0];
    throw badRequest(`The report query is invalid (parameter "${first.field}"): ${first.message}`, details);
  }
  return { filter: { from, to, groupId }, groupBy, offsetMinutes };
}
