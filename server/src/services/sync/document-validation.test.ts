import { describe, expect, it } from 'vitest';
import { makeArticle, makeEvent, makeTicket } from '../../test-support/fixtures.js';
import { validateDocument } from './document-validation.js';

describe('validateDocument', () => {
  it('accepts valid documents of each collection', () => {
    expect(validateDocument('tickets', makeTicket(), 0)).toEqual([]);
    expect(validateDocument('ticket_events', makeEvent('t1', 'u1'), 0)).toEqual([]);
    expect(validateDocument('kb_articles', makeArticle(), 0)).toEqual([]);
  });

  it('names the document and field of each schema problem', () => {
    const doc = { ...makeTicket({ id: 'tkt-1' }), status: 'lost', title: '' } as Record<string, unknown>;
    delete doc.callerId;
    const violations = validateDocument('tickets', doc, 3);
    expect(violations.map((v) => [v.documentId, v.field, v.status])).toEqual(
      expect.arrayContaining([
        ['tkt-1', 'status', 422],
        ['tkt-1', 'title', 422],
        ['tkt-1', 'callerId', 422],
      ]),
    );
    expect(violations.find((v) => v.field === 'status')?.message).toContain('"new"');
  });

  it('requires _deleted and refuses other underscore fields and unknown fields', () => {
    const { _deleted: _ignored, ...withoutFlag } = makeArticle({ id: 'kb-1' });
    expect(validateDocument('kb_articles', withoutFlag, 0)).toContainEqual(
      expect.objectContaining({ documentId: 'kb-1', field: '_deleted' }),
    );
    const extra = { ...makeArticle({ id: 'kb-2' }), _rev: '1-a', color: 'red' };
    const fields = validateDocument('kb_articles', extra, 0).map((v) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['_rev', 'color']));
  });

  it('accepts edit counters of known ticket fields only, as non-negative bounded integers', () => {
    expect(validateDocument('tickets', makeTicket({ id: 'tkt-r', fieldRevs: { title: 3, assigneeId: 0 } }), 0)).toEqual([]);
    const bad = (fieldRevs: unknown) =>
      validateDocument('tickets', { ...makeTicket({ id: 'tkt-r' }), fieldRevs }, 0).map((v) => [v.field, v.status]);
    expect(bad({ color: 1 })).toEqual([['fieldRevs.color', 422]]);
    expect(bad({ updatedAt: 1 })).toEqual([['fieldRevs.updatedAt', 422]]);
    expect(bad({ title: -1 })).toEqual([['fieldRevs.title', 422]]);
    expect(bad({ title: 1.5 })).toContainEqual(['fieldRevs.title', 422]);
    expect(bad({ title: 2 ** 31 })).toEqual([['fieldRevs.title', 422]]);
    expect(bad({ title: '1' })).toEqual([['fieldRevs.title', 422]]);
    expect(bad([1])).toEqual([['fieldRevs', 422]]);
  });

  it('refuses text PostgreSQL cannot store', () => {
    expect(validateDocument('kb_articles', makeArticle({ id: 'kb-3', tags: ['a\u0000b'] }), 0)).toContainEqual(
      expect.objectContaining({ field: 'tags.0' }),
    );
    expect(validateDocument('kb_articles', makeArticle({ id: 'kb-4', title: { en: '\ud800', fr: 'x' } }), 0)).toContainEqual(
      expect.objectContaining({ field: 'title.en' }),
    );
    expect(validateDocument('kb_articles', makeArticle({ id: 'kb-5', title: { en: '😀 ok', fr: 'é' } }), 0)).toEqual([]);
  });

  it('reports a missing id and a non-object by row number', () => {
    expect(validateDocument('kb_articles', 'text', 2)[0].field).toBe('2.newDocumentState');
    const { id: _id, ...noId } = makeArticle();
    expect(validateDocument('kb_articles', noId, 5)[0]).toMatchObject({
      field: 'id',
      message: expect.stringContaining('Row 5') as unknown,
    });
  });
});
