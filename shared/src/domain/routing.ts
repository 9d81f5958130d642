import type { DirectoryEntry } from '../schemas/directory.js';
import type { Level } from '../schemas/ticket.js';

/** The group tickets fall back to when neither their category nor its ancestors name one. */
export const SERVICE_DESK_GROUP_ID = 'grp-service-desk';

type CategoryLike = Pick<DirectoryEntry, 'id' | 'parentId' | 'groupId'> & Partial<Pick<DirectoryEntry, 'impact' | 'urgency'>>;
type Categories = ReadonlyMap<string, CategoryLike> | readonly CategoryLike[];

/** The first value `pick` finds on the category or, walking up, its nearest ancestor; cycles stop the walk. */
function inherited<T>(categoryId: string, categories: Categories, pick: (c: CategoryLike) => T | undefined): T | undefined {
  const byId = Array.isArray(categories)
    ? new Map((categories as readonly CategoryLike[]).map((c) => [c.id, c]))
    : (categories as ReadonlyMap<string, CategoryLike>);
  const seen = new Set<string>();
  let current = byId.get(categoryId);
  while (current && !seen.has(current.id)) {
    const value = pick(current);
    if (value !== undefined) return value;
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return undefined;
}

/**
 * The assignment group a new ticket of this category is routed to: the category's own routing group, else the
 * nearest ancestor's, else the service desk group. Cycles in the tree stop the walk.
 */
export function routeTicket(categoryId: string, categories: Categories, fallbackGroupId: string = SERVICE_DESK_GROUP_ID): string {
  return inherited(categoryId, categories, (c) => c.groupId || undefined) ?? fallbackGroupId;
}

/** The impact and urgency a new ticket of this category starts with (its own defaults, else its nearest ancestor's), where any are set. */
export function categoryDefaults(categoryId: string, categories: Categories): { impact?: Level; urgency?: Level } {
  const impact = inherited(categoryId, categories, (c) => c.impact);
  const urgency = inherited(categoryId, categories, (c) => c.urgency);
  return { ...(impact ? { impact } : {}), ...(urgency ? { urgency } : {}) };
}
