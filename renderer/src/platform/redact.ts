const REDACTED = '[redacted]';

/**
 * Scrubs credentials from free text headed for a downloaded diagnostics file (the web build; the desktop shell
 * redacts in its main process): authorization headers, JWTs, key=value secrets and long random strings.
 */
export function redactText(text: string): string {
  return text
    .replace(/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/gi, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?/g, REDACTED)
    .replace(
      /([A-Za-z0-9_.-]*?(?:token|password|secret|api[_-]?key|authorization|cookie)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}"']+)/gi,
      (_m, key: string) => `${key}${REDACTED}`,
    )
    .replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_+/-]{32,}={0,2}/g, (m) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(m) || !/\d/.test(m) || !/[A-Za-z]/.test(m)
        ? m
        : REDACTED,
    );
}
