import { foldText } from '../metrics/verbatims.js';
import type { Ticket } from '../schemas/ticket.js';

/**
 * Candidate problems (issue 19, trend analysis): incidents that cluster, at least N of them created within a
 * window and sharing a trait (a configuration item, a service above one, a category, or a pair of significant words
 * in their titles), proposed to a problem manager with their evidence. Incidents already linked to a problem are
 * explained and left out, as are duplicates (they would count one failure twice). Pure and offline: the client runs
 * it over the incidents it holds (`npm run bench:reports`, problem_candidates_ms over 100,000 incidents).
 */

export const DAY_MS = 86_400_000;

/** How many incidents within how long make a candidate: configurable per desk, these are the defaults. */
export interface CandidateSettings {
  /** N: the fewest incidents sharing a trait that make a candidate (at least 2). */
  minIncidents: number;
  /** The window, in ms, ending at `now`: incidents created in [now - windowMs, now] count. */
  windowMs: number;
}

export const DEFAULT_CANDIDATE_SETTINGS: CandidateSettings = { minIncidents: 5, windowMs: 7 * DAY_MS };

/** What detection reads of an incident. */
export type CandidateIncident = Pick<Ticket, 'id' | 'type' | 'title' | 'categoryId' | 'createdAt'> &
  Partial<Pick<Ticket, 'ciIds' | 'problemId' | 'resolutionCode'>>;

/** What the incidents of a candidate share. */
export type SharedTrait =
  | { kind: 'ci'; ciId: string }
  | { kind: 'service'; serviceId: string }
  | { kind: 'category'; categoryId: string }
  /** Words (folded: lower case, no accents) found in every incident's title; the first two made the cluster. */
  | { kind: 'text'; terms: readonly string[] };

export interface ProblemCandidate {
  /** Stable for the same trait (`ci:<id>`, `service:<id>`, `category:<id>`, `text:<word>+<word>`): what a dismissal names. */
  key: string;
  trait: SharedTrait;
  /** The incidents, oldest first. */
  incidentIds: string[];
  count: number;
  /** The trend: incidents created on each day of the window, `perDay[0]` the day starting at `windowStart`. */
  windowStart: number;
  perDay: number[];
  firstAt: number;
  lastAt: number;
  /** Set when a dismissed candidate came back because it grew: how many incidents it had when dismissed. */
  dismissedAt?: number;
}

/** A candidate a problem manager dismissed, and how many incidents it had then. */
export interface DismissedCandidate {
  key: string;
  count: number;
}

export interface DetectOptions extends Partial<CandidateSettings> {
  /** The end of the window (the caller's clock; the detection itself never reads one). */
  now: number;
  /** Dismissed candidates: each stays hidden until it holds more incidents than when it was dismissed. */
  dismissed?: readonly DismissedCandidate[];
  /** The services an incident's CIs support (CMDB upstream), when the caller has them; none by default. */
  servicesOf?: (incident: CandidateIncident) => readonly string[];
}

/**
 * Words that say nothing about a failure, in English and French (folded). Words under three letters are dropped
 * anyway ("le", "de", "is", "to").
 */
const STOP_WORDS = new Set(
  (
    'the and for with not cannot cant can does doesnt dont from this that when after before into are was were has have ' +
    'had our your you any all but its will wont get gets got since still again please help issue issues problem problems ' +
    'les des une pour avec pas dans sur par est sont qui que mon mes ses aux plus depuis encore apres avant ' +
    'fonctionne marche probleme problemes besoin aide svp'
  ).split(' '),
);

/** At most this many distinct significant words of a title are paired: a title's core, not every word of a long one. */
const MAX_TITLE_TERMS = 6;
/** Term ids are packed two to a number for the pair maps; a vocabulary past this is cut (never in practice). */
const TERM_ID_LIMIT = 1 << 20;

/** The distinct significant words of a text (at most `max`), folded, in order of appearance. */
export function significantTerms(title: string, max = MAX_TITLE_TERMS): string[] {
  const out: string[] = [];
  for (const word of foldText(title).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 3 || STOP_WORDS.has(word) || out.includes(word)) continue;
    out.push(word);
    if (out.length === max) break;
  }
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/**
 * The candidate problems among `incidents`, largest first. Text clusters that tell the same story (half or more of
 * their incidents already in a larger text cluster) are folded into it, so "VPN drops hourly" yields one candidate,
 * not one per pair of its words.
 */
export function detectProblemCandidates(incidents: readonly CandidateIncident[], options: DetectOptions): ProblemCandidate[] {
  const minIncidents = Math.max(2, options.minIncidents ?? DEFAULT_CANDIDATE_SETTINGS.minIncidents);
  const windowMs = options.windowMs ?? DEFAULT_CANDIDATE_SETTINGS.windowMs;
  const windowStart = options.now - windowMs;
  const days = Math.max(1, Math.ceil(windowMs / DAY_MS));

  const pool: CandidateIncident[] = [];
  for (const incident of incidents) {
    if (incident.type !== 'incident' || incident.createdAt < windowStart || incident.createdAt > options.now) continue;
    if ((incident.problemId ?? '') !== '' || incident.resolutionCode === 'duplicate') continue;
    pool.push(incident);
  }

  const byTrait = new Map<string, number[]>();
  const titleTerms: string[][] = new Array<string[]>(pool.length);
  const termFrequency = new Map<string, number>();
  for (let i = 0; i < pool.length; i++) {
    const incident = pool[i];
    for (const ciId of new Set(incident.ciIds ?? [])) push(byTrait, `ci:${ciId}`, i);
    for (const serviceId of new Set(options.servicesOf?.(incident) ?? [])) push(byTrait, `service:${serviceId}`, i);
    if (incident.categoryId !== '') push(byTrait, `category:${incident.categoryId}`, i);
    const terms = significantTerms(incident.title);
    titleTerms[i] = terms;
    for (const term of terms) termFrequency.set(term, (termFrequency.get(term) ?? 0) + 1);
  }

  // Pairs only of words N incidents share: a pair is never more frequent than its rarer word.
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const byPair = new Map<number, number[]>();
  for (let i = 0; i < pool.length; i++) {
    const ids: number[] = [];
    for (const term of titleTerms[i]) {
      if ((termFrequency.get(term) ?? 0) < minIncidents) continue;
      let id = termIds.get(term);
      if (id === undefined) {
        if (termNames.length >= TERM_ID_LIMIT) continue;
        id = termNames.length;
        termIds.set(term, id);
        termNames.push(term);
      }
      ids.push(id);
    }
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const lo = Math.min(ids[a], ids[b]);
        const hi = Math.max(ids[a], ids[b]);
        push(byPair, lo * TERM_ID_LIMIT + hi, i);
      }
    }
  }

  const dismissed = new Map((options.dismissed ?? []).map((d) => [d.key, d.count]));
  const out: ProblemCandidate[] = [];
  const build = (key: string, trait: SharedTrait, members: readonly number[]): void => {
    const was = dismissed.get(key);
    if (was !== undefined && members.length <= was) return;
    const sorted = members.map((i) => pool[i]).sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
    const perDay = new Array<number>(days).fill(0);
    for (const incident of sorted) perDay[Math.min(days - 1, Math.floor((incident.createdAt - windowStart) / DAY_MS))]++;
    out.push({
      key,
      trait,
      incidentIds: sorted.map((incident) => incident.id),
      count: sorted.length,
      windowStart,
      perDay,
      firstAt: sorted[0].createdAt,
      lastAt: sorted[sorted.length - 1].createdAt,
      ...(was !== undefined ? { dismissedAt: was } : {}),
    });
  };

  for (const [key, members] of byTrait) {
    if (members.length < minIncidents) continue;
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const id = key.slice(colon + 1);
    const trait: SharedTrait =
      kind === 'ci'
        ? { kind: 'ci', ciId: id }
        : kind === 'service'
          ? { kind: 'service', serviceId: id }
          : { kind: 'category', categoryId: id };
    build(key, trait, members);
  }

  const pairs = [...byPair].filter(([, members]) => members.length >= minIncidents);
  // Largest first; equal sizes by their words, so the same pair names the same cluster run after run.
  const pairName = (pair: number): [string, string] => {
    const a = termNames[Math.floor(pair / TERM_ID_LIMIT)];
    const b = termNames[pair % TERM_ID_LIMIT];
    return a < b ? [a, b] : [b, a];
  };
  const named = pairs.map(([pair, members]) => ({ words: pairName(pair), members }));
  named.sort((x, y) => y.members.length - x.members.length || (x.words.join('+') < y.words.join('+') ? -1 : 1));
  const claimed = new Uint8Array(pool.length);
  for (const { words, members } of named) {
    let already = 0;
    for (const i of members) already += claimed[i];
    if (already * 2 >= members.length) continue;
    for (const i of members) claimed[i] = 1;
    const shared = titleTerms[members[0]].filter((term) => members.every((i) => titleTerms[i].includes(term)));
    const terms = [...words, ...shared.filter((term) => !words.includes(term))];
    build(`text:${words.join('+')}`, { kind: 'text', terms }, members);
  }

  const KIND_ORDER = { ci: 0, service: 1, category: 2, text: 3 } as const;
  return out.sort(
    (x, y) =>
      y.count - x.count || KIND_ORDER[x.trait.kind] - KIND_ORDER[y.trait.kind] || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
}
