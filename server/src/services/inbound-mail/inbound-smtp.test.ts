import { describe, expect, it } from 'vitest';
import { inboundMailFromEnv, ConfigError } from '../../config/env.js';
import { smtpRefusal } from './inbound-smtp.js';

describe('inbound mail listener', () => {
  it('accepts recorded and repeated messages, and refuses the others with a permanent, explained answer', () => {
    expect(smtpRefusal({ kind: 'recorded', ticketId: 't', eventId: 'e', reopened: false })).toBeNull();
    expect(smtpRefusal({ kind: 'duplicate', ticketId: 't', eventId: 'e' })).toBeNull();
    expect(smtpRefusal({ kind: 'unknown_ticket' })).toMatchObject({ responseCode: 550 });
    expect(smtpRefusal({ kind: 'not_caller', number: 'INC0000007' })?.message).toContain('Only the caller of INC0000007');
    expect(smtpRefusal({ kind: 'empty' })).toMatchObject({ responseCode: 550 });
  });

  it('is off unless INBOUND_SMTP_PORT is set, and refuses a bad port at start-up', () => {
    expect(inboundMailFromEnv({})).toEqual({});
    expect(inboundMailFromEnv({ INBOUND_SMTP_PORT: '2525', INBOUND_MAIL_ADDRESS: 'in@example.org' })).toEqual({
      inboundSmtpPort: 2525,
      inboundMailAddress: 'in@example.org',
    });
    expect(() => inboundMailFromEnv({ INBOUND_SMTP_PORT: 'smtp' })).toThrow(ConfigError);
  });
});
