import type { Ticket } from '@shared';
import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../test-support/fixtures.js';
import { callerMailKinds } from './caller-mail.js';
import { renderCallerMail } from './caller-mail-templates.js';

const ticket = (overrides: Partial<Ticket> = {}): Ticket => makeTicket({ number: 'INC0001234', ...overrides });

describe('callerMailKinds', () => {
  it('mails on creation, on reaching in progress or pending, and on resolution only', () => {
    const base = ticket({ status: 'assigned' });
    expect(callerMailKinds(undefined, ticket({ status: 'new' }))).toEqual(['ticket-created']);
    expect(callerMailKinds(undefined, ticket({ status: 'resolved', resolutionCode: 'fixed' }))).toEqual([
      'ticket-created',
      'ticket-resolved',
    ]);
    expect(callerMailKinds(base, { ...base, status: 'in_progress' })).toEqual(['ticket-progress']);
    expect(callerMailKinds(base, { ...base, status: 'pending', pendingReason: 'vendor' })).toEqual(['ticket-progress']);
    expect(callerMailKinds(base, { ...base, status: 'resolved' })).toEqual(['ticket-resolved']);
    // Resolved and closed offline, or recorded, resolved and closed before the first push: the caller still hears.
    expect(callerMailKinds(base, { ...base, status: 'closed' })).toEqual(['ticket-resolved']);
    expect(callerMailKinds(undefined, ticket({ status: 'closed' }))).toEqual(['ticket-created', 'ticket-resolved']);
    expect(callerMailKinds({ ...base, status: 'resolved' }, { ...base, status: 'closed' })).toEqual([]);
    // Reopened: progress again.
    expect(callerMailKinds({ ...base, status: 'resolved' }, { ...base, status: 'in_progress' })).toEqual(['ticket-progress']);
    for (const quiet of [{ title: 'Renamed' }, { groupId: 'grp-apps' }, { status: 'new' as const }]) {
      expect(callerMailKinds(base, { ...base, ...quiet })).toEqual([]);
    }
    const pending = { ...base, status: 'pending' as const, pendingReason: 'customer' as const };
    expect(callerMailKinds(pending, { ...pending, title: 'Other' })).toEqual([]);
  });
});

describe('renderCallerMail', () => {
  it('escapes what it quotes in the HTML part and keeps the subject on one line', () => {
    const mail = renderCallerMail(
      'ticket-resolved',
      {
        ticket: ticket({ title: 'VPN <b>down</b>\r\nBcc: x@evil', resolutionNotes: 'Fixed <script>alert(1)</script> & "more"' }),
        callerName: "Ann <O'Neil>",
      },
      'en',
    );
    expect(mail.subject).toBe('[INC0001234] Your request has been resolved: VPN <b>down</b> Bcc: x@evil');
    expect(mail.html).not.toMatch(/<script>|<b>|<O'Neil>/);
    expect(mail.html).toContain('Fixed &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(mail.text).toContain('Fixed <script>alert(1)</script> & "more"');
  });

  it('names only the number of a security incident, in either language', () => {
    const secret = ticket({ security: true, title: 'Ransomware on the payroll server', resolutionNotes: 'Restored from backup' });
    for (const language of ['en', 'fr'] as const) {
      for (const kind of ['ticket-created', 'ticket-progress', 'ticket-resolved'] as const) {
        const mail = renderCallerMail(kind, { ticket: { ...secret, status: 'resolved' }, callerName: 'Ann' }, language);
        expect(mail.subject).toContain('INC0001234');
        expect(mail.subject + mail.text + mail.html).not.toMatch(/Ransomware|payroll|backup/);
      }
    }
  });
});
