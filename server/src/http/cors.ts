/** Origins of the web console in development: any port on localhost, 127.0.0.1 or [::1], http or https. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * True when a browser origin may call the API cross-origin: the console in development, and the desktop app,
 * whose pages load from file:// and so send `Origin: null`. Allowing that is safe here because the API
 * authenticates with bearer tokens only, never cookies: another page gains nothing by being allowed to call it.
 */
export function isAllowedOrigin(origin: string): boolean {
  return origin === 'null' || LOCAL_ORIGIN.test(origin);
}
