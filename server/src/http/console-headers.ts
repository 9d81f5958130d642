import type { FastifyInstance } from 'fastify';

/**
 * The console's Content-Security-Policy: script only from the server's own files (the build has no inline
 * script), never framed, no plugins, no <base> rewrite. Mantine sets inline style attributes, hence
 * 'unsafe-inline' for styles only (styles cannot run script).
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every response (console shell, assets, API answers) carries the console's security headers unless its
 * route chose its own (the public survey page sets a stricter policy).
 */
export function registerConsoleHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', CONSOLE_CSP);
    if (!reply.hasHeader('x-content-type-options')) void reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('referrer-policy')) void reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('x-frame-options')) void reply.header('x-frame-options', 'DENY');
    done(null, payload);
  });
}
