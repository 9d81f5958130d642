import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../schemas/kb-article.js';
import { canTransitionArticle, checkArticleRules } from './kb-lifecycle.js';

const draft: KbArticle = {
  id: 'a1',
  number: 'KB0001',
  title: { en: 'Reset a password', fr: 'Réinitialiser un mot de passe' },
  body: { en: 'Steps', fr: 'Étapes' },
  status: 'draft',
  categoryId: 'cat-1',
  tags: [],
  version: 1,
  authorId: 'u1',
  updatedAt: 1,
};
const published: KbArticle = { ...draft, status: 'published' };
const fields = (a: KbArticle, b?: KbArticle) => checkArticleRules(a, b).map((v) => v.field);

describe('knowledge article lifecycle', () => {
  it('goes draft -> published -> retired, and published -> draft for the next version; retired is final', () => {
    expect(canTransitionArticle('draft', 'published')).toBe(true);
    expect(canTransitionArticle('published', 'draft')).toBe(true);
    expect(canTransitionArticle('published', 'retired')).toBe(true);
    expect(canTransitionArticle('retired', 'draft')).toBe(false);
    expect(canTransitionArticle('retired', 'published')).toBe(false);
    expect(fields({ ...draft, version: 2 }, { ...published, status: 'retired' })).toEqual(['status']);
  });

  it('keeps the version number on publish and takes the next one for a new draft', () => {
    expect(fields(published, draft)).toEqual([]);
    expect(fields({ ...draft, version: 2, body: { en: 'New', fr: 'Nouveau' } }, published)).toEqual([]);
    expect(fields({ ...draft }, published)).toEqual(['version']);
    expect(fields({ ...published, version: 1 }, { ...published, version: 2 })).toEqual(['version']);
  });

  it('accepts several offline steps arriving as one jump forward', () => {
    expect(fields({ ...published, version: 2, body: { en: 'v2', fr: 'v2' } }, draft)).toEqual([]);
    // published v1 -> draft v2 -> published v2 (or retired) made offline arrive as published v1 -> published v2.
    expect(fields({ ...published, version: 2, body: { en: 'v2', fr: 'v2' } }, published)).toEqual([]);
    expect(fields({ ...published, status: 'retired', version: 2, body: { en: 'v2', fr: 'v2' } }, published)).toEqual([]);
  });

  it('never lets published or retired content change in place', () => {
    expect(fields({ ...published, body: { en: 'Edited', fr: 'Modifié' } }, published)).toEqual(['body']);
    expect(fields({ ...published, version: 1 }, { ...published, version: 3 })).toEqual(['version']);
    expect(fields({ ...published, status: 'retired', version: 2 }, { ...published, status: 'retired' })).toEqual(['version']);
    expect(fields({ ...published, status: 'retired' }, published)).toEqual([]);
  });

  it('publishes only an article written in English and French', () => {
    expect(fields({ ...published, title: { en: 'Only English', fr: '' } }, draft)).toEqual(['title']);
    expect(fields({ ...published, body: { en: '', fr: 'Seulement' } })).toEqual(['body']);
    expect(fields({ ...draft, title: { en: 'Only English', fr: '' } }, draft)).toEqual([]);
  });
});
