import type { DirectoryEntry } from '../schemas/directory.js';

/** The group tickets fall back to when neither their category nor its ancestors name one. */
export const SERVICE_DESK_GROUP_ID = 'grp-service-desk';

type CategoryLike = Pick<DirectoryEntry, 'id' | 'parentId' | 'groupId'>;

/**
 * The assignment group a new ticket of this category is routed to: the category's own routing group, else the
 * nearest ancestor's, else the service desk group. Cycles in the tree stop the walk.
 */
export function routeTicket(
  categoryId: string,
  categories: ReadonlyMap<string, CategoryLike> | readonly CategoryLike[],
  fallbackGroupId: string = SERVICE_DESK_GROUP_ID,
): string {
  const byId = Array.isArray(categories)
    ? new Map((categories as readonly CategoryLike[]).map((c) => [c.id, c]))
    : (categories as ReadonlyMap<string, CategoryLike>);
  const seen = new Set<string>();
  let current = byId.get(categoryId);
  while (current && !seen.has(current.id)) {
    if (current.groupId) return current.groupId;
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return fallbackGroupId;
}
