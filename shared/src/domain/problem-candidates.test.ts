import { describe, expect, it } from 'vitest';
import type { Ticket } from '../schemas/ticket.js';
import { BUILD_NOW, buildTicket } from '../testing/build-records.js';
import { DAY_MS, detectProblemCandidates, significantTerms, type DetectOptions } from './problem-candidates.js';

const now = BUILD_NOW;
const HOUR = 3_600_000;

/** An incident created `hoursAgo` before now, with a title that shares nothing unless told. */
let serial = 0;
function incident(hoursAgo: number, overrides: Partial<Ticket> = {}): Ticket {
  serial++;
  return buildTicket({
    id: `inc-${serial}`,
    title: `Alpha${serial} beta${serial}`,
    categoryId: `cat-${serial}`,
    createdAt: now - hoursAgo * HOUR,
    updatedAt: now - hoursAgo * HOUR,
    ...overrides,
  });
}

const settings: DetectOptions = { now, minIncidents: 3, windowMs: 7 * DAY_MS };
const keys = (incidents: Ticket[], options: DetectOptions = settings) =>
  detectProblemCandidates(incidents, options).map((c) => c.key);

describe('problem candidates', () => {
  it('proposes N incidents in the window sharing a CI, with the evidence', () => {
    const cluster = [
      incident(1, { ciIds: ['ci-mail'] }),
      incident(30, { ciIds: ['ci-mail', 'ci-x'] }),
      incident(60, { ciIds: ['ci-mail'] }),
    ];
    const [candidate, ...rest] = detectProblemCandidates([...cluster, incident(2), incident(3)], settings);
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({
      key: 'ci:ci-mail',
      trait: { kind: 'ci', ciId: 'ci-mail' },
      count: 3,
      incidentIds: [cluster[2].id, cluster[1].id, cluster[0].id],
      windowStart: now - 7 * DAY_MS,
      firstAt: now - 60 * HOUR,
      lastAt: now - HOUR,
    });
    expect(candidate.perDay).toHaveLength(7);
    expect(candidate.perDay).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });

  it('proposes a shared category and a shared service', () => {
    const category = [1, 2, 3].map((h) => incident(h, { categoryId: 'cat-vpn' }));
    const service = [4, 5, 6].map((h) => incident(h, { ciIds: [`ci-host-${h}`] }));
    const servicesOf = (i: { ciIds?: string[] }) => ((i.ciIds ?? [])[0]?.startsWith('ci-host') ? ['svc-payroll'] : []);
    expect(keys([...category, ...service], { ...settings, servicesOf })).toEqual(['service:svc-payroll', 'category:cat-vpn']);
  });

  it('proposes similar titles once, whatever the accents, case and extra words, naming the shared words', () => {
    const titles = ['VPN drops every hour', 'vpn Drops again at the office', 'Le VPN drops (Montréal)', 'Écran noir'];
    const found = detectProblemCandidates(
      titles.map((title, h) => incident(h, { title })),
      settings,
    );
    expect(found.map((c) => c.key)).toEqual(['text:drops+vpn']);
    expect(found[0].trait).toEqual({ kind: 'text', terms: ['drops', 'vpn'] });
    expect(significantTerms('Écran NOIR sur le poste de Montréal')).toEqual(['ecran', 'noir', 'poste', 'montreal']);
  });

  it('misses by one: N - 1 incidents, or different CIs, make no candidate', () => {
    expect(keys([incident(1, { ciIds: ['ci-a'] }), incident(2, { ciIds: ['ci-a'] })])).toEqual([]);
    expect(keys([incident(1, { ciIds: ['ci-a'] }), incident(2, { ciIds: ['ci-b'] }), incident(3, { ciIds: ['ci-c'] })])).toEqual(
      [],
    );
    // One pair of words is shared by two titles only, another word by all three: no pair reaches three.
    const titles = ['Printer jams tray', 'Printer jams paper', 'Printer offline'];
    expect(keys(titles.map((title, h) => incident(h, { title })))).toEqual([]);
  });

  it('counts the window edges in, and what lies past them out', () => {
    const start = 7 * 24;
    const atEdges = [incident(start, { ciIds: ['ci-e'] }), incident(0, { ciIds: ['ci-e'] }), incident(50, { ciIds: ['ci-e'] })];
    const found = detectProblemCandidates(atEdges, settings);
    expect(found.map((c) => c.key)).toEqual(['ci:ci-e']);
    expect(found[0].perDay[0]).toBe(1);
    expect(found[0].perDay[6]).toBe(1);
    const outside = [
      incident(start + 0.001, { ciIds: ['ci-e'] }),
      incident(0, { ciIds: ['ci-e'] }),
      incident(50, { ciIds: ['ci-e'] }),
    ];
    expect(keys(outside)).toEqual([]);
    const future = [incident(-1, { ciIds: ['ci-e'] }), incident(0, { ciIds: ['ci-e'] }), incident(50, { ciIds: ['ci-e'] })];
    expect(keys(future)).toEqual([]);
    expect(keys(outside, { ...settings, windowMs: 8 * DAY_MS })).toEqual(['ci:ci-e']);
  });

  it('honours the configured N', () => {
    const four = [1, 2, 3, 4].map((h) => incident(h, { categoryId: 'cat-n' }));
    expect(keys(four, { ...settings, minIncidents: 4 })).toEqual(['category:cat-n']);
    expect(keys(four, { ...settings, minIncidents: 5 })).toEqual([]);
  });

  it('leaves out requests, incidents already linked to a problem and duplicates', () => {
    const set = [
      incident(1, { categoryId: 'cat-l' }),
      incident(2, { categoryId: 'cat-l' }),
      incident(3, { categoryId: 'cat-l', type: 'request' }),
      incident(4, { categoryId: 'cat-l', problemId: 'prb-1' }),
      incident(5, { categoryId: 'cat-l', status: 'resolved', resolutionCode: 'duplicate', resolutionNotes: 'Dup' }),
    ];
    expect(keys(set)).toEqual([]);
    expect(
      keys([...set, incident(6, { categoryId: 'cat-l', status: 'closed', resolutionCode: 'fixed', resolutionNotes: 'Ok' })]),
    ).toEqual(['category:cat-l']);
  });

  it('keeps a dismissed candidate hidden until it grows, then says it was dismissed', () => {
    const three = [1, 2, 3].map((h) => incident(h, { ciIds: ['ci-d'] }));
    const dismissed = [{ key: 'ci:ci-d', count: 3 }];
    expect(keys(three, { ...settings, dismissed })).toEqual([]);
    // The window moved on: one incident left it and another came; still three, still dismissed.
    const slid = [...three.slice(1), incident(0.5, { ciIds: ['ci-d'] })];
    expect(keys(slid, { ...settings, dismissed })).toEqual([]);
    const grown = detectProblemCandidates([...three, incident(4, { ciIds: ['ci-d'] })], { ...settings, dismissed });
    expect(grown.map((c) => [c.key, c.count, c.dismissedAt])).toEqual([['ci:ci-d', 4, 3]]);
  });

  it('does not bring a dismissed text cluster back as a smaller pair of its words', () => {
    const titles = ['Outlook crashes opening calendar', 'Outlook crashes calendar invite', 'Outlook crashes on calendar'];
    const set = titles.map((title, h) => incident(h, { title }));
    const [first] = detectProblemCandidates(set, settings);
    expect(first.trait).toEqual({ kind: 'text', terms: ['calendar', 'crashes', 'outlook'] });
    expect(keys(set, { ...settings, dismissed: [{ key: first.key, count: 3 }] })).toEqual([]);
  });

  it('lists the largest candidates first', () => {
    const big = [1, 2, 3, 4].map((h) => incident(h, { ciIds: ['ci-big'] }));
    const small = [5, 6, 7].map((h) => incident(h, { categoryId: 'cat-small' }));
    expect(keys([...small, ...big])).toEqual(['ci:ci-big', 'category:cat-small']);
  });
});
