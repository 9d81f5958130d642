import { pickLanguage, type Language, type Survey } from '@shared';
import type { OutgoingMail } from '../../db/queries/mail-outbox.js';

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface InvitationMailInput {
  to: string;
  name: string;
  language: Language;
  survey: Survey;
  link: string;
  expiresAt: Date;
  ticket: { id: string; number: string; title: string } | null;
}

const formatDate = (date: Date, language: Language): string =>
  date.toLocaleDateString(language === 'fr' ? 'fr-CA' : 'en-CA', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** The survey invitation in the contact's language, text and HTML, with the personal link. */
export function invitationMail(input: InvitationMailInput): OutgoingMail {
  const { language, ticket, link } = input;
  const title = pickLanguage(input.survey.title, language);
  const until = formatDate(input.expiresAt, language);
  const fr = language === 'fr';
  const greeting = input.name ? (fr ? `Bonjour ${input.name},` : `Hello ${input.name},`) : fr ? 'Bonjour,' : 'Hello,';
  const why = ticket
    ? fr
      ? `Votre billet ${ticket.number} « ${ticket.title} » a été résolu. Dites-nous comment nous avons fait : cela prend une minute.`
      : `Your ticket ${ticket.number} "${ticket.title}" was resolved. Please tell us how we did: it takes a minute.`
    : fr
      ? 'Nous aimerions connaître votre avis sur le Centre de services : cela prend une minute.'
      : 'We would like your opinion of the Service Desk: it takes a minute.';
  const validity = fr
    ? `Ce lien vous est personnel et sert une seule fois, jusqu'au ${until}.`
    : `This link is personal and works once, until ${until}.`;
  const answer = fr ? 'Répondre au sondage' : 'Answer the survey';
  const signature = fr ? 'Le Centre de services' : 'The Service Desk';
  const subject = ticket ? `${title} (${ticket.number})` : title;
  const text = `${greeting}\n\n${why}\n\n${answer}: ${link}\n\n${validity}\n\n${signature}\n`;
  const html =
    `<!doctype html><html lang="${language}"><body>` +
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(why)}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(answer)}</a></p>` +
    `<p>${escapeHtml(validity)}</p><p>${escapeHtml(signature)}</p></body></html>`;
  return { kind: 'survey-invitation', to: input.to, subject, text, html, ...(ticket ? { ticketId: ticket.id } : {}) };
}

export interface LowScoreMailInput {
  to: string;
  ticket: { id: string; number: string; title: string };
  followUpNumber: string;
  scores: string;
  verbatims: string[];
  consoleUrl: string;
}

/** Tells a supervisor that a customer gave a low score and which follow-up task was opened. */
export function lowScoreMail(input: LowScoreMailInput): OutgoingMail {
  const comments = input.verbatims.length
    ? `\nWhat the customer wrote:\n${input.verbatims.map((v) => `> ${v}`).join('\n')}\n`
    : '';
  const text =
    `A customer gave a low satisfaction score on ticket ${input.ticket.number} "${input.ticket.title}" (${input.scores}).\n` +
    comments +
    `\nFollow-up task ${input.followUpNumber} was opened for the ticket's group.\n\n${input.consoleUrl}\n`;
  return {
    kind: 'low-score',
    to: input.to,
    subject: `Low satisfaction score on ${input.ticket.number} (${input.scores})`,
    text,
    ticketId: input.ticket.id,
  };
}
