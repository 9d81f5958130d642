/** Native menu and tray wording in the app's two languages (the renderer has its own i18n). */
const EN = {
  file: '&File',
  newTicket: 'New ticket',
  go: '&Go',
  tickets: 'Tickets',
  kb: 'Knowledge base',
  conflicts: 'Conflicts',
  help: '&Help',
  shortcuts: 'Keyboard shortcuts',
  exportDiagnostics: 'Export diagnostics…',
  addToDictionary: 'Add to dictionary',
  syncNow: 'Sync now',
  pauseSync: 'Pause sync (work offline)',
  resumeSync: 'Resume sync',
  showWindow: 'Show window',
  quit: 'Quit',
  syncPaused: 'sync paused',
  pending: (n: number) => (n === 1 ? '1 change waiting to sync' : `${n} changes waiting to sync`),
  unread: (n: number) => `${n} unread`,
  upToDate: 'up to date',
};

export type Labels = typeof EN;

const FR: Labels = {
  file: '&Fichier',
  newTicket: 'Nouveau billet',
  go: '&Aller à',
  tickets: 'Billets',
  kb: 'Base de connaissances',
  conflicts: 'Conflits',
  help: 'Ai&de',
  shortcuts: 'Raccourcis clavier',
  exportDiagnostics: 'Exporter les diagnostics…',
  addToDictionary: 'Ajouter au dictionnaire',
  syncNow: 'Synchroniser maintenant',
  pauseSync: 'Suspendre la synchronisation (hors ligne)',
  resumeSync: 'Reprendre la synchronisation',
  showWindow: 'Afficher la fenêtre',
  quit: 'Quitter',
  syncPaused: 'synchronisation suspendue',
  pending: (n) => (n <= 1 ? `${n} modification à synchroniser` : `${n} modifications à synchroniser`),
  unread: (n) => (n <= 1 ? `${n} non lu` : `${n} non lus`),
  upToDate: 'à jour',
};

/** French for any `fr` locale (fr, fr-CA, fr-FR…), English otherwise. */
export function labelsFor(locale: string): Labels {
  return /^fr\b/i.test(locale) ? FR : EN;
}
