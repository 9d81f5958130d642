import { MantineProvider } from '@mantine/core';
import { CALENDAR_TEMPLATES, computeSlaClocks, localDate, SLA_POLICY_TEMPLATES, type BusinessCalendar } from '@shared';
import { buildTicket } from '@shared/testing/build-records.js';
import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderStakeholderMail } from '../../server/src/services/major/stakeholder-mail-template.js';
import { renderCallerMail } from '../../server/src/services/notifications/caller-mail-templates.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { renderMarkdown } from '../../renderer/src/features/kb/markdown.js';
import { sanitiseHtml } from '../../renderer/src/platform/security/sanitise-html.js';
import { SlaPanelBody } from '../../renderer/src/features/sla/SlaPanel.js';
import { slaPanelView } from '../../renderer/src/features/sla/sla-view.js';
import { CalendarCard } from '../../renderer/src/features/sla-admin/CalendarCard.js';
import { PolicyList } from '../../renderer/src/features/sla-admin/PolicyList.js';
import { buildConfigItem } from '@shared/cmdb/build-config-item.js';
import { buildCmdbGraph, downstreamImpact } from '@shared';
import { MemoryRouter } from 'react-router-dom';
import { CiTable } from '../../renderer/src/features/cmdb/CiTable.js';
import { CiFactsForm } from '../../renderer/src/features/cmdb/CiFactsForm.js';
import { CiHistoryList } from '../../renderer/src/features/cmdb/CiHistoryList.js';
import { ImpactTable } from '../../renderer/src/features/cmdb/ImpactTable.js';
import { draftOf } from '../../renderer/src/features/cmdb/ci-form.js';
import { historyRows } from '../../renderer/src/features/cmdb/ci-history-rows.js';
import { impactRows, partyRows, siteNames } from '../../renderer/src/features/cmdb/impact-rows.js';
import { HOSTILE_TEXT } from './support/hostile-text.js';

const { window } = new JSDOM('');
// DOMPurify's types want the browser's globals; jsdom's window provides them.
const win = window as unknown as Parameters<typeof sanitiseHtml>[1];

/** Parses rendered HTML and lists everything in it that could run script or load a foreign scheme. */
function liveScript(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const found: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'STYLE'].includes(el.tagName.toUpperCase()))
      found.push(el.tagName);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName}@${attr.name}`);
      // The DOM value is entity-decoded: this is the scheme the browser would follow.
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters inside a scheme
      const value = attr.value.replace(/[\u0000-\u0020]/g, '');
      if (['href', 'src', 'action', 'formaction'].includes(attr.name) && /^(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/i.test(value))
        found.push(`${el.tagName}@${attr.name}=${attr.value}`);
    }
  }
  return found;
}

describe('hostile text in knowledge-base articles', () => {
  it.each(HOSTILE_TEXT)('renders %j with nothing that runs', (text) => {
    expect(liveScript(renderMarkdown(`Intro\n\n${text}\n\nEnd`, win))).toEqual([]);
  });

  it('keeps the links an article needs: web, mail and relative', () => {
    const html = renderMarkdown('[a](https://example.org) [b](mailto:desk@example.org) [c](/kb/KB0001) [d](#setup)', win);
    for (const href of ['https://example.org', 'mailto:desk@example.org', '/kb/KB0001', '#setup'])
      expect(html).toContain(`href="${href}"`);
  });
});

describe('the sanitiser policy on raw HTML', () => {
  it.each(HOSTILE_TEXT)('strips script from %j', (text) => {
    expect(liveScript(sanitiseHtml(text, win))).toEqual([]);
  });
});

describe('hostile text in e-mails to callers', () => {
  it.each(HOSTILE_TEXT)('quotes %j as text in the HTML body and keeps the subject on one line', (text) => {
    for (const language of ['en', 'fr'] as const) {
      const ticket = makeTicket({
        number: 'INC0001234',
        title: `${text}\r\nBcc: x@evil.test`,
        status: 'resolved',
        resolutionNotes: text,
      });
      const mail = renderCallerMail('ticket-resolved', { ticket, callerName: text }, language);
      expect(liveScript(mail.html.replace(/^.*<body[^>]*>|<\/body>.*$/gs, ''))).toEqual([]);
      // What the reader sees is the text as written, not markup.
      const shown = new JSDOM(mail.html).window.document.body.textContent ?? '';
      expect(shown).toContain(text.trim());
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
  });
});

describe('hostile text in stakeholder updates mailed for major incidents', () => {
  it.each(HOSTILE_TEXT)('quotes %j as text in the HTML body and keeps the subject on one line', (text) => {
    const ticket = makeTicket({ number: 'INC0001235', title: `${text}\r\nBcc: x@evil.test` });
    const mail = renderStakeholderMail({ ticket, body: text, link: 'https://desk.example.org/#/tickets/t1' });
    expect(liveScript(mail.html.replace(/^.*<body[^>]*>|<\/body>.*$/gs, ''))).toEqual([]);
    const shown = new JSDOM(mail.html).window.document.body.textContent ?? '';
    expect(shown).toContain(text.trim());
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it.each(HOSTILE_TEXT)('never quotes %j from a security incident (restricted template)', (text) => {
    const ticket = makeTicket({ number: 'INC0001236', title: `Breach ${text}`, security: true });
    const mail = renderStakeholderMail({ ticket, body: `Attacker ${text}`, link: 'https://desk.example.org/#/tickets/t2' });
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/Breach|Attacker/);
    expect(mail.subject).toBe('[INC0001236] Update / Mise à jour');
  });
});

describe('hostile text in SLA policies and calendars (written by administrators, shown on every ticket)', () => {
  /** The panel as rendered when every admin-entered string is `text`. */
  function renderPanel(text: string): string {
    const ticket = buildTicket();
    const policy = { ...SLA_POLICY_TEMPLATES[0], name: text, condition: { affectedItems: [text] } };
    const base = CALENDAR_TEMPLATES[0].versions[0];
    // A closed day named by the admin: its name is the label of the ticket's off-hours stretch.
    const calendar: BusinessCalendar = {
      id: 'cal-x',
      name: text,
      versions: [{ ...base, exceptions: [{ date: localDate(ticket.createdAt, base.timeZone), hours: [], reason: text }] }],
    };
    const result = computeSlaClocks({
      ticket,
      events: [],
      match: { policy, matchedOn: ['affectedItems'] },
      calendar,
      now: ticket.createdAt + 3_600_000,
    });
    const view = slaPanelView(result, policy, calendar, {
      t: (key, options) => `${key} ${typeof options?.values === 'string' ? options.values : ''}`,
      lang: 'en',
      events: [],
      nameOf: (id) => id,
      labels: { status: {}, priority: {}, type: {}, pendingReason: {}, eventKind: {} },
    });
    return renderToStaticMarkup(createElement(MantineProvider, null, createElement(SlaPanelBody, { view })));
  }
  // Mantine writes its own <style> elements; the hostile text must add nothing to them.
  const baseline = liveScript(renderPanel('Gold'));

  it.each(HOSTILE_TEXT)('shows %j as text in the ticket SLA panel: policy name, condition, calendar and exception', (text) => {
    const html = renderPanel(text);
    expect(liveScript(html)).toEqual(baseline);
    const shown = new JSDOM(html).window.document.body.textContent ?? '';
    expect(shown).toContain(`sla.condition.items ${text}`);
    // Policy name, calendar name and the exception's reason, each shown as written.
    expect(shown.split(text).length - 1).toBeGreaterThanOrEqual(4);
  });
});

describe('hostile text on the service-levels administration screen', () => {
  /** The policy list and a calendar card as rendered when every admin-entered string is `text`. */
  function renderAdmin(text: string): string {
    const policy = { ...SLA_POLICY_TEMPLATES[0], name: text, condition: { affectedItems: [text] } };
    const base = CALENDAR_TEMPLATES[0].versions[0];
    const calendar: BusinessCalendar = {
      id: 'cal-x',
      name: text,
      versions: [{ ...base, exceptions: [{ date: '2026-12-24', hours: [], reason: text }] }],
    };
    const list = createElement(PolicyList, {
      rows: [{ policy, condition: `items ${text}`, calendarName: text }],
      writable: true,
      onOpen: () => undefined,
    });
    return renderToStaticMarkup(createElement(MantineProvider, null, list, createElement(CalendarCard, { calendar })));
  }
  const baseline = liveScript(renderAdmin('Gold'));

  it.each(HOSTILE_TEXT)('shows %j as text: policy name, condition, calendar name and exception reason', (text) => {
    const html = renderAdmin(text);
    expect(liveScript(html)).toEqual(baseline);
    const shown = new JSDOM(html).window.document.body.textContent ?? '';
    expect(shown).toContain(`items ${text}`);
    // Policy name, its calendar, the calendar card's title and the exception's reason, each shown as written.
    expect(shown.split(text).length - 1).toBeGreaterThanOrEqual(5);
  });
});

describe('hostile text in the CMDB screens', () => {
  /** The CI list, key facts form, impact table and history of a server whose every text field is `text`. */
  function renderCmdb(text: string): string {
    const site = buildConfigItem({ id: 'site', name: text, ciClass: 'location_site', attributes: { address: text } });
    const server = buildConfigItem({
      id: 'srv',
      name: text,
      ciClass: 'server_physical',
      locationId: 'site',
      attributes: { serialNumber: text, model: text },
      relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: 'site' }],
    });
    const app = buildConfigItem({
      id: 'app',
      name: text,
      relations: [
        { type: 'runs_on', targetKind: 'ci', targetId: 'srv' },
        { type: 'used_by', targetKind: 'group', targetId: 'grp-x' },
      ],
    });
    const byId = new Map([site, server, app].map((ci) => [ci.id, ci]));
    const impact = downstreamImpact(buildCmdbGraph([site, server, app]), ['srv']);
    const history = historyRows(
      [
        {
          id: 'h',
          ciId: 'srv',
          authorId: 'u',
          occurredAt: 1,
          kind: 'updated',
          changes: [{ field: 'attributes.model', from: text, to: text }],
        },
      ],
      { user: () => text, group: () => text, ci: () => text, value: () => undefined },
    );
    const page = [
      createElement(CiTable, { key: 'list', items: [server], locationName: () => text, groupName: () => text }),
      createElement(CiFactsForm, {
        key: 'form',
        ci: server,
        draft: draftOf(server),
        editable: new Set(['status']),
        onChange: () => undefined,
        errors: {},
        locations: [{ value: 'site', label: text }],
        groups: [{ value: server.ownerGroupId, label: text }],
      }),
      createElement(ImpactTable, {
        key: 'impact',
        direction: 'downstream',
        rows: impactRows(impact, byId),
        parties: partyRows(impact, byId, () => text),
        sites: siteNames(impact, byId),
        truncated: false,
      }),
      createElement(CiHistoryList, { key: 'history', rows: history, formatTime: () => 'now' }),
    ];
    return renderToStaticMarkup(createElement(MantineProvider, null, createElement(MemoryRouter, null, ...page)));
  }
  const baseline = liveScript(renderCmdb('Pay server'));

  it.each(HOSTILE_TEXT)('shows %j as text: CI, site and group names, attributes, impact and history', (text) => {
    const html = renderCmdb(text);
    expect(liveScript(html)).toEqual(baseline);
    const doc = new JSDOM(html).window.document;
    const shown = doc.body.textContent ?? '';
    // List (name, serial, location, group), impact (app, via, party, its service, site), history (author, from, to).
    expect(shown.split(text).length - 1).toBeGreaterThanOrEqual(10);
    // The form shows attributes as input values, never as markup.
    const values = [...doc.querySelectorAll('input')].map((input) => input.value);
    expect(values.filter((v) => v === text).length).toBeGreaterThanOrEqual(3);
  });
});
