// npx tsx test/bench/reports-bench.ts — the full reports dashboard (survey results by group/agent/category/month,
// incident metrics by group/category/priority/channel/month, category and caller trends week-over-week and
// month-over-month) over 100,000 tickets, ~400,000 events and 20,000 responses, computed as the client does it
// (shared/src/metrics, in Node here), on data generated with a seeded PRNG.
//   reports_*            the dashboard from the event index, which the client builds once per data load
//                        (target: p95 < 300 ms); 20 timed runs after 2 warm-ups.
//   event_index_*        building that index from the raw event documents; 20 runs after 2 warm-ups.
//   reports_with_index_* both, one after the other, as on the first open of the reports screen.
//   filtered_*           the supervisors' console after a filter change (one group, the last 90 days): a sub-index
//                        of the full index, then the filtered dashboard (shared/src/metrics/report-query.ts).
//   *_cold_ms            the very first run in a fresh process (no JIT warm-up).
//   problem_candidates_* candidate problems (shared/src/domain/problem-candidates.ts) over 100,000 incidents, all in
//                        the 30-day window (the worst case), N = 5: target < 1,000 ms; 5 runs after 1 warm-up.
//   known_error_search_* suggestions for an incident (title, description, category, CI) over 5,000 known errors
//                        (shared/src/domain/known-error-search.ts): target p95 < 20 ms over 200 incidents;
//                        known_error_typed_* the words an agent types; known_error_index_ms building the index.
//   problem_report_*     the problem report (shared/src/metrics/problem-report.ts) over those 100,000 incidents (40 %
//                        linked) and 5,000 problems with their history, unfiltered, by month, from the event index as
//                        the client holds it; 5 runs after 1 warm-up.
// Sizes can be changed: BENCH_TICKETS=20000 BENCH_RESPONSES=5000 BENCH_INCIDENTS=20000 BENCH_KNOWN_ERRORS=1000 npx tsx test/bench/reports-bench.ts
import { loadavg } from 'node:os';
import {
  computeFilteredDashboard,
  computeReportsDashboard,
  indexEventsByTicket,
  problemReport,
  type EventIndex,
  type ReportsDashboard,
} from '../../shared/src/metrics/index.js';
import { percentile, round, writeResults } from './lib/stats.js';
import { generateBenchData } from './reports/generate.js';
import { generateProblemBenchData, generateProblemReportData } from './reports/problems.js';
import { buildKnownErrorIndex, detectProblemCandidates, publishedKnownErrors } from '../../shared/src/index.js';

const ticketCount = Number(process.env.BENCH_TICKETS ?? 100_000);
const responseCount = Number(process.env.BENCH_RESPONSES ?? 20_000);
const WARM_UPS = 2;
const RUNS = 20;
const OFFSET_MINUTES = -300;

console.log(`generating ${ticketCount} tickets and ${responseCount} responses (seeded)...`);
const data = generateBenchData(ticketCount, responseCount);
console.log(`${data.tickets.length} tickets, ${data.events.length} events, ${data.responses.length} responses`);

const buildIndex = (): EventIndex => indexEventsByTicket(data.tickets, data.events);
const dashboardFrom = (index: EventIndex): ReportsDashboard =>
  computeReportsDashboard({
    tickets: data.tickets,
    events: index,
    surveys: data.surveys,
    responses: data.responses,
    asOf: data.asOf,
    offsetMinutes: OFFSET_MINUTES,
    sent: Math.round(data.responses.length / 0.3),
  });

/** Wall-clock milliseconds taken by `run`, and its result. */
function timed<T>(run: () => T): [number, T] {
  const start = performance.now();
  const result = run();
  return [performance.now() - start, result];
}

/** Wall-clock and process CPU milliseconds (user + system, GC threads included) of `RUNS` runs after warm-ups. */
function sample(run: () => unknown): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < WARM_UPS; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage();
    wall.push(timed(run)[0]);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const [coldIndexMs, index] = timed(buildIndex);
const [coldDashboardMs, dashboard] = timed(() => dashboardFrom(index));
const reports = sample(() => dashboardFrom(index));
const indexes = sample(buildIndex);
const both = sample(() => dashboardFrom(buildIndex()));
const someGroup = data.tickets[0].groupId;
const filter = { groupId: someGroup, from: data.asOf - 90 * 86_400_000 };
const filteredFrom = (): unknown =>
  computeFilteredDashboard(
    { index, surveys: data.surveys, responses: data.responses, now: data.asOf, offsetMinutes: OFFSET_MINUTES },
    filter,
  );
const filtered = sample(filteredFrom);

// Problem management (issue 19): detection and the known-error search, on data of their own (varied titles).
const incidentCount = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const knownErrorCount = Number(process.env.BENCH_KNOWN_ERRORS ?? 5_000);
const WINDOW_DAYS = 30;
console.log(`generating ${incidentCount} incidents and ${knownErrorCount} known errors (seeded)...`);
const problemData = generateProblemBenchData(incidentCount, knownErrorCount, WINDOW_DAYS);
const detect = () =>
  detectProblemCandidates(problemData.incidents, { now: problemData.now, windowMs: WINDOW_DAYS * 86_400_000, minIncidents: 5 });
const [coldCandidatesMs, candidates] = timed(detect);
const candidateRuns: number[] = [];
detect();
for (let i = 0; i < 5; i++) candidateRuns.push(timed(detect)[0]);
const [knownErrorIndexMs, knownErrorIndex] = timed(() => buildKnownErrorIndex(publishedKnownErrors(problemData.knownErrors)));
for (const incident of problemData.lookups.slice(0, 20)) knownErrorIndex.suggestFor(incident);
const suggestRuns = problemData.lookups.map((incident) => timed(() => knownErrorIndex.suggestFor(incident))[0]);
const typedRuns = problemData.typed.map((words) => timed(() => knownErrorIndex.search(words))[0]);
const suggestedSome = problemData.lookups.filter((incident) => knownErrorIndex.suggestFor(incident).length > 0).length;
console.log(
  `problems sanity: ${candidates.length} candidates (${candidates.filter((c) => c.trait.kind === 'text').length} by text, ` +
    `largest ${candidates[0]?.count ?? 0}), ${suggestedSome}/${problemData.lookups.length} incidents get known-error suggestions`,
);

// The problem report over the same incidents, linked to the known-error problems, with their history.
const problemReportData = generateProblemReportData(problemData);
const problemIndex = indexEventsByTicket(problemReportData.tickets, problemReportData.events);
const runProblemReport = () =>
  problemReport(
    { index: problemIndex, surveys: [], responses: [], now: problemData.now, offsetMinutes: OFFSET_MINUTES },
    { events: problemReportData.events },
    {},
    'month',
  );
const [coldProblemReportMs, problemFigures] = timed(runProblemReport);
runProblemReport();
const problemReportRuns = Array.from({ length: 5 }, () => timed(runProblemReport)[0]);
console.log(
  `problem report sanity: ${problemFigures.overall.problems} problems, ${problemFigures.overall.incidents} linked incidents, ` +
    `${problemFigures.overall.incidentsAvoided} avoided, ${problemFigures.overall.workaroundsApplied} workarounds applied, ` +
    `${problemFigures.recurringCategories.length} recurring categories, ${problemFigures.recurringCis.length} recurring CIs`,
);

const { overall } = dashboard.incidents;
const survey = dashboard.surveys.overall;
console.log(
  `sanity: backlog ${overall.backlog.count}, MTTR median ${round((overall.resolve.medianMs ?? 0) / 3_600_000, 1)} h, ` +
    `FCR ${round((overall.fcrRate ?? 0) * 100, 1)} %, reopen ${round((overall.reopenRate ?? 0) * 100, 1)} %, ` +
    `CSAT ${round(survey.csatPct ?? 0, 1)} %, NPS ${survey.nps}, CES ${round(survey.ces ?? 0, 2)}, ` +
    `${dashboard.incidents.byMonth.length} months, ${dashboard.trends.callers.weekly.length} caller series`,
);

const ms = (values: number[], q: number): number => round(percentile(values, q), 1);
writeResults(new URL('./results/reports.json', import.meta.url).pathname, {
  measured_at: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, Node ${process.version}`,
  load_average_1m: round(loadavg()[0], 2),
  tickets: data.tickets.length,
  events: data.events.length,
  responses: data.responses.length,
  runs: RUNS,
  warm_ups: WARM_UPS,
  reports_p50_ms: ms(reports.wall, 0.5),
  reports_p95_ms: ms(reports.wall, 0.95),
  reports_max_ms: round(Math.max(...reports.wall), 1),
  reports_cold_ms: round(coldDashboardMs, 1),
  // CPU time is less sensitive than wall time to other processes sharing the machine.
  reports_cpu_p50_ms: ms(reports.cpu, 0.5),
  reports_cpu_p95_ms: ms(reports.cpu, 0.95),
  event_index_p50_ms: ms(indexes.wall, 0.5),
  event_index_p95_ms: ms(indexes.wall, 0.95),
  event_index_cold_ms: round(coldIndexMs, 1),
  reports_with_index_p50_ms: ms(both.wall, 0.5),
  reports_with_index_p95_ms: ms(both.wall, 0.95),
  reports_with_index_cold_ms: round(coldIndexMs + coldDashboardMs, 1),
  filtered_group: someGroup,
  filtered_p50_ms: ms(filtered.wall, 0.5),
  filtered_p95_ms: ms(filtered.wall, 0.95),
  filtered_cpu_p50_ms: ms(filtered.cpu, 0.5),
  target_p95_ms: 300,
  incidents_for_candidates: problemData.incidents.length,
  candidates_found: candidates.length,
  problem_candidates_ms: ms(candidateRuns, 0.5),
  problem_candidates_max_ms: round(Math.max(...candidateRuns), 1),
  problem_candidates_cold_ms: round(coldCandidatesMs, 1),
  problem_candidates_target_ms: 1_000,
  known_errors: problemData.knownErrors.length,
  known_error_index_ms: round(knownErrorIndexMs, 1),
  known_error_search_p50_ms: round(percentile(suggestRuns, 0.5), 2),
  known_error_search_p95_ms: round(percentile(suggestRuns, 0.95), 2),
  known_error_typed_p95_ms: round(percentile(typedRuns, 0.95), 2),
  known_error_search_target_p95_ms: 20,
  problem_report_events: problemReportData.events.length,
  problem_report_ms: ms(problemReportRuns, 0.5),
  problem_report_max_ms: round(Math.max(...problemReportRuns), 1),
  problem_report_cold_ms: round(coldProblemReportMs, 1),
});
