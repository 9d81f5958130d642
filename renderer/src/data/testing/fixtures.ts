import type { DirectoryEntry, Ticket } from '@shared';
import { buildTicket } from '@shared/testing/build-records.js';
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

/** A ticket for the renderer's tests: the shared builder (buildTicket) with this suite's fixed identities. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return buildTicket({
    id: 't-1',
    number: 'INC0001001',
    title: 'Printer on fire',
    description: 'Smoke from the third floor printer',
    categoryId: 'cat-hardware',
    groupId: 'grp-service-desk',
    assigneeId: 'u-tech',
    callerId: 'u-caller',
    createdAt: 1_690_000_000_000,
    updatedAt: 1_700_000_000_000,
    updatedBy: 'u-agent',
    ...overrides,
  });
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
