import type { DeepLink } from '@shared/ipc/contract.js';

export const DEEP_LINK_SCHEME = 'servicedesk';
export const DEEP_LINK_MAX_LENGTH = 128;

/**
 * Exactly `servicedesk://ticket/<number>` or `servicedesk://kb/<id>`, with at most one trailing slash (Windows
 * adds one when a browser launches the link). Scheme and kind are case-insensitive; the identifier starts with
 * a letter or digit and holds letters, digits, `_` and `-` only (no percent-encoding, dots, query, fragment,
 * credentials or port). Matched on the raw string, so URL normalisation cannot smuggle anything through.
 */
const PATTERN = /^servicedesk:\/\/(ticket|kb)\/([A-Za-z0-9][A-Za-z0-9_-]{0,39})\/?$/i;

export function parseDeepLink(url: unknown): DeepLink | null {
  if (typeof url !== 'string' || url.length > DEEP_LINK_MAX_LENGTH) return null;
  const match = PATTERN.exec(url);
  if (!match) return null;
  const [, kind, value] = match;
  if (kind.toLowerCase() === 'ticket') return value.length <= 24 ? { kind: 'ticket', number: value } : null;
  return { kind: 'kb', id: value };
}

/** The first valid deep link in a command line (how Windows and Linux deliver them); other arguments are ignored. */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}

/** For logs: the link without echoing raw input. */
export function describeDeepLink(link: DeepLink): string {
  return link.kind === 'ticket' ? `ticket ${link.number}` : `kb ${link.id}`;
}
