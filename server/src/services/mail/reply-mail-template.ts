import { subjectTag, type Ticket } from '@shared';
import { escapeHtml, oneLine, type MailLanguage, type RenderedMail } from '../notifications/caller-mail-templates.js';

export interface ReplyMailInput {
  ticket: Pick<Ticket, 'number' | 'title' | 'security'>;
  callerName: string;
  /** The agent's reply, as typed. */
  body: string;
}

const COPY = {
  en: {
    greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    restrictedSubject: 'Reply from the service desk',
    lead: (n: string) => `The service desk has replied about your request ${n}:`,
    answer: (tag: string) => `To answer, reply to this message and keep ${tag} in the subject.`,
    signature: 'The Service Desk',
  },
  fr: {
    greeting: (name: string) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    restrictedSubject: 'Réponse du centre de services',
    lead: (n: string) => `Le centre de services a répondu au sujet de votre demande ${n} :`,
    answer: (tag: string) => `Pour répondre, répondez à ce courriel en gardant ${tag} dans l'objet.`,
    signature: 'Le centre de services',
  },
} satisfies Record<MailLanguage, unknown>;

/**
 * The mail carrying an agent's public reply to the caller, in the caller's language: the ticket's tag in the subject
 * (it threads the answer back), the reply as plain text and as HTML with every character of it escaped, so a reply
 * quoting markup shows it as text. A security incident's subject names the number only, as the other caller mails do.
 */
export function renderReplyMail(input: ReplyMailInput, language: MailLanguage): RenderedMail {
  const copy = COPY[language];
  const tag = subjectTag(input.ticket.number);
  const subject = oneLine(`${tag} ${input.ticket.security ? copy.restrictedSubject : input.ticket.title}`);
  const paragraphs = [
    copy.greeting(oneLine(input.callerName)),
    copy.lead(input.ticket.number),
    input.body.trim(),
    copy.answer(tag),
    copy.signature,
  ];
  const text = paragraphs.join('\n\n') + '\n';
  const html =
    `<!doctype html><html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">` +
    paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') +
    '</body></html>';
  return { subject, text, html };
}
