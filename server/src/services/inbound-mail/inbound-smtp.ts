import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../db/database.js';
import { threadInboundReply, type InboundOutcome } from './thread-inbound-reply.js';

/** Largest message accepted (bytes): a reply with a signature, not attachments, which are not kept anyway. */
export const DEFAULT_INBOUND_MAX_BYTES = 1_000_000;

export interface InboundSmtpOptions {
  port: number;
  /** Default 127.0.0.1: put a real MTA in front to receive from the Internet (TLS, spam filtering, SPF/DKIM). */
  host?: string;
  maxBytes?: number;
  log?: (message: string) => void;
}

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

type SmtpError = Error & { responseCode: number };

const smtpError = (responseCode: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode });

/** The SMTP answer for an outcome: null = accepted (250). */
export function smtpRefusal(outcome: InboundOutcome): SmtpError | null {
  switch (outcome.kind) {
    case 'recorded':
    case 'duplicate':
      return null;
    case 'unknown_ticket':
      return smtpError(550, '5.1.1 No ticket matches this message: keep the [number] tag of our e-mail in the subject.');
    case 'not_caller':
      return smtpError(550, `5.7.1 Only the caller of ${outcome.number} may answer it by e-mail.`);
    case 'empty':
      return smtpError(550, '5.6.0 The message has no text to add to the ticket.');
  }
}

const references = (parsed: ParsedMail): string[] => {
  const refs = typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []);
  return [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...refs];
};

/**
 * The optional inbound mail listener (INBOUND_SMTP_PORT): callers' answers to the desk's mail become inbound replies on
 * their ticket (threadInboundReply). Everything is decided when the message has arrived (the ticket is named by its
 * subject), and refused with a permanent 5xx so the sender's server bounces it with the reason; the desk keeps nothing
 * it refused. No AUTH: the listener accepts mail for the desk, it relays nothing.
 */
export async function startInboundSmtp(db: Database, options: InboundSmtpOptions): Promise<InboundSmtp> {
  const maxBytes = options.maxBytes ?? DEFAULT_INBOUND_MAX_BYTES;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          // The size is checked again here: a client may ignore the SIZE the server announced.
          if ((stream as typeof stream & { sizeExceeded?: boolean }).sizeExceeded) {
            return smtpError(552, `5.3.4 The message is larger than ${maxBytes} bytes.`);
          }
          const outcome = await threadInboundReply(db, {
            from: parsed.from?.value[0]?.address ?? '',
            subject: parsed.subject ?? '',
            references: references(parsed),
            messageId: parsed.messageId ?? '',
            text: parsed.text ?? '',
          });
          options.log?.(`inbound mail from ${parsed.from?.value[0]?.address ?? '?'}: ${outcome.kind}`);
          return smtpRefusal(outcome);
        })
        .then(
          (refusal) => callback(refusal),
          (error: unknown) => {
            options.log?.(`inbound mail failed: ${error instanceof Error ? error.message : String(error)}`);
            callback(smtpError(451, '4.3.0 The message could not be recorded now; try again later.'));
          },
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
