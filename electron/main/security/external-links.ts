export type ExternalLinkDecision = { action: 'open-external'; url: string } | { action: 'deny'; reason: string };

const MAX_URL_LENGTH = 2048;

/**
 * Decides whether a URL may be handed to the OS browser (shell.openExternal). Only plain http(s) links
 * with a host and no embedded credentials pass; file:, javascript:, custom schemes and the like never do.
 */
export function externalLinkPolicy(url: string): ExternalLinkDecision {
  if (url.length > MAX_URL_LENGTH) return { action: 'deny', reason: 'URL too long' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'deny', reason: 'not a valid URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { action: 'deny', reason: `scheme ${parsed.protocol} not allowed` };
  if (parsed.hostname === '') return { action: 'deny', reason: 'no host' };
  if (parsed.username !== '' || parsed.password !== '') return { action: 'deny', reason: 'credentials in URL' };
  return { action: 'open-external', url: parsed.href };
}
