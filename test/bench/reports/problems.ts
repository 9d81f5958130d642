// Seeded synthetic data for the problem-management figures of the reports benchmark (issue 19): incidents with
// varied English and French titles, categories and CIs for candidate detection, and bilingual known errors for the
// known-error search, with the incidents agents would search them from.
import type { KnownError, Ticket } from '../../../shared/src/index.js';
import { buildTicket } from '../../../shared/src/testing/build-records.js';
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
