/**
 * Survey results by group, agent, category (all through the ticket the response refers to; '' when that ticket
 * is unknown on this replica or the field is empty), by any key function, and by period of `submittedAt`.
 * Agent = the ticket's current assignee. By period, every period in [from, to) gets a row: a period without
 * responses has responses 0 and null CSAT, NPS and CES. `sent` maps a row key (or period key) to surveys sent.
 */
import { byKey, summarizeBy, type EncodedKeys, type KeyedRow } from './group-by.js';
import { summarizeByPeriod, type PeriodOptions, type PeriodRow } from './period-rows.js';
import { summarizeSurveys, type SurveyMetrics } from './survey-metrics.js';
import type { ScoredResponse } from './survey-scores.js';

/** Key functions for the usual response dimensions. */
export const RESPONSE_DIMENSIONS = {
  group: (s: ScoredResponse): string => s.ticket?.groupId ?? '',
  agent: (s: ScoredResponse): string => s.ticket?.assigneeId ?? '',
  category: (s: ScoredResponse): string => s.ticket?.categoryId ?? '',
  channel: (s: ScoredResponse): string => s.response.channel,
} as const;

/** Survey metrics per value of `key(response)`, rows sorted by key. */
export function surveyResultsBy(
  scored: readonly ScoredResponse[],
  key: (s: ScoredResponse) => string,
  sent?: ReadonlyMap<string, number>,
): KeyedRow<SurveyMetrics>[] {
  return summarizeBy(scored, key, (group, k) => summarizeSurveys(group, sent?.get(k)));
}

/** Survey metrics per period of submission in [from, to), empty periods included (a trend chart's series). */
export function surveyResultsByPeriod(
  scored: readonly ScoredResponse[],
  options: PeriodOptions,
  sent?: ReadonlyMap<string, number>,
): PeriodRow<SurveyMetrics>[] {
  return summarizeByPeriod(
    scored,
    (s) => s.response.submittedAt,
    options,
    (bucket, p) => summarizeSurveys(bucket, sent?.get(p.key)),
  );
}

/**
 * The same as surveyResultsBy with a ticket dimension already encoded for the tickets (e.g. by
 * encodeTicketDimensions): `ticketRows[i]` is the row of response i's ticket, -1 when unknown (key '').
 */
export function surveyResultsByTicketCodes(
  scored: readonly ScoredResponse[],
  ticketRows: Int32Array,
  encoded: EncodedKeys,
  sent?: ReadonlyMap<string, number>,
): KeyedRow<SurveyMetrics>[] {
  const blank = encoded.keys.indexOf('');
  const unknown = blank >= 0 ? blank : encoded.keys.length;
  const buckets = Array.from({ length: encoded.keys.length + 1 }, (): ScoredResponse[] => []);
  scored.forEach((s, i) => buckets[ticketRows[i] < 0 ? unknown : encoded.codes[ticketRows[i]]].push(s));
  const keys = [...encoded.keys, ''];
  const rows = buckets.flatMap((group, code) =>
    group.length === 0 ? [] : [{ key: keys[code], count: group.length, metrics: summarizeSurveys(group, sent?.get(keys[code])) }],
  );
  return rows.sort(byKey);
}
