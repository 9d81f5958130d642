/** POST (administrators): mail this person a one-time link to choose their password. Answers `{ email }`. */
export const INVITATION_ROUTE = '/api/directory/users/:id/invitation';

/** `INVITATION_ROUTE` for one person. */
export const invitationPath = (userId: string): string => INVITATION_ROUTE.replace(':id', encodeURIComponent(userId));

/** POST `{ token }` (never a query: URLs are logged): who a live link is for (`{ name }`), without using it; 410 when it expired or was used. */
export const INVITATION_HOLDER_PATH = '/api/auth/invitation';

/** POST `{ token, password }`: sets the link's person's password and uses the link up (204). */
export const SET_PASSWORD_PATH = '/api/auth/set-password';

/** The console's page (hash route) an invitation link opens, with `?token=` after it. */
export const SET_PASSWORD_ROUTE = '/set-password';
