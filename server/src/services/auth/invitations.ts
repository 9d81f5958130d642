import { createHash, randomBytes } from 'node:crypto';
import { SET_PASSWORD_ROUTE, can, passwordViolations, type Actor } from '@shared';
import type { Database } from '../../db/database.js';
import { upsertPasswordHashes } from '../../db/queries/credentials.js';
import { findUserById } from '../../db/queries/directory.js';
import { liveInvitationUser, replaceInvitation } from '../../db/queries/password-invitations.js';
import { revokeUserTokens } from '../../db/queries/refresh-tokens.js';
import { ApiError, badRequest, forbidden, notFound } from '../../http/api-error.js';
import { queueMail } from '../mail/mail-queue.js';
import { hashPassword } from './passwords.js';
import { sessionUserFrom } from './session-user.js';

/** How long an invitation link works: long enough to reach someone back from a weekend, short enough to go stale. */
export const INVITATION_TTL_MS = 72 * 3600_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// One answer for unknown, used and expired links: which of them a token is tells a guesser nothing useful.
const DEAD_LINK = 'This link has expired or was already used. Ask an administrator to send a new invitation.';

function invitationMail(name: string, link: string, language: 'en' | 'fr'): { subject: string; text: string } {
  if (language === 'fr')
    return {
      subject: 'Choisissez votre mot de passe du centre de services',
      text: `Bonjour ${name},\n\nUn administrateur vous a donné accès au centre de services. Choisissez votre mot de passe ici (lien valable 72 heures, une seule fois) :\n\n${link}\n\nSi vous n’attendiez pas ce message, ignorez-le.`,
    };
  return {
    subject: 'Choose your service desk password',
    text: `Hello ${name},\n\nAn administrator has given you access to the service desk. Choose your password here (the link works once, for 72 hours):\n\n${link}\n\nIf you did not expect this message, ignore it.`,
  };
}

/**
 * Mails a person a one-time link to choose their own password (administrators only; the person is active and has an
 * address). No password is ever shown or mailed; a new invitation replaces the person's earlier links. The mail is
 * the server's own, so no hourly allowance holds it back.
 */
export async function invitePerson(db: Database, actor: Actor, userId: string, publicUrl: string): Promise<{ email: string }> {
  if (!can(actor, 'directory.edit')) throw forbidden('Only administrators invite people to set their password.');
  const doc = await findUserById(db, userId);
  const user = doc ? sessionUserFrom(doc) : null;
  if (!user)
    throw notFound(
      `There is no person "${userId}" on the server yet. If you just created them, wait for the sync, then try again.`,
    );
  if (!user.active) throw new ApiError(409, `${user.name} is deactivated: reactivate them before inviting them.`);
  const token = randomBytes(32).toString('base64url');
  const link = `${publicUrl.replace(/\/$/, '')}/#${SET_PASSWORD_ROUTE}?token=${token}`;
  await db.transaction(async (tx) => {
    await replaceInvitation(tx, {
      tokenHash: hashToken(token),
      userId,
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await queueMail(tx, { kind: 'password_invitation', to: user.email, ...invitationMail(user.name, link, user.locale) });
  });
  return { email: user.email };
}

/** Who a live link is for (its name, to greet them on the page), without using it up. */
export async function invitationHolder(db: Database, token: string): Promise<{ name: string }> {
  const userId = await liveInvitationUser(db, hashToken(token), false);
  const doc = userId ? await findUserById(db, userId) : null;
  const user = doc ? sessionUserFrom(doc) : null;
  if (!user?.active) throw new ApiError(410, DEAD_LINK);
  return { name: user.name };
}

/**
 * Sets the password of the link's person and uses the link up, in one transaction. A password the shared rule
 * refuses leaves the link working (400, with the code); the person's other sign-ins end, as after any password change.
 */
export async function setPasswordWithInvitation(db: Database, token: string, password: string): Promise<void> {
  await db.transaction(async (tx) => {
    const userId = await liveInvitationUser(tx, hashToken(token), true);
    const doc = userId ? await findUserById(tx, userId) : null;
    const user = doc ? sessionUserFrom(doc) : null;
    if (!user?.active) throw new ApiError(410, DEAD_LINK);
    const refused = passwordViolations(password, user.email);
    if (refused.length > 0) throw badRequest(refused[0].message, refused);
    await upsertPasswordHashes(tx, [{ userId: user.id, hash: await hashPassword(password) }]);
    await revokeUserTokens(tx, user.id);
  });
}
