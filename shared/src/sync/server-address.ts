/**
 * Which transport a sync server address may use. The desktop shell (main process) and the console both check an
 * address a person enters against this one rule, so they never disagree about what is accepted.
 *
 * Plain http:// exposes the password at sign-in and every bearer token afterwards to anyone on the network path, so
 * it is allowed only where there is no network path: this computer (a server started with `npm start`, a tunnel).
 */

/** Why an address was refused for its transport; the UI translates it (server check status `https-required`). */
export const HTTPS_REQUIRED_REASON =
  'a server on another computer must be reached with https:// (http:// is only for a server on this computer: localhost, 127.0.0.1 or [::1])';

/**
 * True for a host name that always means this computer: `localhost`, an address in 127.0.0.0/8 or `::1`. Expects
 * the host as WHATWG `URL.hostname` writes it (lower case, IPv4 in dotted decimal, IPv6 in brackets), so `127.1`,
 * `0x7f.0.0.1` or `[0:0:0:0:0:0:0:1]` arrive normalised; a name that merely starts like one
 * (`127.0.0.1.evil.example`, `localhost.evil.example`) is not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const ipv4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return ipv4 !== null && ipv4.slice(1).every((octet) => Number(octet) <= 255);
}

/** True when a server address must not be used as it is: `http:` to a host that is not this computer. */
export function needsHttps(protocol: string, hostname: string): boolean {
  return protocol.toLowerCase() === 'http:' && !isLoopbackHost(hostname);
}
