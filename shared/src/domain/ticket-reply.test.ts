import { describe, expect, it } from 'vitest';
import { TICKET_EVENT_KINDS, ticketEventDefinition } from '../schemas/ticket-event.js';
import { buildEvent, buildTicket } from '../testing/build-records.js';
import {
  ticketAfterCallerReply,
  INBOUND_REPLY,
  isInboundReply,
  replyMessageId,
  stripQuotedHistory,
  subjectTag,
  ticketIdInReferences,
  ticketNumberInSubject,
} from './ticket-reply.js';

describe('ticket reply rules', () => {
  it('finds the ticket number in a subject tag, whatever the prefixes and case', () => {
    expect(subjectTag('INC0001234')).toBe('[INC0001234]');
    expect(ticketNumberInSubject('Re: RE: [INC0001234] Printer jams')).toBe('INC0001234');
    expect(ticketNumberInSubject('TR: [req0000042] Badge')).toBe('REQ0000042');
    expect(ticketNumberInSubject('About INC0001234')).toBeNull();
    expect(ticketNumberInSubject('[NEW-K3ZQ7A] draft')).toBeNull();
  });

  it('round-trips the ticket id through the Message-ID a reply quotes, with any characters in the ids', () => {
    const id = replyMessageId('t-1/é <x>', 'evt 2', 'desk.example.org');
    expect(id).toMatch(/^<sd\.[0-9a-f]+\.[0-9a-f]+@desk\.example\.org>$/);
    expect(ticketIdInReferences(['<other@mail.example>', id])).toBe('t-1/é <x>');
    expect(ticketIdInReferences(['<sd.zz.00@x>', '<random@x>'])).toBeNull();
  });

  it('strips the quoted history of an English or French answer', () => {
    const en = 'Thanks, it works now.\n\nOn Mon, 7 Dec 2026 at 10:00, Service Desk <desk@x> wrote:\n> Your printer is fixed.\n';
    expect(stripQuotedHistory(en)).toBe('Thanks, it works now.');
    const fr = "Merci !\r\n\r\nLe lun. 7 déc. 2026, Centre de services a écrit :\r\n> C'est réparé.";
    expect(stripQuotedHistory(fr)).toBe('Merci !');
    expect(stripQuotedHistory('Still broken.\n> quoted line\nSigned')).toBe('Still broken.\nSigned');
    expect(stripQuotedHistory('-----Original Message-----\nonly history')).toBe('-----Original Message-----\nonly history');
  });

  it('tells an inbound reply from the desk’s own', () => {
    expect(isInboundReply({ kind: 'reply', fromValue: INBOUND_REPLY })).toBe(true);
    expect(isInboundReply({ kind: 'reply', fromValue: '' })).toBe(false);
    expect(isInboundReply({ kind: 'comment', fromValue: INBOUND_REPLY })).toBe(false);
  });

  it('came with event schema v3, an identity migration that keeps the replication', () => {
    expect(ticketEventDefinition.schema.version).toBe(3);
    expect(ticketEventDefinition.replicationVersion).toBe(0);
    expect(TICKET_EVENT_KINDS).toContain('reply');
    const v2 = { ...buildEvent('t-1', 'u-1') } as unknown as Record<string, unknown>;
    expect(ticketEventDefinition.migrationStrategies[3](v2)).toBe(v2);
  });
});

describe('ticketAfterCallerReply', () => {
  const by = { authorId: 'usr-0001', occurredAt: 2_000_000_000_000, idPrefix: 'r-1' };

  it('reopens a resolved ticket in progress with its assignee, or New without one, with the status entry in the caller’s name', () => {
    const held = ticketAfterCallerReply(buildTicket({ status: 'resolved', assigneeId: 'u-agent' }), by);
    expect(held?.ticket).toMatchObject({ status: 'in_progress', assigneeId: 'u-agent', updatedBy: 'usr-0001' });
    expect(held?.events).toContainEqual(
      expect.objectContaining({ id: 'r-1-status', kind: 'status_change', fromValue: 'resolved', toValue: 'in_progress' }),
    );
    const unheld = ticketAfterCallerReply(buildTicket({ status: 'pending', pendingReason: 'customer', assigneeId: '' }), by);
    expect(unheld?.ticket).toMatchObject({ status: 'new', pendingReason: '' });
  });

  it('leaves open work, a wait on someone else and a closed ticket as they are', () => {
    for (const ticket of [
      buildTicket({ status: 'in_progress' }),
      buildTicket({ status: 'pending', pendingReason: 'vendor' }),
      buildTicket({ status: 'closed' }),
    ])
      expect(ticketAfterCallerReply(ticket, by), ticket.status).toBeNull();
  });
});
