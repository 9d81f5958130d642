import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, describeDeepLink, parseDeepLink } from './parse.js';

describe('parseDeepLink', () => {
  it('parses ticket and knowledge base links', () => {
    expect(parseDeepLink('servicedesk://ticket/INC0001042')).toEqual({ kind: 'ticket', number: 'INC0001042' });
    expect(parseDeepLink('servicedesk://kb/kb-0000001')).toEqual({ kind: 'kb', id: 'kb-0000001' });
  });

  it('accepts any letter case in scheme and kind, and one trailing slash', () => {
    expect(parseDeepLink('ServiceDesk://TICKET/INC-42/')).toEqual({ kind: 'ticket', number: 'INC-42' });
    expect(parseDeepLink('servicedesk://Kb/abc_1')).toEqual({ kind: 'kb', id: 'abc_1' });
  });

  it.each([
    'servicedesk://ticket/',
    'servicedesk://ticket',
    'servicedesk://ticket/INC1//',
    'servicedesk://ticket/INC1/comments',
    'servicedesk://ticket/INC1?x=1',
    'servicedesk://ticket/INC1#frag',
    'servicedesk://ticket/../kb/1',
    'servicedesk://ticket/%2e%2e',
    'servicedesk://ticket/INC%201',
    'servicedesk://ticket/INC 1',
    'servicedesk://ticket/INC1\n',
    'servicedesk://ticket/-INC1',
    'servicedesk://ticket/_x',
    'servicedesk://ticket/ticket.json',
    'servicedesk://ticket/INCé',
    'servicedesk://user:pw@ticket/INC1',
    'servicedesk://ticket:80/INC1',
    'servicedesk:ticket/INC1',
    'servicedesk:///ticket/INC1',
    'servicedesk://settings/server',
    'servicedesk://tickets/INC1',
    'https://ticket/INC1',
    'javascript://ticket/INC1',
    ' servicedesk://ticket/INC1',
    'servicedesk://ticket/INC1 ',
    `servicedesk://ticket/${'1'.repeat(25)}`,
    `servicedesk://kb/${'a'.repeat(41)}`,
    `servicedesk://kb/a${'/'.repeat(200)}`,
    '',
  ])('rejects %j', (url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('rejects non-strings', () => {
    for (const value of [null, undefined, 42, { toString: () => 'servicedesk://kb/1' }]) expect(parseDeepLink(value)).toBeNull();
  });

  it('never yields prototype keys', () => {
    expect(parseDeepLink('servicedesk://kb/__proto__')).toBeNull();
    expect(parseDeepLink('servicedesk://ticket/constructor')).toEqual({ kind: 'ticket', number: 'constructor' });
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the first valid link among other arguments', () => {
    expect(deepLinkFromArgv(['app.exe', '--flag', 'servicedesk://bad/1', 'servicedesk://ticket/INC-42'])).toEqual({
      kind: 'ticket',
      number: 'INC-42',
    });
    expect(deepLinkFromArgv(['app.exe', 'https://example.org'])).toBeNull();
  });
  it('describes links for logs', () => {
    expect(describeDeepLink({ kind: 'kb', id: 'x' })).toBe('kb x');
  });
});
