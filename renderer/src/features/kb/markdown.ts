import { Marked } from 'marked';
import type { Token, Tokens } from 'marked';
import type { WindowLike } from 'dompurify';
import { sanitiseHtml } from '../../platform/security/sanitise-html.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Only web, mail and relative links survive; javascript:, data: and other schemes become '#'. */
export function safeHref(href: string): string {
  // eslint-disable-next-line no-control-regex -- browsers ignore control characters and spaces inside a scheme
  const compact = href.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? href : '#';
}

const marked = new Marked({
  gfm: true,
  async: false,
  // Raw HTML in an article is shown as text, never interpreted.
  renderer: { html: ({ text }) => escapeHtml(text) },
  walkTokens(token: Token) {
    if (token.type === 'link' || token.type === 'image') {
      const link = token as Tokens.Link | Tokens.Image;
      link.href = safeHref(link.href);
    }
  },
});

/**
 * Article Markdown to HTML that is safe to insert: raw HTML escaped, then the final HTML sanitised with
 * the console's one policy (which sees link schemes after entity decoding). `window` is for Node tests.
 */
export function renderMarkdown(source: string, window?: WindowLike): string {
  return sanitiseHtml(marked.parse(source, { async: false }), window);
}
