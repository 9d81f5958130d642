import { ROLES, type Role, type SessionUser } from '@shared';

/** The signed-in person as the client sees them, from their directory document; null if it is not a usable user. */
export function sessionUserFrom(doc: Record<string, unknown>): (SessionUser & { active: boolean }) | null {
  const { id, email, name, role, groupIds, locale, active } = doc;
  if (typeof id !== 'string' || typeof email !== 'string' || typeof name !== 'string') return null;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
  const groups = Array.isArray(groupIds) ? groupIds.filter((g): g is string => typeof g === 'string') : [];
  return {
    id,
    email,
    name,
    role: role as Role,
    groupIds: groups,
    locale: locale === 'fr' ? 'fr' : 'en',
    active: active !== false,
  };
}
