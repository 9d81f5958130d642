/**
 * The one rule for an e-mail address the desk writes to (a caller's contact field, a survey contact, any mail the
 * outbox sends): exactly one plain address, no display name, no list, no whitespace or line break. Separators of
 * lists (`,` `;`) and header syntax (`<>()"`, CR/LF) are refused outright, so "a@x, b@y; c@z" is never three
 * recipients and "a@x\r\nBcc: …" never a header.
 */
const EMAIL = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;

/** Longest address accepted (RFC 5321's path limit), the schemas' `maxLength` for e-mail fields. */
export const EMAIL_ADDRESS_MAX = 254;

/** True for a plausible single e-mail address (no display name, no list, nothing around it). */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_ADDRESS_MAX && EMAIL.test(value);
}
