import type { Ticket, TicketStatus } from '@shared';

/** Why the caller hears from us. Closing and other changes send nothing: callers asked for these three. */
export type CallerMailKind = 'ticket-created' | 'ticket-progress' | 'ticket-resolved';

export type MailLanguage = 'en' | 'fr';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a template may quote. Security incidents pass `restricted`: only the number leaves the building. */
export interface CallerMailInput {
  ticket: Pick<Ticket, 'number' | 'title' | 'status' | 'pendingReason' | 'resolutionNotes' | 'security'>;
  callerName: string;
}

const STATUS_WORDS: Record<MailLanguage, Partial<Record<TicketStatus, string>>> = {
  en: { in_progress: 'in progress', pending: 'waiting', resolved: 'resolved' },
  fr: { in_progress: 'en cours de traitement', pending: 'en attente', resolved: 'résolue' },
};

const PENDING_WORDS: Record<MailLanguage, Record<string, string>> = {
  en: {
    customer: 'We are waiting for information from you.',
    vendor: 'We are waiting for a supplier.',
    change: 'We are waiting for a planned change.',
  },
  fr: {
    customer: 'Nous attendons des informations de votre part.',
    vendor: 'Nous attendons un fournisseur.',
    change: 'Nous attendons un changement planifié.',
  },
};

interface Copy {
  greeting: (name: string) => string;
  subject: Record<CallerMailKind, (number: string, title: string) => string>;
  restrictedSubject: Record<CallerMailKind, (number: string) => string>;
  lead: Record<CallerMailKind, (number: string) => string>;
  status: (word: string) => string;
  notesHeading: string;
  reply: string;
  signature: string;
}

const COPY: Record<MailLanguage, Copy> = {
  en: {
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    subject: {
      'ticket-created': (n, title) => `[${n}] We have received your request: ${title}`,
      'ticket-progress': (n, title) => `[${n}] Update on your request: ${title}`,
      'ticket-resolved': (n, title) => `[${n}] Your request has been resolved: ${title}`,
    },
    restrictedSubject: {
      'ticket-created': (n) => `[${n}] We have received your report`,
      'ticket-progress': (n) => `[${n}] Update on your report`,
      'ticket-resolved': (n) => `[${n}] Your report has been resolved`,
    },
    lead: {
      'ticket-created': (n) => `We have recorded your request under the number ${n}. Quote it whenever you contact us.`,
      'ticket-progress': (n) => `There is news about your request ${n}.`,
      'ticket-resolved': (n) => `Your request ${n} has been resolved.`,
    },
    status: (word) => `Its status is now: ${word}.`,
    notesHeading: 'What we did:',
    reply: 'If the problem is not solved, reply to this message or call the service desk and quote the number.',
    signature: 'The Service Desk',
  },
  fr: {
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    subject: {
      'ticket-created': (n, title) => `[${n}] Nous avons bien reçu votre demande : ${title}`,
      'ticket-progress': (n, title) => `[${n}] Suivi de votre demande : ${title}`,
      'ticket-resolved': (n, title) => `[${n}] Votre demande est résolue : ${title}`,
    },
    restrictedSubject: {
      'ticket-created': (n) => `[${n}] Nous avons bien reçu votre signalement`,
      'ticket-progress': (n) => `[${n}] Suivi de votre signalement`,
      'ticket-resolved': (n) => `[${n}] Votre signalement est résolu`,
    },
    lead: {
      'ticket-created': (n) => `Votre demande est enregistrée sous le numéro ${n}. Rappelez-le à chaque échange avec nous.`,
      'ticket-progress': (n) => `Votre demande ${n} a évolué.`,
      'ticket-resolved': (n) => `Votre demande ${n} est résolue.`,
    },
    status: (word) => `Son statut est maintenant : ${word}.`,
    notesHeading: 'Ce que nous avons fait :',
    reply: 'Si le problème persiste, répondez à ce message ou appelez le centre de services en rappelant le numéro.',
    signature: 'Le centre de services',
  },
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A header must be one line: a title with line breaks would otherwise split the subject. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The e-mail to a caller, in their language, as plain text and simple HTML (every quoted value escaped). For
 * security incidents it names the number only: no title, status details or resolution notes, which could tell
 * a reader of the mailbox what was attacked and how.
 */
export function renderCallerMail(kind: CallerMailKind, input: CallerMailInput, language: MailLanguage): RenderedMail {
  const copy = COPY[language];
  const { ticket } = input;
  const restricted = ticket.security;
  const number = ticket.number;
  const subject = oneLine(restricted ? copy.restrictedSubject[kind](number) : copy.subject[kind](number, ticket.title));
  const paragraphs: string[][] = [[copy.greeting(oneLine(input.callerName))], [copy.lead[kind](number)]];
  if (!restricted && kind === 'ticket-progress') {
    const word = STATUS_WORDS[language][ticket.status];
    const line = word ? [copy.status(word)] : [];
    if (ticket.status === 'pending' && ticket.pendingReason) line.push(PENDING_WORDS[language][ticket.pendingReason] ?? '');
    if (line.length > 0) paragraphs.push(line.filter(Boolean));
  }
  if (!restricted && kind === 'ticket-resolved' && ticket.resolutionNotes.trim()) {
    paragraphs.push([copy.notesHeading, ticket.resolutionNotes.trim()]);
  }
  if (kind === 'ticket-resolved') paragraphs.push([copy.reply]);
  paragraphs.push([copy.signature]);
  const text = paragraphs.map((lines) => lines.join('\n')).join('\n\n') + '\n';
  const html =
    `<!doctype html><html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">` +
    paragraphs.map((lines) => `<p>${lines.map((l) => escapeHtml(l).replace(/\n/g, '<br>')).join('<br>')}</p>`).join('') +
    '</body></html>';
  return { subject, text, html };
}
