import nodemailer from 'nodemailer';
import type { OutgoingMail } from '../../db/queries/mail-outbox.js';

/** Where outgoing e-mail goes: SMTP in production and in tests (a real SMTP server started by the test). */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** An SMTP transport from a URL such as `smtp://user:pass@host:587` or `smtps://host:465`. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transporter.close(),
  };
}
