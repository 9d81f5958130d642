import {
  CALENDAR_TEMPLATES,
  SLA_POLICY_TEMPLATES,
  zonedInstant,
  type BusinessCalendar,
  type Language,
  type SettingDocument,
  type Ticket,
  type TicketEvent,
} from '@shared';
import { buildEvent, buildTicket } from '@shared/testing/build-records.js';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import {
  formatDuration,
  queueSlaSummary,
  refreshInterval,
  slaPanelView,
  type SlaPanelView,
  type SlaViewContext,
} from './sla-view.js';
import { ticketSla } from './use-ticket-sla.js';
import { slaSettingsFrom } from './use-sla-settings.js';

const H = 3_600_000;
const M = 60_000;
const ZONE = 'America/Toronto';
const at = (date: string, hhmm: string): number =>
  zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), ZONE);

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: 'en',
  interpolation: { escapeValue: false },
});

function ctx(lang: Language, events: TicketEvent[]): SlaViewContext {
  const t = i18n.getFixedT(lang);
  const tr = (key: string, options?: Record<string, unknown>): string => t(key, options ?? {});
  return {
    t: tr,
    lang,
    timeZone: ZONE,
    events,
    nameOf: (id) => ({ 'usr-agent': 'Ana Agent' })[id] ?? id,
    labels: {
      status: Object.fromEntries(['new', 'assigned', 'in_progress', 'pending', 'resolved'].map((s) => [s, tr(`status.${s}`)])),
      priority: Object.fromEntries([1, 2, 3, 4, 5].map((p) => [p, tr(`priority.${p}`)])),
      type: { incident: tr('ticketType.incident'), request: tr('ticketType.request') },
      pendingReason: { customer: tr('pendingReason.customer'), vendor: tr('pendingReason.vendor') },
      eventKind: { status_change: tr('timeline.kind.status_change'), comment: tr('timeline.kind.comment') },
    },
  };
}

const settingDocs: SettingDocument[] = [
  ...CALENDAR_TEMPLATES.map((c) => ({ id: c.id, kind: 'sla_calendar' as const, data: { ...c }, updatedAt: 0, updatedBy: 'a' })),
  ...SLA_POLICY_TEMPLATES.map((p) => ({ id: p.id, kind: 'sla_policy' as const, data: { ...p }, updatedAt: 0, updatedBy: 'a' })),
];
const settings = slaSettingsFrom(settingDocs);

function view(ticket: Ticket, events: TicketEvent[], now: number, lang: Language = 'en'): SlaPanelView {
  const sla = ticketSla(ticket, events, settings, now);
  if (sla.status !== 'ok') throw new Error(`no clocks: ${sla.status}`);
  return slaPanelView(sla.result, sla.match.policy, sla.calendar, ctx(lang, events));
}

// A P1 incident opened on a Monday morning: Gold policy (24x7), responded to after 10 minutes.
const created = at('2026-12-07', '09:00');
const p1 = buildTicket({ id: 't-p1', impact: 1, urgency: 1, createdAt: created, callerId: 'usr-caller' });
const started = buildEvent(p1.id, 'usr-agent', {
  id: 'e-start',
  kind: 'status_change',
  fromValue: 'assigned',
  toValue: 'in_progress',
  body: '',
  occurredAt: created + 10 * M,
});

describe('the SLA panel view of a ticket', () => {
  it('shows a P1 incident under Gold with its countdown, due time and the condition that chose the policy', () => {
    const v = view(p1, [started], created + 90 * M);
    expect(v.policyName).toBe('Gold (priority 1–2, 24x7)');
    expect(v.conditions).toEqual(['priority is 1 – Critical, 2 – High']);
    const resolution = v.clocks.find((c) => c.kind === 'resolution')!;
    expect(resolution).toMatchObject({
      state: 'running',
      color: 'green',
      target: '4 h',
      elapsed: '1 h 30 min',
      remaining: '2 h 30 min',
    });
    expect(resolution.due).toBe('Dec 7, 2026, 1:00 p.m.');
    const response = v.clocks.find((c) => c.kind === 'first_response')!;
    expect(response).toMatchObject({ state: 'met', color: 'teal', elapsed: '10 min 00 s' });
    expect(response.due).toBeUndefined();
  });

  it('formats the same clock in Canadian French: words, time of day and numbers', () => {
    const v = view(p1, [started], created + 90 * M, 'fr');
    expect(v.conditions).toEqual(['la priorité est 1 – Critique, 2 – Élevée']);
    const resolution = v.clocks.find((c) => c.kind === 'resolution')!;
    expect(resolution.stateLabel).toBe('En cours');
    expect(resolution.due).toBe('7 déc. 2026, 13 h 00');
    expect(formatDuration(1234 * H, 'fr')).toMatch(/^1\s234 h 00 min$/u);
    expect(formatDuration(1234 * H, 'en')).toBe('1,234 h 00 min');
  });

  it('shows a pending-customer ticket as paused, with the pause, its reason and its cause in the timeline', () => {
    const pending = buildEvent(p1.id, 'usr-agent', {
      id: 'e-pending',
      kind: 'status_change',
      fromValue: 'in_progress',
      toValue: 'pending',
      body: 'customer',
      occurredAt: created + 60 * M,
    });
    const v = view(p1, [started, pending], created + 3 * H);
    const resolution = v.clocks.find((c) => c.kind === 'resolution')!;
    expect(resolution).toMatchObject({ state: 'paused', color: 'gray', elapsed: '1 h 00 min', remaining: '3 h 00 min' });
    expect(resolution.due).toBeUndefined();
    // Creation, then the start of work (no change for this clock: one stretch), then the pause.
    expect(resolution.segments.map((s) => s.kind)).toEqual(['counted', 'paused']);
    const pause = resolution.segments.at(-1)!;
    expect(pause).toMatchObject({ kindLabel: 'Paused', detail: 'Waiting for the customer', duration: '2 h 00 min' });
    expect(pause.cause).toBe('Status change: In progress → Pending, by Ana Agent');
    expect(resolution.segments[0].cause).toBe('Ticket created');
    const frPause = view(p1, [started, pending], created + 3 * H, 'fr')
      .clocks.find((c) => c.kind === 'resolution')!
      .segments.at(-1)!;
    expect(frPause).toMatchObject({ kindLabel: 'En pause', detail: 'En attente du client' });
    expect(frPause.cause).toBe('Changement de statut : En cours → En attente, par Ana Agent');
  });

  it('puts nights and weekends of a business-hours policy in the timeline, merged per stretch and without a cause', () => {
    // Priority 3 (Silver, Government of Canada hours): opened Friday 15:00, read Monday 09:30.
    const p3 = buildTicket({ id: 't-p3', impact: 2, urgency: 2, createdAt: at('2026-12-04', '15:00') });
    expect(p3.priority).toBe(3);
    const v = view(p3, [], at('2026-12-07', '09:30'));
    const resolution = v.clocks.find((c) => c.kind === 'resolution')!;
    expect(resolution.segments.map((s) => s.kind)).toEqual(['counted', 'outside_hours', 'counted']);
    expect(resolution.segments[1].cause).toBeUndefined();
    // Friday 15:00-16:00 and Monday 08:00-09:30.
    expect(resolution.elapsed).toBe('2 h 30 min');
    expect(v.calendarName).toBe('Government of Canada business hours');
  });

  it('says how far past its target a breached clock is, in both languages', () => {
    const late = created + 4 * H + 30 * M;
    const en = view(p1, [started], late).clocks.find((c) => c.kind === 'resolution')!;
    expect(en).toMatchObject({ state: 'breached', color: 'red', remaining: 'Overdue by 30 min 00 s' });
    expect(en.breachedAt).toBe('Dec 7, 2026, 1:00 p.m.');
    const frv = view(p1, [started], late, 'fr').clocks.find((c) => c.kind === 'resolution')!;
    expect(frv.remaining).toBe('En retard de 30 min 00 s');
  });

  it('turns orange past 75 % of the target ("breaching soon")', () => {
    const resolution = view(p1, [started], created + 3 * H + 10 * M).clocks.find((c) => c.kind === 'resolution')!;
    expect(resolution.color).toBe('orange');
  });
});

describe('the panel refresh rate', () => {
  it('ticks each second under an hour left, each minute otherwise, and not at all when every clock stopped', () => {
    const sla = (ticket: Ticket, now: number, events: TicketEvent[] = []) => {
      const s = ticketSla(ticket, events, settings, now);
      return s.status === 'ok' ? s.result : undefined;
    };
    // Silver, read on a Monday at 10:00: 2 h of 8 h update interval and of 16 h resolution used.
    const p3 = buildTicket({ impact: 2, urgency: 2, createdAt: at('2026-12-07', '08:00') });
    expect(refreshInterval(sla(p3, at('2026-12-07', '10:00')))).toBe(60_000);
    // Gold's 1-hour update interval: 10 minutes in, under an hour left; 30 minutes overdue still ticks each second.
    expect(refreshInterval(sla(p1, created + 10 * M))).toBe(1000);
    expect(refreshInterval(sla(p1, created + 90 * M, [started]))).toBe(1000);
    const resolved = buildEvent(p1.id, 'usr-agent', {
      kind: 'status_change',
      fromValue: 'in_progress',
      toValue: 'resolved',
      body: '',
      occurredAt: created + 2 * H,
    });
    expect(refreshInterval(sla(p1, created + 3 * H, [started, resolved]))).toBeUndefined();
  });
});

describe('the replicated settings a device uses', () => {
  it('leaves out a policy the shared rules refuse and keeps the valid ones', () => {
    const bad = { ...SLA_POLICY_TEMPLATES[0], id: 'sla-bad', resolutionMinutes: -5 };
    const s = slaSettingsFrom([
      ...settingDocs,
      { id: 'sla-bad', kind: 'sla_policy', data: { ...bad }, updatedAt: 0, updatedBy: 'a' },
    ]);
    expect(s.policies.map((p) => p.id)).toEqual(['sla-gold', 'sla-silver', 'sla-bronze']);
    expect([...s.calendars.keys()]).toContain('cal-goc');
  });

  it('says when no policy applies or its calendar is missing, instead of inventing a clock', () => {
    const onlyGold = {
      policies: settings.policies.filter((p) => p.id === 'sla-gold'),
      calendars: new Map<string, BusinessCalendar>(),
    };
    expect(ticketSla(buildTicket({ impact: 3, urgency: 3 }), [], onlyGold, created).status).toBe('no_policy');
    expect(ticketSla(p1, [], onlyGold, created).status).toBe('no_calendar');
  });
});

describe('the queue column', () => {
  const summary = (ticket: Ticket, events: TicketEvent[], now: number) => {
    const s = ticketSla(ticket, events, settings, now);
    return s.status === 'ok' ? queueSlaSummary(s.result) : undefined;
  };

  it('shows the most urgent open clock: the first response before the desk answers, then the soonest due', () => {
    expect(summary(p1, [], created + 5 * M)).toMatchObject({ kind: 'first_response', state: 'running', remainingMs: 10 * M });
    // Answered: the 1-hour update interval is now the closest running clock (50 min left), not the 4 h resolution.
    expect(summary(p1, [started], created + 10 * M)).toMatchObject({ kind: 'update', state: 'running', remainingMs: 50 * M });
  });

  it('shows a breached clock first, and a resolved ticket as met', () => {
    expect(summary(p1, [], created + 20 * M)).toMatchObject({ state: 'breached', color: 'red' });
    const resolved = buildEvent(p1.id, 'usr-agent', {
      kind: 'status_change',
      fromValue: 'in_progress',
      toValue: 'resolved',
      body: '',
      occurredAt: created + 2 * H,
    });
    expect(summary(p1, [started, resolved], created + 3 * H)).toMatchObject({ kind: 'resolution', state: 'met' });
  });
});
