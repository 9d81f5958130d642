import { buildDirectoryEntry } from '@shared/testing/build-records.js';
import { describe, expect, it } from 'vitest';
import { auditedFieldChanges } from './audit-changes.js';
import { categoryAndDescendants, categoryTree } from './category-tree.js';

const cat = (id: string, name: string, parentId = '', nameFr = '') =>
  buildDirectoryEntry({ id, kind: 'category', name, nameFr, parentId });

describe('categoryTree', () => {
  const tree = [
    cat('c-net', 'Network', '', 'Réseau'),
    cat('c-vpn', 'VPN', 'c-net', 'RPV'),
    cat('c-hw', 'Hardware', '', 'Matériel'),
    cat('c-laptop', 'Laptop', 'c-hw', 'Portable'),
    cat('c-battery', 'Battery', 'c-laptop', 'Batterie'),
  ];

  it('lists the tree depth first with paths, siblings by name in the UI language', () => {
    expect(categoryTree(tree, 'en').map((r) => [r.path, r.depth])).toEqual([
      ['Hardware', 0],
      ['Hardware › Laptop', 1],
      ['Hardware › Laptop › Battery', 2],
      ['Network', 0],
      ['Network › VPN', 1],
    ]);
    expect(categoryTree(tree, 'fr').map((r) => r.path)[0]).toBe('Matériel');
  });

  it('shows every category once even with a missing parent or a cycle', () => {
    const broken = [cat('a', 'A', 'b'), cat('b', 'B', 'a'), cat('orphan', 'Orphan', 'gone'), cat('self', 'Self', 'self')];
    const rows = categoryTree(broken, 'en');
    expect(rows.map((r) => r.category.id).sort()).toEqual(['a', 'b', 'orphan', 'self']);
    expect(rows.find((r) => r.category.id === 'orphan')?.depth).toBe(0);
  });

  it('knows a category cannot move under itself or its descendants', () => {
    expect([...categoryAndDescendants('c-hw', tree)].sort()).toEqual(['c-battery', 'c-hw', 'c-laptop']);
  });
});

describe('auditedFieldChanges', () => {
  it('names only the fields that changed, with both values', () => {
    expect(
      auditedFieldChanges(
        { id: 'u', name: 'A', active: true, groupIds: ['g'] },
        { id: 'u', name: 'A', active: false, groupIds: ['g', 'h'] },
      ),
    ).toEqual([
      { field: 'active', before: true, after: false },
      { field: 'groupIds', before: ['g'], after: ['g', 'h'] },
    ]);
  });

  it('shows a creation as every field from nothing', () => {
    expect(auditedFieldChanges(null, { id: 'g', name: 'Printing' })).toEqual([
      { field: 'name', before: undefined, after: 'Printing' },
    ]);
  });
});
