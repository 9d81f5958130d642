import type { DirectoryEntry } from '@shared';

/** An entry's name in the UI language (groups and categories have a French name; people do not). */
export const localName = (e: Pick<DirectoryEntry, 'name' | 'nameFr'>, lang: 'en' | 'fr'): string =>
  (lang === 'fr' && e.nameFr) || e.name;

/** One category of the tree as the administration list shows it: its depth and its path from the top. */
export interface CategoryRow {
  category: DirectoryEntry;
  depth: number;
  path: string;
}

/**
 * The category tree depth first, siblings by name in the UI language. A category whose parent is missing is shown
 * at the top, and a cycle (which the rules refuse, but an old device may hold) is cut where it closes, so every
 * category appears exactly once.
 */
export function categoryTree(categories: readonly DirectoryEntry[], lang: 'en' | 'fr'): CategoryRow[] {
  const collator = new Intl.Collator(lang);
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<string, DirectoryEntry[]>();
  for (const c of categories) {
    const parent = c.parentId && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const rows: CategoryRow[] = [];
  const placed = new Set<string>();
  const visit = (parentId: string, depth: number, prefix: string) => {
    const kids = [...(children.get(parentId) ?? [])].sort((a, b) => collator.compare(localName(a, lang), localName(b, lang)));
    for (const c of kids) {
      if (placed.has(c.id)) continue;
      placed.add(c.id);
      const path = prefix ? `${prefix} › ${localName(c, lang)}` : localName(c, lang);
      rows.push({ category: c, depth, path });
      visit(c.id, depth + 1, path);
    }
  };
  visit('', 0, '');
  // Members of a cycle have no way down from the top: list them at the top level.
  for (const c of categories)
    if (!placed.has(c.id)) {
      placed.add(c.id);
      rows.push({ category: c, depth: 0, path: localName(c, lang) });
      visit(c.id, 1, localName(c, lang));
    }
  return rows;
}

/** The ids of a category and everything under it: none of them can become its parent. */
export function categoryAndDescendants(categoryId: string, categories: readonly DirectoryEntry[]): Set<string> {
  const out = new Set([categoryId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of categories)
      if (!out.has(c.id) && out.has(c.parentId)) {
        out.add(c.id);
        grew = true;
      }
  }
  return out;
}
