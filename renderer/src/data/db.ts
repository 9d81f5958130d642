import { COLLECTION_DEFINITIONS, REPLICATED_COLLECTIONS, conflictDefinition } from '@shared';
import type { CollectionDefinition, ReplicatedCollection } from '@shared';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollectionCreator, RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withFirstSyncMasterStates } from './replication/first-sync-master-states.js';
import { createConflictHandler } from './replication/conflict-handler.js';
import type { DeskCollections, DeskDatabase } from './types.js';

export type { DeskCollections, DeskDatabase } from './types.js';

export interface CreateDeskDatabaseOptions {
  /** Database name; the app uses one per signed-in user so people never see each other's local data. */
  name: string;
  /** Defaults to Dexie (IndexedDB). Node tests and benchmarks pass `getRxStorageMemory()`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's generics differ per storage; any storage will do
  storage?: RxStorage<any, any>;
  /** Defaults to true in a Vite development build only; never on in production. */
  devMode?: boolean;
  /** Share changes with other tabs on the same storage (default true in browsers, false in Node). */
  multiInstance?: boolean;
  /**
   * Only these replicated collections (default: all). For tools that run several clients in one process, such as
   * the sync benchmark, within RxDB's free limit of 13 open collections per process; the app opens them all.
   */
  collections?: readonly ReplicatedCollection[];
  /** Called while a schema upgrade copies the local documents: copied so far and in all, over every collection. */
  onMigrationProgress?: (progress: MigrationProgress) => void;
}

export interface MigrationProgress {
  handled: number;
  total: number;
}

function isViteDev(): boolean {
  // import.meta.env is absent when this file runs under plain Node (tsx benchmarks).
  const env = (import.meta as { env?: { DEV?: boolean } }).env;
  return env?.DEV === true;
}

// Schemas carry versions and migration strategies; RxDB needs this plugin to run them on open.
addRxPlugin(RxDBMigrationSchemaPlugin);
// Local documents hold per-user preferences that never replicate (the queue's saved filters).
addRxPlugin(RxDBLocalDocumentsPlugin);

let devModeAdded = false;

async function prepareStorage(storage: CreateDeskDatabaseOptions['storage'], devMode: boolean) {
  const base = storage ?? getRxStorageDexie();
  if (!devMode) return withFirstSyncMasterStates(base);
  // Loaded lazily so production bundles do not ship the dev-mode plugin (it injects an iframe in browsers).
  const [{ RxDBDevModePlugin, disableWarnings }, { wrappedValidateAjvStorage, getAjv }] = await Promise.all([
    import('rxdb/plugins/dev-mode'),
    import('rxdb/plugins/validate-ajv'),
  ]);
  if (!devModeAdded) {
    disableWarnings();
    // survey_responses.answers[].value is number | string | string[]: a union type, which ajv's strict mode refuses.
    getAjv().opts.allowUnionTypes = true;
    addRxPlugin(RxDBDevModePlugin);
    devModeAdded = true;
  }
  // dev-mode refuses unvalidated storage (error DVM1).
  return withFirstSyncMasterStates(wrappedValidateAjvStorage({ storage: base }));
}

/**
 * Documents per step of a schema migration, which copies every document of the collection into storage of the new
 * version. RxDB's own migration on open takes 10 per step: 9 minutes for 100,000 tickets in Chromium.
 */
const MIGRATION_BATCH_SIZE = 2000;

function creator(def: CollectionDefinition, conflictHandler?: RxCollectionCreator['conflictHandler']): RxCollectionCreator {
  return {
    // The shared schema is RxDB's JSON schema format, written without depending on rxdb; the shapes match.
    schema: def.schema,
    migrationStrategies: def.migrationStrategies,
    // Migrated below, in larger steps.
    autoMigrate: false,
    ...(conflictHandler ? { conflictHandler } : {}),
  };
}

/** Runs pending schema migrations; writes wait until then (RxDB refuses them meanwhile). Done ones return at once. */
async function migrateCollections(db: DeskDatabase, onProgress: CreateDeskDatabaseOptions['onMigrationProgress']) {
  const versioned = Object.values(db.collections).filter((collection) => collection.schema.version > 0);
  const counts = new Map<string, MigrationProgress>();
  const subscriptions = versioned.map((collection) =>
    collection.getMigrationState().$.subscribe(({ status, count }) => {
      // The status of a migration done at an earlier start stays stored: only one running now counts.
      if (status !== 'RUNNING' && !counts.has(collection.name)) return;
      counts.set(collection.name, { handled: count.handled, total: count.total });
      const all = [...counts.values()];
      onProgress?.({ handled: all.reduce((n, c) => n + c.handled, 0), total: all.reduce((n, c) => n + c.total, 0) });
    }),
  );
  try {
    await Promise.all(versioned.map((collection) => collection.migratePromise(MIGRATION_BATCH_SIZE)));
  } finally {
    for (const subscription of subscriptions) subscription.unsubscribe();
  }
}

/**
 * Opens the desk database: the replicated collections from the shared definitions (`REPLICATED_COLLECTIONS`, with
 * the CMDB's `config_items` and `ci_history`) plus the local-only `conflicts` collection (see ARCHITECTURE.md for
 * the budget of RxDB's 13 free collections).
 */
export async function createDeskDatabase(opts: CreateDeskDatabaseOptions): Promise<DeskDatabase> {
  const devMode = opts.devMode ?? isViteDev();
  const storage = await prepareStorage(opts.storage, devMode);
  const db = await createRxDatabase<DeskCollections>({
    name: opts.name,
    storage,
    multiInstance: opts.multiInstance ?? typeof window !== 'undefined',
    eventReduce: true,
    closeDuplicates: true,
    localDocuments: true,
  });
  const collections: Record<string, RxCollectionCreator> = { conflicts: creator(conflictDefinition) };
  for (const name of opts.collections ?? REPLICATED_COLLECTIONS) {
    collections[name] = creator(
      COLLECTION_DEFINITIONS[name],
      createConflictHandler(name, () => db),
    );
  }
  await db.addCollections(collections);
  await migrateCollections(db, opts.onMigrationProgress);
  return db;
}
