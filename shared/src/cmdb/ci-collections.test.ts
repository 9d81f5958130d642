import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { TICKET_CI_MAX, ticketDefinition } from '../schemas/ticket.js';
import { buildConfigItem } from './build-config-item.js';
import { ciHistoryDefinition, configItemDefinition, diffConfigItems } from './ci-collections.js';

describe('config_items schema', () => {
  const ajv = new Ajv({ strict: false });
  const valid = ajv.compile(configItemDefinition.schema);

  it('accepts a CI with edges and refuses unknown fields, classes and relationship types', () => {
    const { deleted: _deleted, ...ci } = buildConfigItem({ relations: [{ type: 'runs_on', targetKind: 'ci', targetId: 'srv' }] });
    expect(valid(ci)).toBe(true);
    expect(valid({ ...ci, owner: 'me' })).toBe(false);
    expect(valid({ ...ci, ciClass: 'spaceship' })).toBe(false);
    expect(valid({ ...ci, relations: [{ type: 'loves', targetKind: 'ci', targetId: 'srv' }] })).toBe(false);
  });
});

describe('ci_history schema', () => {
  it('accepts an entry naming who, when and what, and refuses one without an author', () => {
    const valid = new Ajv({ strict: false }).compile(ciHistoryDefinition.schema);
    const entry = {
      id: 'h1',
      ciId: 'srv',
      authorId: 'usr-tech',
      occurredAt: 1_700_000_000_000,
      kind: 'updated',
      changes: [{ field: 'status', from: 'in_service', to: 'under_maintenance' }],
    };
    expect(valid(entry)).toBe(true);
    expect(valid({ ...entry, authorId: '' })).toBe(false);
  });
});

describe('diffConfigItems', () => {
  it('records each changed field, attribute and edge for the history, and nothing when nothing changed', () => {
    const before = buildConfigItem({
      id: 'srv',
      ciClass: 'server_physical',
      attributes: { serialNumber: 'A1' },
      relations: [{ type: 'hosted_at', targetKind: 'ci', targetId: 'site-1' }],
    });
    const after = {
      ...before,
      status: 'under_maintenance' as const,
      attributes: { serialNumber: 'B2' },
      relations: [{ type: 'hosted_at' as const, targetKind: 'ci' as const, targetId: 'site-2' }],
    };
    expect(diffConfigItems(before, after)).toEqual([
      { field: 'status', from: 'in_service', to: 'under_maintenance' },
      { field: 'attributes.serialNumber', from: 'A1', to: 'B2' },
      { field: 'relations', from: 'hosted_at ci:site-1', to: '' },
      { field: 'relations', from: '', to: 'hosted_at ci:site-2' },
    ]);
    expect(diffConfigItems(before, { ...before })).toEqual([]);
    expect(diffConfigItems(null, before).map((c) => c.field)).toContain('name');
  });
});

describe('tickets v4: affected CIs', () => {
  const valid = new Ajv({ strict: false }).compile(ticketDefinition.schema);
  const v3Ticket = {
    id: 't1',
    number: 'INC0000001',
    type: 'incident',
    title: 'Payroll down',
    description: '',
    status: 'new',
    pendingReason: '',
    impact: 2,
    urgency: 2,
    priority: 3,
    priorityOverrideReason: '',
    categoryId: 'cat',
    groupId: 'grp',
    assigneeId: '',
    callerId: 'usr',
    channel: 'phone',
    security: false,
    resolutionCode: '',
    resolutionNotes: '',
    createdAt: 1,
    updatedAt: 2,
    updatedBy: 'usr',
    queueKey: 3,
    affectedItem: 'Payroll (free text)',
  };

  it('keeps a v3 ticket and its free-text affected item as they are, and accepts linked CIs beside it', () => {
    const migrated = ticketDefinition.migrationStrategies[4](v3Ticket);
    expect(migrated).toEqual(v3Ticket);
    expect(valid(migrated)).toBe(true);
    expect(valid({ ...v3Ticket, ciIds: ['ci-payroll', 'ci-vm'] })).toBe(true);
  });

  it('refuses more CIs than a ticket may name, and empty ids', () => {
    expect(valid({ ...v3Ticket, ciIds: Array.from({ length: TICKET_CI_MAX + 1 }, (_, i) => `ci-${i}`) })).toBe(false);
    expect(valid({ ...v3Ticket, ciIds: [''] })).toBe(false);
  });
});
