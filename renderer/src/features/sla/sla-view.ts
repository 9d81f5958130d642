import type {
  BusinessCalendar,
  Language,
  SlaClock,
  SlaClockKind,
  SlaClockState,
  SlaCondition,
  SlaResult,
  SlaSegment,
  TicketEvent,
} from '@shared';

/** The translator the view model needs: i18next's `t` or any function with its shape. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the view model needs besides the clocks: language, translations, names, and the ticket's events. */
export interface SlaViewContext {
  t: Translate;
  lang: Language;
  /** Dates in this zone; the device's own when absent (tests pass one to be deterministic). */
  timeZone?: string;
  events: readonly TicketEvent[];
  /** Display name of a user, group or category id. */
  nameOf: (id: string) => string;
  /** Translated labels of domain values used in conditions and causes. */
  labels: {
    status: Record<string, string>;
    priority: Record<number, string>;
    type: Record<string, string>;
    pendingReason: Record<string, string>;
    eventKind: Record<string, string>;
  };
}

/** One stretch of a clock's compact timeline, merged and formatted. */
export interface SlaSegmentView {
  kind: SlaSegment['kind'];
  /** Translated kind ("Running", "Paused", "Outside business hours", …). */
  kindLabel: string;
  start: number;
  end: number;
  /** Share of the shown timeline, in percent (for the bar). */
  widthPercent: number;
  from: string;
  to: string;
  duration: string;
  /** Pending reason, holiday or exception name, as text. */
  detail?: string;
  /** The event that caused the change, described ("Status change: In progress → Pending, by Ana"). */
  cause?: string;
  causeEventId?: string;
}

/** One clock as the panel shows it. */
export interface SlaClockView {
  kind: SlaClockKind;
  title: string;
  state: SlaClockState;
  stateLabel: string;
  /** Mantine colour for the state; a running clock past 75 % of its target turns orange ("breaching soon"). */
  color: string;
  target: string;
  elapsed: string;
  /** Time left, or "overdue by …" once past the target. */
  remaining: string;
  remainingMs: number;
  percentUsed: number;
  dueAt?: number;
  due?: string;
  /** When a stopped clock stopped, or a breached one crossed its target. */
  stoppedAt?: string;
  breachedAt?: string;
  segments: SlaSegmentView[];
  /** Earlier segments left out of the compact timeline. */
  hiddenSegments: number;
}

/** The whole panel: the policy, why it applies, and every clock. */
export interface SlaPanelView {
  policyName: string;
  /** Each satisfied part of the policy's condition, translated, admin-entered values kept as text. */
  conditions: string[];
  calendarName: string;
  clocks: SlaClockView[];
  clampedEvents: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The compact timeline shows the latest stretches only; the full history is the ticket's own timeline. */
export const MAX_SEGMENTS = 8;

const OFF_HOURS = new Set<SlaSegment['kind']>(['outside_hours', 'holiday', 'exception']);

const localeOf = (lang: Language): string => (lang === 'fr' ? 'fr-CA' : 'en-CA');

/**
 * A business duration as hours and minutes ("37 h 05 min"), with seconds when under an hour so a close
 * countdown visibly moves. Numbers in the user's locale (a thin space groups thousands in French).
 */
export function formatDuration(ms: number, lang: Language): string {
  const abs = Math.abs(ms);
  const nf = new Intl.NumberFormat(localeOf(lang));
  const two = (n: number): string => String(n).padStart(2, '0');
  if (abs < HOUR) {
    const m = Math.floor(abs / MINUTE);
    const s = Math.floor((abs % MINUTE) / 1000);
    return m === 0 ? `${s} s` : `${m} min ${two(s)} s`;
  }
  const h = Math.floor(abs / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  return `${nf.format(h)} h ${two(m)} min`;
}

/** A target as written by the policy ("4 h", "15 min", "16 h 30 min"): whole minutes, no seconds. */
export function formatTarget(ms: number, lang: Language): string {
  const h = Math.floor(ms / HOUR);
  const m = Math.round((ms % HOUR) / MINUTE);
  const nf = new Intl.NumberFormat(localeOf(lang));
  if (h === 0) return `${m} min`;
  return m === 0 ? `${nf.format(h)} h` : `${nf.format(h)} h ${String(m).padStart(2, '0')} min`;
}

/** A date and time in the user's language, in their zone unless one is given. */
export function formatDateTime(ms: number, lang: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

/** The Mantine colour of a clock: green running, orange past 75 %, grey paused, teal met, red breached. */
export function clockColor(clock: Pick<SlaClock, 'state' | 'elapsedMs' | 'targetMs'>): string {
  if (clock.state === 'breached') return 'red';
  if (clock.state === 'met') return 'teal';
  if (clock.state === 'paused') return 'gray';
  return clock.elapsedMs >= clock.targetMs * 0.75 ? 'orange' : 'green';
}

/**
 * How often the panel must re-read its clocks: every second while a running clock has under an hour left (its
 * countdown shows seconds), otherwise once a minute; never when nothing runs.
 */
export function refreshInterval(result: Pick<SlaResult, 'clocks'> | undefined): number | undefined {
  const running = result?.clocks.filter((c) => c.state === 'running' || (c.state === 'breached' && !c.stoppedAt)) ?? [];
  if (running.length === 0) return undefined;
  return running.some((c) => Math.abs(c.remainingMs) < HOUR) ? 1000 : MINUTE;
}

/**
 * Adjacent stretches of the same kind and reason read as one, keeping the first one's cause: the calendar splits
 * them per day, and an event that changed nothing for the clock (an assignment while running) is not a change.
 */
function mergeSegments(segments: readonly SlaSegment[]): SlaSegment[] {
  const out: SlaSegment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === s.kind && prev.label === s.label && prev.end === s.start)
      out[out.length - 1] = { ...prev, end: s.end };
    else out.push({ ...s });
  }
  return out;
}

function segmentKindLabel(kind: SlaSegment['kind'], t: Translate): string {
  const labels: Record<SlaSegment['kind'], string> = {
    counted: t('sla.segment.counted'),
    paused: t('sla.segment.paused'),
    not_started: t('sla.segment.not_started'),
    stopped: t('sla.segment.stopped'),
    outside_hours: t('sla.segment.outside_hours'),
    holiday: t('sla.segment.holiday'),
    exception: t('sla.segment.exception'),
  };
  return labels[kind];
}

function describeEvent(event: TicketEvent, ctx: SlaViewContext): string {
  const kind = ctx.labels.eventKind[event.kind] ?? event.kind;
  const by = ctx.nameOf(event.authorId);
  if (event.kind === 'status_change') {
    const from = ctx.labels.status[event.fromValue] ?? event.fromValue;
    const to = ctx.labels.status[event.toValue] ?? event.toValue;
    return ctx.t('sla.cause.statusChange', { kind, from, to, by });
  }
  return ctx.t('sla.cause.other', { kind, by });
}

function segmentDetail(s: SlaSegment, ctx: SlaViewContext): string | undefined {
  if (!s.label) return undefined;
  // A pause's label is the pending reason code; a holiday's or exception's is its name, shown as written.
  return s.kind === 'paused' ? (ctx.labels.pendingReason[s.label] ?? s.label) : s.label;
}

function clockTitle(kind: SlaClockKind, t: Translate): string {
  const titles: Record<SlaClockKind, string> = {
    first_response: t('sla.clock.first_response'),
    resolution: t('sla.clock.resolution'),
    update: t('sla.clock.update'),
  };
  return titles[kind];
}

function stateLabel(state: SlaClockState, t: Translate): string {
  const labels: Record<SlaClockState, string> = {
    running: t('sla.state.running'),
    paused: t('sla.state.paused'),
    met: t('sla.state.met'),
    breached: t('sla.state.breached'),
  };
  return labels[state];
}

/** One clock, formatted, with its compact timeline. */
export function clockView(clock: SlaClock, ctx: SlaViewContext): SlaClockView {
  const { t, lang, timeZone } = ctx;
  const merged = mergeSegments(clock.segments);
  const shown = merged.slice(-MAX_SEGMENTS);
  const span = shown.reduce((sum, s) => sum + (s.end - s.start), 0) || 1;
  const eventsById = new Map(ctx.events.map((e) => [e.id, e]));
  const segments = shown.map((s): SlaSegmentView => {
    const event = s.causeEventId ? eventsById.get(s.causeEventId) : undefined;
    return {
      kind: s.kind,
      kindLabel: segmentKindLabel(s.kind, t),
      start: s.start,
      end: s.end,
      widthPercent: ((s.end - s.start) / span) * 100,
      from: formatDateTime(s.start, lang, timeZone),
      to: formatDateTime(s.end, lang, timeZone),
      duration: formatDuration(s.end - s.start, lang),
      detail: segmentDetail(s, ctx),
      // Off-hours stretches are the calendar's doing; the others name the event that changed the clock.
      cause: OFF_HOURS.has(s.kind)
        ? undefined
        : event
          ? describeEvent(event, ctx)
          : s.causeEventId
            ? undefined
            : t('sla.cause.created'),
      causeEventId: s.causeEventId,
    };
  });
  const overdue = clock.remainingMs < 0;
  return {
    kind: clock.kind,
    title: clockTitle(clock.kind, t),
    state: clock.state,
    stateLabel: stateLabel(clock.state, t),
    color: clockColor(clock),
    target: formatTarget(clock.targetMs, lang),
    elapsed: formatDuration(clock.elapsedMs, lang),
    remaining: overdue
      ? t('sla.overdueBy', { duration: formatDuration(clock.remainingMs, lang) })
      : formatDuration(clock.remainingMs, lang),
    remainingMs: clock.remainingMs,
    percentUsed: clock.targetMs > 0 ? (clock.elapsedMs / clock.targetMs) * 100 : 0,
    dueAt: clock.dueAt,
    due: clock.dueAt === undefined ? undefined : formatDateTime(clock.dueAt, lang, timeZone),
    stoppedAt: clock.stoppedAt === undefined ? undefined : formatDateTime(clock.stoppedAt, lang, timeZone),
    breachedAt: clock.breachedAt === undefined ? undefined : formatDateTime(clock.breachedAt, lang, timeZone),
    segments,
    hiddenSegments: merged.length - shown.length,
  };
}

/** The satisfied parts of the policy's condition in words; admin-entered values (items, organisations) stay text. */
export function conditionTexts(matchedOn: readonly string[], condition: SlaCondition, ctx: SlaViewContext): string[] {
  const { t, labels, nameOf } = ctx;
  const list = (values: readonly (string | number)[] | undefined, label: (v: string | number) => string): string =>
    (values ?? []).map(label).join(', ');
  const out: string[] = [];
  for (const key of matchedOn) {
    if (key === 'types')
      out.push(t('sla.condition.types', { values: list(condition.types, (v) => labels.type[v] ?? String(v)) }));
    else if (key === 'priorities')
      out.push(
        t('sla.condition.priorities', { values: list(condition.priorities, (v) => labels.priority[Number(v)] ?? String(v)) }),
      );
    else if (key === 'categoryIds')
      out.push(t('sla.condition.categories', { values: list(condition.categoryIds, (v) => nameOf(String(v))) }));
    else if (key === 'groupIds')
      out.push(t('sla.condition.groups', { values: list(condition.groupIds, (v) => nameOf(String(v))) }));
    else if (key === 'affectedItems') out.push(t('sla.condition.items', { values: list(condition.affectedItems, String) }));
    else if (key === 'callerOrgIds')
      out.push(t('sla.condition.orgs', { values: list(condition.callerOrgIds, (v) => nameOf(String(v))) }));
    else if (key === 'vip') out.push(condition.vip ? t('sla.condition.vip') : t('sla.condition.notVip'));
  }
  return out.length > 0 ? out : [t('sla.condition.any')];
}

/** Turns the shared clock function's answer into what the panel shows. */
export function slaPanelView(
  result: SlaResult,
  policy: { condition: SlaCondition },
  calendar: Pick<BusinessCalendar, 'name'>,
  ctx: SlaViewContext,
): SlaPanelView {
  return {
    policyName: result.policyName,
    conditions: conditionTexts(result.matchedOn, policy.condition, ctx),
    calendarName: calendar.name,
    clocks: result.clocks.map((c) => clockView(c, ctx)),
    clampedEvents: result.clampedEventIds.length,
  };
}

/** What a queue row shows of a ticket's SLA: its most urgent clock. */
export interface SlaQueueSummary {
  kind: SlaClockKind;
  state: SlaClockState;
  color: string;
  remainingMs: number;
}

/**
 * The clock a queue row shows: a breached one still open first, then the running one with the least time left,
 * then a paused one; a ticket whose clocks all stopped shows whether its resolution was met or breached.
 */
export function queueSlaSummary(result: Pick<SlaResult, 'clocks'>): SlaQueueSummary | undefined {
  const open = result.clocks.filter((c) => c.stoppedAt === undefined && c.state !== 'met');
  const byLeft = [...open].sort((a, b) => a.remainingMs - b.remainingMs);
  const pick =
    byLeft.find((c) => c.state === 'breached' || c.state === 'running') ??
    byLeft.find((c) => c.state === 'paused') ??
    result.clocks.find((c) => c.kind === 'resolution');
  if (!pick) return undefined;
  return { kind: pick.kind, state: pick.state, color: clockColor(pick), remainingMs: pick.remainingMs };
}
