import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFINITIONS } from './index.js';
import { buildTicket } from '../testing/build-records.js';

const ajv = new Ajv({ strict: false, allErrors: true });
const validateTicket = ajv.compile(COLLECTION_DEFINITIONS.tickets.schema);
const validateEvent = ajv.compile(COLLECTION_DEFINITIONS.ticket_events.schema);

const ticket = buildTicket({
  id: 't1',
  number: 'INC0000001',
  title: 'Disk full',
  description: '',
  status: 'new',
  urgency: 3,
  categoryId: 'cat',
  groupId: 'grp',
  callerId: 'usr',
  channel: 'portal',
  createdAt: 1,
  updatedAt: 1,
  updatedBy: 'usr',
});

describe('collection schemas', () => {
  it('accept a well-formed ticket', () => expect(validateTicket(ticket)).toBe(true));

  it('refuse unknown fields, wrong types, bad enums and missing fields', () => {
    expect(validateTicket({ ...ticket, hacked: true })).toBe(false);
    expect(validateTicket({ ...ticket, impact: '2' })).toBe(false);
    expect(validateTicket({ ...ticket, status: 'done' })).toBe(false);
    expect(validateTicket({ ...ticket, title: '' })).toBe(false);
    const { title: _omit, ...noTitle } = ticket;
    expect(validateTicket(noTitle)).toBe(false);
  });

  it('bound string sizes so one document cannot flood a replica', () => {
    expect(validateTicket({ ...ticket, title: 'x'.repeat(301) })).toBe(false);
    expect(
      validateEvent({
        id: 'e',
        ticketId: 't',
        kind: 'comment',
        authorId: 'u',
        occurredAt: 1,
        body: 'x'.repeat(20_001),
        minutes: 0,
        fromValue: '',
        toValue: '',
      }),
    ).toBe(false);
  });

  it('version every schema and give every indexed number bounds RxDB can index', () => {
    for (const { schema } of Object.values(COLLECTION_DEFINITIONS)) {
      expect(Number.isInteger(schema.version)).toBe(true);
      expect(schema.additionalProperties).toBe(false);
      const indexed = (schema.indexes ?? []).flat();
      for (const field of indexed) {
        const prop = schema.properties[field];
        expect(schema.required, `${schema.title}.${field} must be required to be indexed`).toContain(field);
        if (prop.type === 'number') expect([prop.minimum, prop.maximum, prop.multipleOf]).not.toContain(undefined);
        if (prop.type === 'string') expect(prop.maxLength).toBeDefined();
      }
    }
  });
});
