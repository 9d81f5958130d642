import type { Language, Ticket } from '@shared';
import { escapeHtml, oneLine, type RenderedMail } from '../notifications/caller-mail-templates.js';

/** What an approval request may quote. */
export interface ApprovalRequestInput {
  change: Pick<Ticket, 'number' | 'title' | 'security' | 'plannedStart' | 'plannedEnd' | 'changeType'>;
  /** First request, or asked again because the plan, window or CIs changed after decisions were given. */
  reason: 'new' | 'again';
  link: string;
  language: Language;
}

const COPY = {
  en: {
    subject: (n: string) => `[${n}] Your approval is requested`,
    again:
      'The plan, schedule or configuration items of this change changed after decisions were given: your decision is asked again.',
    lead: (n: string) => `${n} is waiting for the Change Advisory Board's decision.`,
    emergency: 'This is an emergency change.',
    window: (from: string, to: string) => `Planned: ${from} to ${to} (UTC).`,
    open: 'Open the change to read its plan, risk and collisions, then approve or reject it:',
  },
  fr: {
    subject: (n: string) => `[${n}] Votre approbation est demandée`,
    again:
      'Le plan, le calendrier ou les éléments de configuration de ce changement ont changé après les décisions : votre décision est demandée à nouveau.',
    lead: (n: string) => `${n} attend la décision du comité consultatif sur les changements.`,
    emergency: 'Il s’agit d’un changement urgent.',
    window: (from: string, to: string) => `Prévu : du ${from} au ${to} (UTC).`,
    open: 'Ouvrez le changement pour lire son plan, son risque et ses conflits, puis approuvez-le ou rejetez-le :',
  },
} as const;

const utc = (ms: number | undefined): string => (ms ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '—');

/**
 * The e-mail asking a board member for a decision, in their language, as plain text and simple HTML (every quoted
 * value escaped, the subject on one line). The title is left out of a security change's mail.
 */
export function renderApprovalRequest(input: ApprovalRequestInput): RenderedMail {
  const copy = COPY[input.language];
  const number = oneLine(input.change.number);
  const title = input.change.security ? '' : oneLine(input.change.title);
  const subject = oneLine(`${copy.subject(number)}${title ? `: ${title}` : ''}`);
  const paragraphs: string[][] = [
    ...(input.reason === 'again' ? [[copy.again]] : []),
    [copy.lead(number), ...(title ? [title] : []), ...(input.change.changeType === 'emergency' ? [copy.emergency] : [])],
    [copy.window(utc(input.change.plannedStart), utc(input.change.plannedEnd))],
    [copy.open, input.link],
  ];
  const text = paragraphs.map((lines) => lines.join('\n')).join('\n\n') + '\n';
  const html =
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">' +
    paragraphs.map((lines) => `<p>${lines.map((l) => escapeHtml(l)).join('<br>')}</p>`).join('') +
    '</body></html>';
  return { subject, text, html };
}
