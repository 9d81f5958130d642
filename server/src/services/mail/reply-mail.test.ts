import { ticketIdInReferences } from '@shared';
import { describe, expect, it } from 'vitest';
import { mailDomain, threadingHeaders } from './mail-transport.js';
import { renderReplyMail } from './reply-mail-template.js';

const ticket = { number: 'INC0001234', title: 'Printer\r\nBcc: x@evil', security: false };

describe('reply mail', () => {
  it('puts the number in the subject, one line, and the reply in the caller’s language', () => {
    const fr = renderReplyMail({ ticket, callerName: 'Chloé', body: 'C’est réparé.' }, 'fr');
    expect(fr.subject).toBe('[INC0001234] Printer Bcc: x@evil');
    expect(fr.text).toContain('Bonjour Chloé,');
    expect(fr.text).toContain('C’est réparé.');
    expect(fr.text).toContain('[INC0001234] dans l');
    const en = renderReplyMail({ ticket, callerName: '', body: 'Fixed.' }, 'en');
    expect(en.text.startsWith('Hello,\n\nThe service desk has replied about your request INC0001234:')).toBe(true);
  });

  it('keeps hostile markup inert in the HTML part', () => {
    const { html, text } = renderReplyMail(
      { ticket, callerName: '<b>x</b>', body: '<img src=x onerror=alert(1)>\n"a" & \'b\'' },
      'en',
    );
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;<br>&quot;a&quot; &amp; &#39;b&#39;');
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });

  it('names only the number for a security incident', () => {
    const { subject } = renderReplyMail({ ticket: { ...ticket, security: true }, callerName: '', body: 'x' }, 'en');
    expect(subject).toBe('[INC0001234] Reply from the service desk');
  });

  it('gives mail about a ticket a Message-ID naming it and the inbound Reply-To', () => {
    expect(mailDomain('Service Desk <desk@example.org>')).toBe('example.org');
    expect(mailDomain('nobody')).toBe('localhost');
    const headers = threadingHeaders({ ticketId: 't-42', id: 7 }, 'desk@example.org', { replyTo: 'in@example.org' });
    expect(headers.replyTo).toBe('in@example.org');
    expect(ticketIdInReferences([headers.messageId ?? ''])).toBe('t-42');
    expect(threadingHeaders({}, 'desk@example.org')).toEqual({});
  });
});
