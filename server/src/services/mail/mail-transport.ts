import { replyMessageId } from '@shared';
import nodemailer from 'nodemailer';
import type { OutgoingMail } from '../../db/queries/mail-outbox.js';

/** Where outgoing e-mail goes: SMTP in production and in tests (a real SMTP server started by the test). */
export interface MailTransport {
  /** `id` is the outbox row's, when the message comes from the outbox (it makes the Message-ID unique). */
  send(mail: OutgoingMail & { id?: number }): Promise<void>;
  close(): void;
}

export interface SmtpTransportOptions {
  /** Reply-To: of mail about a ticket: the inbound address that threads an answer back (INBOUND_MAIL_ADDRESS). */
  replyTo?: string;
}

/** The domain of an address such as `Service Desk <desk@example.org>`, for Message-IDs; `localhost` without one. */
export function mailDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match ? match[1] : 'localhost';
}

/**
 * Threading headers of a mail about a ticket: a Message-ID naming the ticket (the caller's answer quotes it in
 * In-Reply-To, which names the ticket even if the subject tag was edited away) and the Reply-To the answer goes to.
 */
export function threadingHeaders(
  mail: Pick<OutgoingMail, 'ticketId'> & { id?: number },
  from: string,
  options: SmtpTransportOptions = {},
): { messageId?: string; replyTo?: string } {
  if (!mail.ticketId) return {};
  const unique = `${mail.id ?? 'x'}.${Date.now().toString(36)}`;
  return {
    messageId: replyMessageId(mail.ticketId, unique, mailDomain(from)),
    ...(options.replyTo ? { replyTo: options.replyTo } : {}),
  };
}

/** An SMTP transport from a URL such as `smtp://user:pass@host:587` or `smtps://host:465`. */
export function smtpTransport(smtpUrl: string, from: string, options: SmtpTransportOptions = {}): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...threadingHeaders(mail, from, options),
      });
    },
    close: () => transporter.close(),
  };
}
