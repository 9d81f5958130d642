import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const enKeys = flatten(en);
const frKeys = flatten(fr);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

// Every source file of the renderer, as text (Vite's glob import: no Node APIs needed).
const sources = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('translations', () => {
  it('have the same keys in English and French', () => {
    expect([...enKeys.keys()].filter((k) => !frKeys.has(k))).toEqual([]);
    expect([...frKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('use the same placeholders in both languages and leave no string empty', () => {
    for (const [key, text] of enKeys) {
      expect(text.trim(), key).not.toBe('');
      expect(frKeys.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(frKeys.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('contain every t() key used in the source', () => {
    const files = Object.entries(sources).filter(([path]) => path.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    let used = 0;
    for (const [path, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\(\s*['"`]([\w.-]+)['"`]/g)) {
        used += 1;
        // A plural key exists as its forms (`key_one`, `key_other`): i18next picks one by `count`.
        // A table read whole (returnObjects) exists as the keys under it.
        const table = [...enKeys.keys()].some((k) => k.startsWith(`${m[1]}.`));
        if (!enKeys.has(m[1]) && !enKeys.has(`${m[1]}_other`) && !table) missing.push(`${path}: ${m[1]}`);
      }
    }
    expect(used).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('use Canadian French wording for the main areas', () => {
    expect(frKeys.get('nav.tickets')).toBe('Billets');
    expect(frKeys.get('nav.kb')).toBe('Base de connaissances');
    expect(frKeys.get('timeline.kind.worklog')).toBe('Journal de travail');
  });
});
