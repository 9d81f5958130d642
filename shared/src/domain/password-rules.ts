/** Stable codes of a refused new password; the UI translates each under `violations.<code>`. */
export const PASSWORD_VIOLATION_CODES = ['password_too_short', 'password_too_long', 'password_is_address'] as const;
export type PasswordViolationCode = (typeof PASSWORD_VIOLATION_CODES)[number];

/** Length bounds of a password: long enough to resist guessing (NIST SP 800-63B favours length), short enough to hash. */
export const PASSWORD_LIMITS = { min: 12, max: 1024 } as const;

/** Why a new password is refused (none: accepted). The set-password page and the server run this same check. */
export function passwordViolations(
  password: string,
  email: string,
): { code: PasswordViolationCode; field: 'password'; message: string; params?: Record<string, number> }[] {
  if (password.length < PASSWORD_LIMITS.min)
    return [
      {
        code: 'password_too_short',
        field: 'password',
        message: `Use at least ${PASSWORD_LIMITS.min} characters; a few words together are easy to remember.`,
        params: { min: PASSWORD_LIMITS.min },
      },
    ];
  if (password.length > PASSWORD_LIMITS.max)
    return [
      {
        code: 'password_too_long',
        field: 'password',
        message: `Use at most ${PASSWORD_LIMITS.max} characters.`,
        params: { max: PASSWORD_LIMITS.max },
      },
    ];
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return [{ code: 'password_is_address', field: 'password', message: 'Your password cannot be your e-mail address.' }];
  return [];
}
