import { describe, expect, it } from 'vitest';
import { rejectPush } from './violation.js';

describe('rejectPush', () => {
  it('uses 422 for data problems and names the document and field', () => {
    const error = rejectPush([
      { status: 422, documentId: 'tkt-1', field: 'status', message: 'A ticket cannot move from "closed" to "new".' },
    ]);
    expect(error.statusCode).toBe(422);
    expect(error.message).toBe(
      'Nothing was saved: document "tkt-1", field "status": A ticket cannot move from "closed" to "new".',
    );
    expect(error.details).toEqual([
      { documentId: 'tkt-1', field: 'status', message: 'A ticket cannot move from "closed" to "new".' },
    ]);
  });

  it('uses 403 when any row is forbidden, leads with it and counts the rest', () => {
    const error = rejectPush([
      { status: 422, documentId: 'a', field: 'title', message: 'Too long.' },
      { status: 403, documentId: 'b', message: 'Your role (agent) may not create directory documents.' },
      { status: 422, documentId: 'c', field: 'x', message: 'Bad.' },
    ]);
    expect(error.statusCode).toBe(403);
    expect(error.message).toBe(
      'Nothing was saved: document "b": Your role (agent) may not create directory documents. (2 more problems in details)',
    );
    expect(error.details).toHaveLength(3);
  });

  it('caps the details list', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ status: 422 as const, documentId: `d${i}`, message: 'Bad.' }));
    expect(rejectPush(many).details).toHaveLength(50);
  });
});
