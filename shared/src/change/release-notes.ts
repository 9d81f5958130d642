import type { Language } from '../schemas/bilingual.js';
import type { Ticket } from '../schemas/ticket.js';

type NoteChange = Pick<Ticket, 'number' | 'title' | 'changeType' | 'changePlan' | 'changeOutcome' | 'fixesTicketIds'>;

const HEADINGS: Readonly<Record<Language, { title: string; changes: string; fixes: string; none: string; why: string }>> = {
  en: { title: 'Release notes', changes: 'Changes', fixes: 'Fixes', none: 'No changes are bundled yet.', why: 'Why' },
  fr: {
    title: 'Notes de version',
    changes: 'Changements',
    fixes: 'Corrige',
    none: 'Aucun changement n’est encore inclus.',
    why: 'Pourquoi',
  },
};

/** Markdown-special characters escaped, so a title or plan reads as text in the notes, never as markup or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/**
 * The release notes of a release in one language, as Markdown: a heading with the release's number and title, then
 * each bundled change (number, title, why, and the tickets it fixes by number). People edit them before publishing;
 * `ticketNumber` names a fixed ticket (its number when known).
 */
export function generateReleaseNotes(
  release: Pick<Ticket, 'number' | 'title'>,
  changes: readonly NoteChange[],
  language: Language,
  ticketNumber: (id: string) => string = (id) => id,
): string {
  const h = HEADINGS[language];
  const lines = [`# ${h.title}: ${escapeMarkdown(release.number)} ${escapeMarkdown(release.title)}`, '', `## ${h.changes}`, ''];
  if (changes.length === 0) lines.push(h.none);
  for (const change of [...changes].sort((a, b) => a.number.localeCompare(b.number))) {
    lines.push(`- **${escapeMarkdown(change.number)}**: ${escapeMarkdown(change.title)}`);
    const reason = change.changePlan?.reason.trim() ?? '';
    if (reason !== '') lines.push(`  - ${h.why}: ${escapeMarkdown(reason)}`);
    const fixes = change.fixesTicketIds ?? [];
    if (fixes.length > 0) lines.push(`  - ${h.fixes}: ${fixes.map((id) => escapeMarkdown(ticketNumber(id))).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
