/**
 * Text an attacker would type into any field that is later shown to someone else. Every renderer of user
 * text (tickets, comments, work log, articles, surveys, reports, e-mails) is tested against this one list.
 */
export const HOSTILE_TEXT: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '[entity colon](javascript&#58;alert(1))',
  '[named colon](javascript&colon;alert(1))',
  '[entity letter](&#106;avascript:alert(1))',
  '[hex letter](&#x6A;avascript:alert(1))',
  '[tab split](jav&#x09;ascript:alert(1))',
  '[upper](JAVASCRIPT:alert(1))',
  '[vbscript](vbscript:msgbox(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '\u202Egnp.exe',
  '{{constructor.constructor("alert(1)")()}}',
];

/** Markdown links whose scheme must never survive rendering, even after entity decoding. */
export const HOSTILE_LINKS: readonly string[] = HOSTILE_TEXT.filter((t) => t.startsWith('[') || t.startsWith('!['));
