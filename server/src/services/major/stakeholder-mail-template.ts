import type { Ticket } from '@shared';
import { escapeHtml, oneLine, type RenderedMail } from '../notifications/caller-mail-templates.js';

/** What a stakeholder update e-mail may quote. */
export interface StakeholderMailInput {
  ticket: Pick<Ticket, 'number' | 'title' | 'security'>;
  /** The update as the manager wrote it (free text, quoted as text, never as markup). */
  body: string;
  /** The ticket in the console, for staff stakeholders. */
  link: string;
}

const RESTRICTED_TEXT = (number: string, link: string): string[][] => [
  [`There is a new update on ${number}. Sign in to the service desk to read it:`, link],
  [`Une nouvelle mise à jour concerne ${number}. Connectez-vous au centre de services pour la lire :`, link],
];

/**
 * The e-mail for one stakeholder update, bilingual, as plain text and simple HTML (every quoted value escaped, the
 * subject on one line). A security incident always gets the restricted template: its number and a link only, no
 * title and no update text, which could tell a reader of the mailbox what was attacked and how.
 */
export function renderStakeholderMail(input: StakeholderMailInput): RenderedMail {
  const { ticket, body, link } = input;
  const number = oneLine(ticket.number);
  const subject = ticket.security
    ? `[${number}] Update / Mise à jour`
    : oneLine(`[${number}] Update / Mise à jour: ${ticket.title}`);
  const paragraphs = ticket.security
    ? RESTRICTED_TEXT(number, link)
    : [[body.trim()], [`${number} - ${oneLine(ticket.title)}`, link]];
  const text = paragraphs.map((lines) => lines.join('\n')).join('\n\n') + '\n';
  const html =
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">' +
    paragraphs.map((lines) => `<p>${lines.map((l) => escapeHtml(l).replace(/\n/g, '<br>')).join('<br>')}</p>`).join('') +
    '</body></html>';
  return { subject, text, html };
}
