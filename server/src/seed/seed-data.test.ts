import {
  countRatings,
  dayOf,
  isReviewDue,
  DEFAULT_CHANGE_SETTINGS,
  approvalState,
  buildChangeCalendar,
  buildCmdbGraph,
  calendarEntryOf,
  changeCollisions,
  changeWindowsOf,
  checkChangeSetting,
  suggestCausingChanges,
  changeBoardsOf,
  standardTemplateViolations,
  canTransition,
  checkSlaSetting,
  checkTicketRules,
  matchSlaPolicy,
  validateCi,
  type DirectoryEntry,
  type SlaPolicy,
  type TicketStatus,
} from '@shared';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../services/sync/document-validation.js';
import { demoConfigItems, seedHistory } from './cmdb-data.js';
import { demoChangeManagement } from './change-data.js';
import { directoryEntries, usersOf, DEMO_USERS } from './directory-data.js';
import { TOPIC_CONTENT } from './kb-content.js';
import { KB_TOPICS, makeArticle } from './kb-data.js';
import { Random } from './random.js';
import { slaSettings } from './sla-data.js';
import { makeResponse, makeSurvey } from './survey-data.js';
import { makeEvents, makeTicket } from './ticket-data.js';

const NOW = 1_790_000_000_000;
const valid = (collection: Parameters<typeof validateDocument>[0], doc: object): void => {
  expect(validateDocument(collection, { ...doc, _deleted: false }, 0)).toEqual([]);
};

describe('seed data', () => {
  const directory = directoryEntries(NOW);
  const { all: users, byGroup } = usersOf(directory);
  const ctx = { rng: new Random(1), now: NOW, users, byGroup };
  const tickets = Array.from({ length: 1500 }, (_, i) => makeTicket(ctx, i));

  it('has the demo users in every role and the groups, problem and change managers and both CABs among them', () => {
    const byId = new Map<string, DirectoryEntry>(directory.map((e) => [e.id, e]));
    expect(byId.get(DEMO_USERS.agent.id)).toMatchObject({
      role: 'agent',
      groupIds: ['grp-service-desk'],
      email: 'agent@example.org',
    });
    expect(byId.get(DEMO_USERS.technician.id)).toMatchObject({ role: 'technician', groupIds: ['grp-field'] });
    expect(byId.get(DEMO_USERS.supervisor.id)?.role).toBe('supervisor');
    expect(byId.get(DEMO_USERS.admin.id)?.role).toBe('admin');
    expect(users.length).toBeGreaterThanOrEqual(24);
    expect(
      directory
        .filter((e) => e.kind === 'group')
        .map((e) => e.id)
        .sort(),
    ).toEqual([
      'grp-apps',
      'grp-cab',
      'grp-change-managers',
      'grp-ecab',
      'grp-field',
      'grp-network',
      'grp-problem-managers',
      'grp-security',
      'grp-service-desk',
    ]);
    // The change settings' boards have members who can approve (people who are not everyone's requester).
    const members = (groupId: string) => users.filter((u) => u.groupIds.includes(groupId)).length;
    expect(members(DEFAULT_CHANGE_SETTINGS.cabGroupId)).toBeGreaterThanOrEqual(3);
    expect(members(DEFAULT_CHANGE_SETTINGS.emergencyCabGroupId)).toBeGreaterThanOrEqual(2);
    for (const entry of directory) valid('directory', entry);
    expect(new Set(directory.map((e) => e.id)).size).toBe(directory.length);
  });

  it('builds a category tree whose parents exist and that routes to known groups', () => {
    const ids = new Set(directory.map((e) => e.id));
    for (const category of directory.filter((e) => e.kind === 'category')) {
      if (category.parentId) expect(ids.has(category.parentId)).toBe(true);
      expect(ids.has(category.groupId)).toBe(true);
      expect(category.nameFr).not.toBe('');
    }
  });

  it('generates tickets that pass the schema and every domain rule', () => {
    for (const ticket of tickets) {
      valid('tickets', ticket);
      expect(checkTicketRules(ticket)).toEqual([]);
      expect(ticket.number).toMatch(/^(INC|REQ)\d{7}$/);
    }
    expect(tickets[0].number).toBe(tickets[0].type === 'incident' ? 'INC0001001' : 'REQ0001001');
    expect(new Set(tickets.map((t) => t.number)).size).toBe(tickets.length);
  });

  it('covers both types, every status, the technician and a few security tickets', () => {
    expect(new Set(tickets.map((t) => t.type))).toEqual(new Set(['incident', 'request']));
    expect(new Set(tickets.map((t) => t.status)).size).toBe(6);
    expect(tickets.filter((t) => t.assigneeId === 'usr-tech' || t.groupId === 'grp-field').length).toBeGreaterThan(150);
    const security = tickets.filter((t) => t.security);
    expect(security.length).toBeGreaterThan(10);
    expect(security.every((t) => t.groupId === 'grp-security' && t.assigneeId !== 'usr-tech')).toBe(true);
    expect(tickets.some((t) => /[éèàç]/.test(t.title))).toBe(true);
  });

  it('generates 0-5 valid events per ticket', () => {
    for (const ticket of tickets.slice(0, 300)) {
      const events = makeEvents(ctx, ticket);
      expect(events.length).toBeLessThanOrEqual(5);
      for (const event of events) {
        valid('ticket_events', event);
        expect(event.ticketId).toBe(ticket.id);
        expect(event.occurredAt).toBeGreaterThanOrEqual(ticket.createdAt);
        if (event.kind === 'status_change')
          expect(canTransition(event.fromValue as TicketStatus, event.toValue as TicketStatus)).toBe(true);
        if (event.kind === 'worklog') expect(event.minutes).toBeGreaterThan(0);
      }
    }
  });

  it('generates distinct, valid bilingual articles, survey and responses', () => {
    const rng = new Random(2);
    const articles = Array.from({ length: 450 }, (_, i) => makeArticle(rng, i, NOW));
    for (const article of articles) valid('kb_articles', article);
    expect(new Set(articles.map((a) => a.title.en)).size).toBe(articles.length);
    expect(articles[0].body.fr).toContain('## Étapes');
    // Real steps, the same count in both languages, not placeholders.
    expect(TOPIC_CONTENT).toHaveLength(KB_TOPICS.length);
    for (const a of articles) {
      const steps = (text: string) => text.split('\n').filter((l) => /^\d+\. /.test(l));
      expect(steps(a.body.en).length).toBe(steps(a.body.fr).length);
      expect(steps(a.body.en).length).toBeGreaterThanOrEqual(3);
      expect(a.body.en).not.toMatch(/Step \d|on-screen instructions/);
    }
    // Published articles carry a review date, a few of them overdue, and ratings counted once per person.
    const published = articles.filter((a) => a.status === 'published');
    const due = published.filter((a) => isReviewDue(a, NOW)).length;
    expect(published.every((a) => a.reviewBy !== undefined && a.reviewBy > dayOf(a.updatedAt))).toBe(true);
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(published.length / 4);
    expect(published.some((a) => countRatings(a.ratings).helpful > 0)).toBe(true);
    expect(articles[0].body.en).toContain('Forgot password');
    expect(articles[0].body.fr).toContain('phrase de passe');
    const survey = makeSurvey(NOW);
    valid('surveys', survey);
    expect(survey.questions.map((q) => q.type)).toEqual(['csat', 'nps', 'ces', 'text']);
    valid('survey_responses', makeResponse(rng, tickets[0], NOW));
  });

  it('has demo CIs valid for their class, whose edges reach existing CIs and groups, each with its creation history', () => {
    const cis = demoConfigItems(NOW);
    const ids = new Set(cis.map((ci) => ci.id));
    const groupIds = new Set(directory.filter((e) => e.kind === 'group').map((e) => e.id));
    for (const { deleted: _deleted, ...ci } of cis) {
      valid('config_items', ci);
      expect(validateCi({ ...ci, deleted: false }), ci.id).toEqual([]);
      for (const edge of ci.relations)
        expect(edge.targetKind === 'ci' ? ids.has(edge.targetId) : groupIds.has(edge.targetId)).toBe(true);
      if (ci.locationId) expect(ids.has(ci.locationId)).toBe(true);
      valid('ci_history', seedHistory({ ...ci, deleted: false }));
    }
    // The chain business service -> application -> server -> site is there.
    expect(cis.map((ci) => ci.ciClass)).toEqual(
      expect.arrayContaining(['business_service', 'application', 'server_physical', 'location_site']),
    );
  });

  it('seeds the SLA templates as valid settings, the same for the same clock, so every demo ticket has a policy', () => {
    const settings = slaSettings(NOW);
    expect(slaSettings(NOW)).toEqual(settings);
    const calendarIds = settings.filter((s) => s.kind === 'sla_calendar').map((s) => s.id);
    expect(calendarIds).toEqual(expect.arrayContaining(['cal-24x7', 'cal-goc']));
    for (const setting of settings) {
      valid('settings', setting);
      expect(checkSlaSetting(setting, calendarIds), setting.id).toEqual([]);
    }
    const policies = settings.filter((s) => s.kind === 'sla_policy').map((s) => s.data as unknown as SlaPolicy);
    expect(policies.map((p) => p.id)).toEqual(['sla-gold', 'sla-silver', 'sla-bronze']);
    for (const ticket of tickets) expect(matchSlaPolicy(policies, ticket), ticket.id).toBeDefined();
  });
});

describe('demo change management', () => {
  const now = Date.UTC(2026, 11, 7, 15);
  const demo = demoChangeManagement(now);

  it('writes valid changes, settings and approvals that pass every rule', () => {
    for (const ticket of demo.tickets) {
      valid('tickets', ticket);
      expect(checkTicketRules(ticket)).toEqual([]);
    }
    for (const setting of demo.settings) {
      valid('settings', setting);
      expect(checkChangeSetting(setting)).toEqual([]);
    }
    for (const event of demo.events) valid('ticket_events', event);
  });

  it('shows a collision, a quorum met by the seeded approval, and an incident a change may have caused', () => {
    const byNumber = new Map(demo.tickets.map((t) => [t.number, t]));
    const graph = buildCmdbGraph(demoConfigItems(now));
    const entries = demo.tickets.map(calendarEntryOf).filter((e) => e !== null);
    const awaiting = calendarEntryOf(byNumber.get('CHG0001001')!)!;
    const collisions = changeCollisions(awaiting, {
      calendar: buildChangeCalendar(entries),
      graph,
      windows: changeWindowsOf(demo.settings),
    });
    expect(collisions).toEqual([expect.objectContaining({ kind: 'dependent_ci', otherChangeId: 'chg-demo-2' })]);
    const scheduled = byNumber.get('CHG0001002')!;
    const cab = new Set(
      directoryEntries(now)
        .filter((e) => e.groupIds.includes(DEFAULT_CHANGE_SETTINGS.cabGroupId))
        .map((e) => e.id),
    );
    expect(approvalState(scheduled, demo.events, cab, DEFAULT_CHANGE_SETTINGS).met).toBe(true);
    const incident = byNumber.get('INC0009001')!;
    expect(suggestCausingChanges(incident, demo.tickets, 72, graph).map((s) => s.changeId)).toEqual(['chg-demo-4']);
    // The standard change is one of the catalogue's, plan and all.
    const templates = changeBoardsOf(demo.settings, []).templates;
    expect(standardTemplateViolations(byNumber.get('CHG0001003')!, undefined, templates)).toEqual([]);
  });
});
