import { TICKET_EVENT_KINDS, conflictDefinition, ticketDefinition, ticketEventDefinition, type CollectionSchema } from '@shared';
import { createRxDatabase } from 'rxdb';
import type { CreateDeskDatabaseOptions } from '../db.js';
import { createConflictHandler } from '../replication/conflict-handler.js';
import { withFirstSyncMasterStates } from '../replication/first-sync-master-states.js';
import type { DeskDatabase } from '../types.js';

/** The tickets schema as version 2 shipped it: the same documents, with three more indexes. */
export function ticketSchemaV2(): CollectionSchema {
  return {
    ...ticketDefinition.schema,
    version: 2,
    indexes: [['status', 'queueKey'], ['assigneeId', 'queueKey'], ['groupId', 'queueKey'], 'queueKey'],
  };
}

/** The ticket events schema as version 0 shipped it: the first eight kinds (v1 added history kinds). */
export function ticketEventSchemaV0(): CollectionSchema {
  const { properties } = ticketEventDefinition.schema;
  return {
    ...ticketEventDefinition.schema,
    version: 0,
    properties: {
      ...properties,
      kind: { type: 'string', enum: TICKET_EVENT_KINDS.slice(0, TICKET_EVENT_KINDS.indexOf('created')) },
    },
  };
}

/**
 * Opens a database as the release with tickets schema v2 did (tickets, their events v0 and conflicts), on `storage` wrapped as
 * the app wraps it: tests and the benchmark then open it with `createDeskDatabase`, which migrates it.
 */
export async function openTicketsV2Database(
  name: string,
  storage: NonNullable<CreateDeskDatabaseOptions['storage']>,
): Promise<DeskDatabase> {
  const db: DeskDatabase = await createRxDatabase({ name, storage: withFirstSyncMasterStates(storage), multiInstance: false });
  await db.addCollections({
    conflicts: { schema: conflictDefinition.schema, migrationStrategies: conflictDefinition.migrationStrategies },
    tickets: {
      schema: ticketSchemaV2(),
      migrationStrategies: { 1: (d: unknown) => d, 2: (d: unknown) => d },
      conflictHandler: createConflictHandler('tickets', () => db),
    },
    ticket_events: { schema: ticketEventSchemaV0() },
  });
  return db;
}
