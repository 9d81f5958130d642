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

/** Printable ASCII needs no Unicode decomposition to fold: most titles, at a fraction of the cost of foldText. */
const ASCII = /^[\t\n\r -~]*$/;

/** The distinct significant words of a text (at most `max`), folded, in order of appearance. */
export function significantTerms(title: string, max = MAX_TITLE_TERMS): string[] {
  const out: string[] = [];
  const folded = ASCII.test(title) ? title.toLowerCase() : foldText(title);
  for (const word of folded.split(ASCII.test(folded) ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u)) {
    if (word.length < 3 || STOP_WORDS.has(word) || out.includes(word)) continue;
    out.push(word);
    if (out.length === max) break;
  }
  return out;
}

const byCreation = (x: CandidateIncident, y: CandidateIncident): number =>
  x.createdAt - y.createdAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Sorts incidents created in [start, start + span] oldest first (ties by id), in place: a bucket sort, one bucket per
 * incident on average, insertion-sorted within. A comparison sort of 100,000 objects took 180 ms of detection's time.
 */
function sortByCreation(incidents: CandidateIncident[], start: number, span: number): void {
  const n = incidents.length;
  if (n < 64) {
    incidents.sort(byCreation);
    return;
  }
  const width = (span + 1) / n;
  const bucketOf = (incident: CandidateIncident): number => Math.min(n - 1, Math.floor((incident.createdAt - start) / width));
  const starts = new Uint32Array(n + 1);
  for (const incident of incidents) starts[bucketOf(incident) + 1]++;
  for (let b = 0; b < n; b++) starts[b + 1] += starts[b];
  const placed = new Array<CandidateIncident>(n);
  const next = starts.slice(0, n);
  for (const incident of incidents) placed[next[bucketOf(incident)]++] = incident;
  for (let b = 0; b < n; b++) {
    for (let i = starts[b] + 1; i < starts[b + 1]; i++) {
      const incident = placed[i];
      let j = i - 1;
      while (j >= starts[b] && byCreation(placed[j], incident) > 0) {
        placed[j + 1] = placed[j];
        j--;
      }
      placed[j + 1] = incident;
    }
  }
  for (let i = 0; i < n; i++) incidents[i] = placed[i];
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

  // Oldest first once, so every list of members gathered below is in time order with no sort of its own.
  sortByCreation(pool, windowStart, windowMs);

  // One map per kind keyed by the bare id: no key string built per incident (100,000 of them in the benchmark).
  const byCi = new Map<string, number[]>();
  const byService = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  // Every title word once in a Map: its id, then counts and pairs read arrays (400,000 words in the benchmark).
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const termFrequency: number[] = [];
  const titleTerms = new Array<number[]>(pool.length);
  for (let i = 0; i < pool.length; i++) {
    const incident = pool[i];
    const ciIds = incident.ciIds ?? [];
    for (let c = 0; c < ciIds.length; c++) if (ciIds.indexOf(ciIds[c]) === c) push(byCi, ciIds[c], i);
    const serviceIds = options.servicesOf?.(incident) ?? [];
    for (let c = 0; c < serviceIds.length; c++) if (serviceIds.indexOf(serviceIds[c]) === c) push(byService, serviceIds[c], i);
    if (incident.categoryId !== '') push(byCategory, incident.categoryId, i);
    const terms: number[] = [];
    for (const term of significantTerms(incident.title)) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termNames.length;
        termIds.set(term, id);
        termNames.push(term);
        termFrequency.push(0);
      }
      termFrequency[id]++;
      terms.push(id);
    }
    titleTerms[i] = terms;
  }

  // Pairs only of words N incidents share (a pair is never more frequent than its rarer word), numbered anew so
  // that two of them pack into one small integer key.
  const frequentIds = new Int32Array(termNames.length).fill(-1);
  const frequentTerms: number[] = [];
  const byPair = new Map<number, number[]>();
  const ids: number[] = [];
  for (let i = 0; i < pool.length; i++) {
    ids.length = 0;
    for (const term of titleTerms[i]) {
      if (termFrequency[term] < minIncidents) continue;
      let id = frequentIds[term];
      if (id === -1) {
        if (frequentTerms.length >= TERM_ID_LIMIT) continue;
        id = frequentTerms.length;
        frequentIds[term] = id;
        frequentTerms.push(term);
      }
      ids.push(id);
    }
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const lo = Math.min(ids[x], ids[y]);
        const hi = Math.max(ids[x], ids[y]);
        push(byPair, lo * TERM_ID_LIMIT + hi, i);
      }
    }
  }

  const dismissed = new Map((options.dismissed ?? []).map((d) => [d.key, d.count]));
  const out: ProblemCandidate[] = [];
  /** A candidate from its members (indices into the pool, ascending: oldest first), unless it stays dismissed. */
  const build = (key: string, trait: SharedTrait, members: readonly number[]): void => {
    const was = dismissed.get(key);
    if (was !== undefined && members.length <= was) return;
    const perDay = new Array<number>(days).fill(0);
    const incidentIds = new Array<string>(members.length);
    for (let m = 0; m < members.length; m++) {
      const incident = pool[members[m]];
      incidentIds[m] = incident.id;
      perDay[Math.min(days - 1, Math.floor((incident.createdAt - windowStart) / DAY_MS))]++;
    }
    out.push({
      key,
      trait,
      incidentIds,
      count: members.length,
      windowStart,
      perDay,
      firstAt: pool[members[0]].createdAt,
      lastAt: pool[members[members.length - 1]].createdAt,
      ...(was !== undefined ? { dismissedAt: was } : {}),
    });
  };

  for (const [ciId, members] of byCi) if (members.length >= minIncidents) build(`ci:${ciId}`, { kind: 'ci', ciId }, members);
  for (const [serviceId, members] of byService) {
    if (members.length >= minIncidents) build(`service:${serviceId}`, { kind: 'service', serviceId }, members);
  }
  for (const [categoryId, members] of byCategory) {
    if (members.length >= minIncidents) build(`category:${categoryId}`, { kind: 'category', categoryId }, members);
  }

  const pairs = [...byPair].filter(([, members]) => members.length >= minIncidents);
  // Largest first; equal sizes by their words, so the same pair names the same cluster run after run.
  const pairName = (pair: number): [string, string] => {
    const a = termNames[frequentTerms[Math.floor(pair / TERM_ID_LIMIT)]];
    const b = termNames[frequentTerms[pair % TERM_ID_LIMIT]];
    return a < b ? [a, b] : [b, a];
  };
  const named = pairs.map(([pair, members]) => ({ words: pairName(pair), members }));
  named.sort(
    (x, y) =>
      y.members.length - x.members.length ||
      (x.words[0] !== y.words[0] ? (x.words[0] < y.words[0] ? -1 : 1) : x.words[1] < y.words[1] ? -1 : 1),
  );
  const claimed = new Uint8Array(pool.length);
  for (const { words, members } of named) {
    let already = 0;
    for (const i of members) already += claimed[i];
    if (already * 2 >= members.length) continue;
    for (const i of members) claimed[i] = 1;
    const shared = titleTerms[members[0]]
      .filter((term) => members.every((i) => titleTerms[i].includes(term)))
      .map((term) => termNames[term]);
    const terms = [...words, ...shared.filter((term) => !words.includes(term))];
    build(`text:${words.join('+')}`, { kind: 'text', terms }, members);
  }

  const KIND_ORDER = { ci: 0, service: 1, category: 2, text: 3 } as const;
  return out.sort(
    (x, y) =>
      y.count - x.count || KIND_ORDER[x.trait.kind] - KIND_ORDER[y.trait.kind] || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
}
