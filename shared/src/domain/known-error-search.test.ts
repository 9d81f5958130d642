import { describe, expect, it } from 'vitest';
import type { KnownError, Ticket } from '../schemas/ticket.js';
import { buildTicket } from '../testing/build-records.js';
import { buildKnownErrorIndex, publishedKnownErrors } from './known-error-search.js';

const text = (en: string, fr: string) => ({ en, fr });

function knownError(id: string, title: string, error: KnownError, overrides: Partial<Ticket> = {}): Ticket {
  return buildTicket({
    id,
    number: `PRB${id}`,
    type: 'problem',
    status: 'in_progress',
    problemPhase: 'known_error',
    title,
    knownError: error,
    categoryId: 'cat-other',
    ...overrides,
  });
}

const vpn = knownError(
  'ke-vpn',
  'VPN drops every hour',
  {
    symptoms: text('The VPN disconnects every hour on the hour', 'Le réseau privé se déconnecte chaque heure'),
    cause: text('The certificate renewal job runs hourly', 'La tâche de renouvellement du certificat tourne chaque heure'),
    workaround: text('Connect with the backup profile', 'Se connecter avec le profil de secours'),
  },
  { categoryId: 'cat-network', ciIds: ['ci-vpn-gw'] },
);
const screen = knownError('ke-screen', 'Black screen after docking', {
  symptoms: text('Screen stays black when the laptop is docked', 'L’écran reste noir quand le portable est sur la station'),
  cause: text('Display driver 31.0 regression', 'Régression du pilote d’affichage 31.0'),
  workaround: text('Unplug and replug the display cable', 'Débrancher puis rebrancher le câble de l’écran'),
});
const printer = knownError(
  'ke-printer',
  'Printer queue stalls',
  {
    symptoms: text('Jobs wait in the queue forever', 'Les travaux restent dans la file d’attente'),
    cause: text('Spooler memory leak', 'Fuite de mémoire du spouleur'),
    workaround: text('Restart the spooler service', 'Redémarrer le service de spouleur'),
  },
  { categoryId: 'cat-hardware-printer', ciIds: ['ci-print-01'] },
);

const index = buildKnownErrorIndex(publishedKnownErrors([vpn, screen, printer]));
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('known-error search', () => {
  it('finds a known error by its words in either language, ignoring accents and case', () => {
    expect(ids(index.search('ECRAN noir'))).toEqual(['ke-screen']);
    expect(ids(index.search('écran'))).toEqual(['ke-screen']);
    expect(ids(index.search('spouleur'))).toEqual(['ke-printer']);
    expect(ids(index.search('Spooler'))).toEqual(['ke-printer']);
    expect(ids(index.search('certificat'))).toEqual(['ke-vpn']);
  });

  it('matches the word being typed as a prefix, every word required', () => {
    expect(ids(index.search('black scr'))).toEqual(['ke-screen']);
    expect(ids(index.search('black spooler'))).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('forgives a typo in a long word', () => {
    expect(ids(index.search('certficate'))).toEqual(['ke-vpn']);
  });

  it("suggests the known errors an incident's title and description point to, best first", () => {
    const incident = { title: 'Écran noir', description: 'Depuis ce matin, sur la station d’accueil', categoryId: '' };
    expect(ids(index.suggestFor(incident))[0]).toBe('ke-screen');
    expect(index.suggestFor({ title: 'Password reset', description: '', categoryId: '' })).toEqual([]);
  });

  it('ranks by shared CI and category too', () => {
    // Both known errors mention "queue"; the incident's CI and category are the printer's.
    const words = { title: 'Queue', description: '', categoryId: 'cat-hardware-printer', ciIds: ['ci-print-01'] };
    const withPrinter = knownError('ke-queue', 'Mail queue backlog', {
      symptoms: text('Queue of outgoing mail grows', 'La file du courrier sortant grandit'),
      cause: text('Relay down', 'Relais en panne'),
      workaround: text('Queue queue queue', 'File'),
    });
    const both = buildKnownErrorIndex(publishedKnownErrors([withPrinter, printer]));
    expect(ids(both.suggestFor({ ...words, categoryId: '', ciIds: [] }))[0]).toBe('ke-queue');
    expect(ids(both.suggestFor(words))[0]).toBe('ke-printer');
    // A CI alone is evidence enough; a category alone is not.
    expect(ids(index.suggestFor({ title: 'Slow', description: '', categoryId: '', ciIds: ['ci-vpn-gw'] }))).toEqual(['ke-vpn']);
    expect(index.suggestFor({ title: 'Slow', description: '', categoryId: 'cat-network' })).toEqual([]);
  });

  it('holds the known errors of problems in the known-error or resolved phase only', () => {
    const closed = { ...vpn, id: 'ke-closed', problemPhase: 'closed' as const, status: 'closed' as const };
    const analysing = { ...vpn, id: 'ke-rca', problemPhase: 'root_cause_analysis' as const };
    const resolved = { ...vpn, id: 'ke-resolved', problemPhase: 'resolved' as const, status: 'resolved' as const };
    const incident = buildTicket({ id: 'inc-1' });
    expect(publishedKnownErrors([closed, analysing, resolved, incident, vpn]).map((s) => s.id)).toEqual([
      'ke-resolved',
      'ke-vpn',
    ]);
  });
});
