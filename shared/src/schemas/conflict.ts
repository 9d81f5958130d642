import type { CollectionDefinition } from './json-schema.js';
import { idProp, timeProp } from './json-schema.js';

/**
 * A same-field clash found while merging: the server value was kept and the local value is held here
 * until the user picks one. Local to each device, never replicated.
 */
export interface ConflictRecord {
  id: string;
  collectionName: string;
  docId: string;
  field: string;
  /** JSON of the value this device wanted. */
  localValue: string;
  /** JSON of the value the server had, which is the one now in the document. */
  remoteValue: string;
  detectedAt: number;
  resolved: boolean;
}

export const conflictDefinition: CollectionDefinition = {
  schema: {
    title: 'conflicts',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 200, minLength: 1 },
      collectionName: { type: 'string', maxLength: 40 },
      docId: idProp,
      field: { type: 'string', maxLength: 100 },
      localValue: { type: 'string', maxLength: 200_000 },
      remoteValue: { type: 'string', maxLength: 200_000 },
      detectedAt: timeProp,
      resolved: { type: 'boolean' },
    },
    required: ['id', 'collectionName', 'docId', 'field', 'localValue', 'remoteValue', 'detectedAt', 'resolved'],
    indexes: [['resolved', 'detectedAt']],
    additionalProperties: false,
  },
  migrationStrategies: {},
};
