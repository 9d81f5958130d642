import type { DirectoryEntry, Ticket } from '@shared';
import { queueKeyFor } from '@shared';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase } from '../db.js';
import type { DeskDatabase } from '../types.js';

let counter = 0;

/** A fresh in-memory desk database with a unique name (close it after the test). */
export function memoryDb(): Promise<DeskDatabase> {
  counter += 1;
  return createDeskDatabase({
    name: `test-${Date.now()}-${counter}`,
    storage: getRxStorageMemory(),
    devMode: true,
    multiInstance: false,
  });
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  const updatedAt = overrides.updatedAt ?? 1_700_000_000_000;
  return {
    id: 't-1',
    number: 'INC0001001',
    type: 'incident',
    title: 'Printer on fire',
    description: 'Smoke from the third floor printer',
    status: 'assigned',
    pendingReason: '',
    impact: 2,
    urgency: 2,
    priority: 3,
    priorityOverrideReason: '',
    categoryId: 'cat-hardware',
    groupId: 'grp-service-desk',
    assigneeId: 'u-tech',
    callerId: 'u-caller',
    channel: 'phone',
    security: false,
    resolutionCode: '',
    resolutionNotes: '',
    createdAt: 1_690_000_000_000,
    updatedBy: 'u-agent',
    ...overrides,
    updatedAt,
    queueKey: queueKeyFor(updatedAt),
  };
}

export function makeUser(id: string, name: string): DirectoryEntry {
  return {
    id,
    kind: 'user',
    name,
    nameFr: '',
    email: `${id}@example.org`,
    role: 'technician',
    groupIds: ['grp-service-desk'],
    parentId: '',
    groupId: '',
    locale: 'en',
    active: true,
    updatedAt: 1_690_000_000_000,
  };
}
