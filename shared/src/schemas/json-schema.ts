/**
 * The subset of RxDB's JSON schema format that our collections use. Kept here (not imported from
 * rxdb) because `shared/` must not depend on the client database library.
 */
export interface CollectionSchema {
  title: string;
  description?: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required: string[];
  indexes?: (string | string[])[];
  additionalProperties: false;
}

export interface JsonSchemaProperty {
  type?: string | string[];
  enum?: readonly (string | number | boolean)[];
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  format?: string;
  pattern?: string;
  items?: JsonSchemaProperty;
  maxItems?: number;
  properties?: Record<string, JsonSchemaProperty>;
  required?: string[];
  /** false, or the shape of every value of a map keyed by id (e.g. an article's ratings by user). */
  additionalProperties?: boolean | JsonSchemaProperty;
  maxProperties?: number;
}

/** A migration from the previous schema version: takes the old document, returns the new one. */
export type MigrationStrategy = (oldDoc: Record<string, unknown>) => Record<string, unknown>;

/** Everything a replicated collection needs on every side: its schema and its migrations. */
export interface CollectionDefinition {
  schema: CollectionSchema;
  /** Keyed by the version a document is migrated *to* (RxDB's convention). */
  migrationStrategies: Record<number, MigrationStrategy>;
  /**
   * The schema version at which the replicated documents last changed shape (default: `schema.version`). Devices
   * name their replication after it, so a schema change that keeps it (indexes only, say) keeps their replication
   * state: RxDB's migration carries it over, with any edit still waiting to be pushed.
   */
  replicationVersion?: number;
}

// Reusable property shapes. Ids are uuids or seed ids; 40 chars leaves room for prefixes.
export const idProp = { type: 'string', maxLength: 40, minLength: 1 } as const;
export const refProp = { type: 'string', maxLength: 40 } as const;
/** Milliseconds since the epoch, indexable (RxDB needs bounds on indexed numbers). */
export const timeProp = { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 } as const;
export const bilingualProp = (maxLength: number): JsonSchemaProperty => ({
  type: 'object',
  properties: { en: { type: 'string', maxLength }, fr: { type: 'string', maxLength } },
  required: ['en', 'fr'],
  additionalProperties: false,
});
