// Seeded synthetic data for the problem-management figures of the reports benchmark (issue 19): incidents with
// varied English and French titles, categories and CIs for candidate detection, and bilingual known errors for the
// known-error search, with the incidents agents would search them from.
import type { KnownError, Ticket, TicketEvent } from '../../../shared/src/index.js';
import { buildFieldChangeEvent, buildProblem, buildWorkaroundApplied } from '../../../shared/src/testing/build-problem.js';
import { buildEvent, buildTicket } from '../../../shared/src/testing/build-records.js';
import { prng } from './generate.js';

const DAY = 86_400_000;

// Words of fault reports in both languages, accents included, so folding and stop words do real work.
const OBJECTS = [
  'printer',
  'imprimante',
  'vpn',
  'outlook',
  'teams',
  'laptop',
  'portable',
  'écran',
  'screen',
  'keyboard',
  'clavier',
  'password',
  'mot',
  'passe',
  'wifi',
  'réseau',
  'network',
  'sharepoint',
  'excel',
  'word',
  'badge',
  'phone',
  'téléphone',
  'docking',
  'station',
  'scanner',
  'calendar',
  'calendrier',
  'mailbox',
  'courriel',
  'citrix',
  'sap',
  'payroll',
  'paie',
  'intranet',
  'browser',
  'navigateur',
  'driver',
  'pilote',
  'update',
  'mise',
  'jour',
  'certificate',
  'certificat',
];
const SYMPTOMS = [
  'freezes',
  'fige',
  'crashes',
  'plante',
  'slow',
  'lent',
  'offline',
  'déconnecté',
  'drops',
  'coupe',
  'black',
  'noir',
  'error',
  'erreur',
  'locked',
  'verrouillé',
  'missing',
  'manquant',
  'stalls',
  'bloqué',
  'fails',
  'échoue',
  'blank',
  'vide',
  'flickers',
  'clignote',
  'timeout',
  'délai',
  'denied',
  'refusé',
];
const CONTEXT = [
  'after update',
  'since this morning',
  'depuis ce matin',
  'on floor 3',
  'au 3e étage',
  'when docked',
  'en télétravail',
  'at login',
  'à la connexion',
  'every hour',
  'chaque heure',
  'for the whole team',
  'pour toute l’équipe',
  'again',
];

export interface ProblemBenchData {
  incidents: Ticket[];
  knownErrors: Ticket[];
  /** Incidents to suggest known errors for, and words an agent types in the search. */
  lookups: Ticket[];
  typed: string[];
  now: number;
}

/**
 * `incidentCount` incidents, every one created within `windowDays` before `now` (the detection's worst case: all
 * of them in the window), 40 categories and 3,000 CIs; `knownErrorCount` problems in the known-error phase.
 */
export function generateProblemBenchData(
  incidentCount: number,
  knownErrorCount: number,
  windowDays: number,
  seed = 19,
): ProblemBenchData {
  const rnd = prng(seed);
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const now = Date.UTC(2026, 10, 1);
  const title = (): string =>
    `${pick(OBJECTS)} ${pick(SYMPTOMS)} ${rnd() < 0.5 ? pick(CONTEXT) : ''} ${rnd() < 0.3 ? pick(OBJECTS) : ''}`.trim();
  const incidents: Ticket[] = [];
  for (let i = 0; i < incidentCount; i++) {
    const createdAt = now - int(0, windowDays * DAY);
    incidents.push(
      buildTicket({
        id: `inc-${i}`,
        title: title(),
        categoryId: `cat-${int(0, 39)}`,
        ciIds: rnd() < 0.7 ? [`ci-${int(0, 2_999)}`] : [],
        createdAt,
        updatedAt: createdAt,
      }),
    );
  }
  const sentence = (): string => `${pick(OBJECTS)} ${pick(SYMPTOMS)} ${pick(CONTEXT)} ${pick(OBJECTS)} ${pick(SYMPTOMS)}`;
  const text = () => ({ en: sentence(), fr: sentence() });
  const knownErrors: Ticket[] = [];
  for (let i = 0; i < knownErrorCount; i++) {
    const knownError: KnownError = { symptoms: text(), cause: text(), workaround: text() };
    knownErrors.push(
      buildTicket({
        id: `prb-${i}`,
        number: `PRB${String(i).padStart(7, '0')}`,
        type: 'problem',
        status: 'in_progress',
        problemPhase: 'known_error',
        title: title(),
        categoryId: `cat-${int(0, 39)}`,
        ciIds: [`ci-${int(0, 2_999)}`],
        knownError,
      }),
    );
  }
  const lookups = Array.from({ length: 200 }, (_, i) =>
    buildTicket({
      id: `look-${i}`,
      title: title(),
      description: `${sentence()}. ${sentence()}. ${sentence()}.`,
      categoryId: `cat-${int(0, 39)}`,
      ciIds: [`ci-${int(0, 2_999)}`],
    }),
  );
  const typed = Array.from({ length: 200 }, () => `${pick(OBJECTS)} ${pick(SYMPTOMS).slice(0, 4)}`);
  return { incidents, knownErrors, lookups, typed, now };
}

/** The problem report's inputs at the bench's scale: tickets (problems and incidents) and their history. */
export interface ProblemReportBenchData {
  tickets: Ticket[];
  events: TicketEvent[];
}

/**
 * The problem report over `data`: each known-error problem moved to known_error (recorded) within the last 60 days
 * before `now`, a third of them resolved later; 40 % of the incidents linked to a problem, half of those links recorded,
 * and one linked incident in ten with its workaround applied: every kind of history the report reads.
 */
export function generateProblemReportData(data: ProblemBenchData, seed = 1919): ProblemReportBenchData {
  const rnd = prng(seed);
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const HOUR = 3_600_000;
  const events: TicketEvent[] = [];
  const problems = data.knownErrors.map((p, i) => {
    // Published over the incidents' last weeks, so some links come before and some after.
    const published = Math.max(p.createdAt, data.now - int(1, 60 * 24) * HOUR);
    events.push(buildFieldChangeEvent(p.id, 'problemPhase', 'root_cause_analysis', 'known_error', { occurredAt: published }));
    if (i % 3 !== 0) return p;
    const resolved = published + int(1, 500) * HOUR;
    events.push(buildFieldChangeEvent(p.id, 'problemPhase', 'known_error', 'resolved', { occurredAt: resolved }));
    events.push(
      buildEvent(p.id, 'usr-pm', { kind: 'status_change', fromValue: 'in_progress', toValue: 'resolved', occurredAt: resolved }),
    );
    return buildProblem({
      ...p,
      status: 'resolved',
      problemPhase: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Fixed.',
      rootCause: { timeline: [], whys: [], contributingFactors: [], statement: 'Found.', fixChangeId: '' },
    });
  });
  const incidents = data.incidents.map((incident) => {
    if (rnd() >= 0.4) return incident;
    const problem = problems[int(0, problems.length - 1)];
    const linkedAt = incident.createdAt + int(0, 48) * HOUR;
    if (rnd() < 0.5) events.push(buildFieldChangeEvent(incident.id, 'problemId', '', problem.id, { occurredAt: linkedAt }));
    if (rnd() < 0.1) events.push(buildWorkaroundApplied(incident.id, problem, { occurredAt: linkedAt }));
    return buildTicket({ ...incident, problemId: problem.id });
  });
  return { tickets: [...problems, ...incidents], events };
}
