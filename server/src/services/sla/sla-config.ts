import { checkSlaSetting, type BusinessCalendar, type SettingKind, type SlaPolicy } from '@shared';

/** An SLA setting as stored in the replicated `settings` collection. */
export interface StoredSlaSetting {
  id: string;
  kind: string;
  data: Record<string, unknown>;
}

/** The policies and calendars the server can use: only those that pass the shared checks. */
export interface SlaConfig {
  policies: readonly SlaPolicy[];
  calendars: ReadonlyMap<string, BusinessCalendar>;
}

// Content-addressed: the same stored settings give the same objects, so the calendar's day cache (keyed by the
// version object) stays warm from one push to the next. A few entries cover several databases in one process (tests).
const memo = new Map<string, SlaConfig>();
const MEMO_MAX = 8;

/** Rules newer than some stored settings that do not stop such a setting from applying. */
const STORED_TOLERATED = new Set(['sla.policy.reassign_group_required']);

/**
 * The usable SLA configuration from the stored settings. A setting that fails `checkSlaSetting` (stored before a rule
 * existed, or a policy whose calendar was deleted) is left out and logged, never thrown: a ticket it would have
 * matched simply has no SLA actions, and the write that triggered the computation goes through.
 */
export function slaConfigOf(
  settings: readonly StoredSlaSetting[],
  log: (message: string) => void = (message) => console.warn(`[sla] ${message}`),
): SlaConfig {
  const sorted = [...settings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = JSON.stringify(sorted);
  const hit = memo.get(key);
  if (hit) return hit;
  const problemsOf = (doc: StoredSlaSetting, calendarIds: readonly string[]): string[] =>
    checkSlaSetting({ id: doc.id, kind: doc.kind as SettingKind, data: doc.data }, calendarIds)
      // A policy stored before reassigning needed a group still applies; its reassign does nothing (no group).
      .filter((v) => !STORED_TOLERATED.has(v.code))
      .map((v) => `${v.field}: ${v.message}`);
  const calendars = new Map<string, BusinessCalendar>();
  for (const doc of sorted.filter((s) => s.kind === 'sla_calendar')) {
    const problems = problemsOf(doc, []);
    if (problems.length > 0) log(`calendar ${doc.id} is not used: ${problems.join(' ')}`);
    else calendars.set(doc.id, doc.data as unknown as BusinessCalendar);
  }
  const calendarIds = [...calendars.keys()];
  const policies: SlaPolicy[] = [];
  for (const doc of sorted.filter((s) => s.kind === 'sla_policy')) {
    const problems = problemsOf(doc, calendarIds);
    if (problems.length > 0) log(`policy ${doc.id} is not used: ${problems.join(' ')}`);
    else policies.push(doc.data as unknown as SlaPolicy);
  }
  const config: SlaConfig = { policies, calendars };
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
  memo.set(key, config);
  return config;
}
