import type { DirectoryEntry } from '@shared';

const nameOf = (e: DirectoryEntry, lang: 'en' | 'fr') => (lang === 'fr' && e.nameFr) || e.name;

/** The category tree as Mantine Select groups: each top category with itself and its subcategories. */
export function categoryOptions(categories: readonly DirectoryEntry[], lang: 'en' | 'fr') {
  const roots = categories.filter((c) => !c.parentId || !categories.some((p) => p.id === c.parentId));
  const collator = new Intl.Collator(lang);
  roots.sort((a, b) => collator.compare(nameOf(a, lang), nameOf(b, lang)));
  return roots.map((root) => ({
    group: nameOf(root, lang),
    items: [
      { value: root.id, label: nameOf(root, lang) },
      ...categories
        .filter((c) => c.parentId === root.id)
        .map((c) => ({ value: c.id, label: `${nameOf(root, lang)} › ${nameOf(c, lang)}` }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    ],
  }));
}
