import type { DirectoryEntry } from '../schemas/directory.js';
import { SECURITY_GROUP_ID } from './access-policy.js';
import { routeTicket } from './routing.js';

type CategoryLike = Pick<DirectoryEntry, 'id' | 'parentId' | 'groupId'>;

/**
 * True when tickets of this category are security incidents: the category routes to the security group (itself
 * or through an ancestor). Such tickets get `security: true` and only the security group and supervisors see them.
 */
export function isSecurityCategory(
  categoryId: string,
  categories: ReadonlyMap<string, CategoryLike> | readonly CategoryLike[],
): boolean {
  return categoryId !== '' && routeTicket(categoryId, categories, '') === SECURITY_GROUP_ID;
}
