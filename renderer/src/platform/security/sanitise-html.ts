import createDOMPurify from 'dompurify';
import type { DOMPurify, WindowLike } from 'dompurify';

/**
 * The one sanitiser policy for HTML built from user text (article Markdown today).
 * DOMPurify checks attributes after the browser's parser has decoded entities, so `javascript&#58;`,
 * `&#106;avascript:` and tab-split schemes are seen as what they are. Only web, mail and relative
 * links survive; `data:` and every other scheme are dropped.
 */
export const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Tags and attributes a rendered article may use: Markdown's output and nothing that runs or embeds. */
const POLICY = {
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href'],
  ALLOW_DATA_ATTR: false,
};

const instances = new WeakMap<WindowLike, DOMPurify>();

function purifierFor(window: WindowLike): DOMPurify {
  let purify = instances.get(window);
  if (purify === undefined) {
    purify = createDOMPurify(window);
    // DOMPurify lets images keep data: sources by default; an article never needs them (they can carry SVG script).
    purify.addHook('uponSanitizeAttribute', (_node, data) => {
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters and spaces inside a scheme
      const compact = data.attrValue.replace(/[\u0000-\u0020]/g, '');
      if ((data.attrName === 'src' || data.attrName === 'href') && !ALLOWED_URI.test(compact)) data.keepAttr = false;
    });
    instances.set(window, purify);
  }
  return purify;
}

/** Sanitises `html` with the console's policy, in `window` (the page's own by default; jsdom in Node tests). */
export function sanitiseHtml(html: string, window?: WindowLike): string {
  const purify = purifierFor(window ?? (globalThis as unknown as { window: WindowLike }).window);
  return purify.sanitize(html, POLICY);
}
