import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFINITIONS } from '../schemas/index.js';
import Ajv from 'ajv';
import { buildTicket } from '../testing/build-records.js';
import { SCOPE_EXIT_COLLECTIONS, isScopeExitMarker, scopeExitMarker } from './scope-exit.js';

describe('scopeExitMarker', () => {
  it('is a valid tombstone of each collection, carrying its ids and nothing of the document', () => {
    for (const collection of SCOPE_EXIT_COLLECTIONS) {
      const { schema } = COLLECTION_DEFINITIONS[collection];
      const validate = new Ajv({ strict: false }).compile(schema);
      const marker = scopeExitMarker(collection, { id: 'doc-1', ticketId: 't-1' });
      const { _deleted, ...fields } = marker;
      expect(_deleted).toBe(true);
      expect(validate(fields), `${collection}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(fields.id).toBe('doc-1');
    }
  });

  it('leaks no text of the ticket it stands for', () => {
    const ticket = buildTicket({ title: 'Payroll breach suspected', description: 'Details', callerName: 'Ann' });
    const marker = JSON.stringify(scopeExitMarker('tickets', { id: ticket.id }));
    for (const secret of ['Payroll', 'Details', 'Ann', ticket.groupId, ticket.callerId]) expect(marker).not.toContain(secret);
  });

  it('is told apart from a real tombstone, which keeps its fields', () => {
    const ticket = buildTicket({ title: 'Printer jam, floor 3' });
    expect(isScopeExitMarker('tickets', scopeExitMarker('tickets', { id: ticket.id }))).toBe(true);
    expect(isScopeExitMarker('ticket_events', scopeExitMarker('ticket_events', { id: 'e-1', ticketId: ticket.id }))).toBe(true);
    expect(isScopeExitMarker('tickets', { ...ticket, _deleted: true })).toBe(false);
    expect(isScopeExitMarker('tickets', { ...scopeExitMarker('tickets', { id: ticket.id }), _deleted: false })).toBe(false);
    // Only collections whose documents can leave a scope have markers.
    expect(isScopeExitMarker('kb_articles', { id: 'a-1', _deleted: true })).toBe(false);
  });
});
