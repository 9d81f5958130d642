import type { JsonSchemaProperty } from '../schemas/json-schema.js';
import { jsonEqual } from '../domain/three-way-merge.js';
import { COLLECTION_DEFINITIONS } from '../schemas/index.js';
import type { ReplicatedCollection } from './protocol.js';

/**
 * The collections whose documents can leave a user's scope without being deleted: tickets and what hangs on them,
 * configuration items and their history.
 */
export const SCOPE_EXIT_COLLECTIONS: readonly ReplicatedCollection[] = [
  'tickets',
  'ticket_events',
  'survey_responses',
  'config_items',
  'ci_history',
];

/** A valid value of a property that says nothing: its first allowed value, its minimum, or empty. */
function neutralValue(property: JsonSchemaProperty): unknown {
  if (property.enum) return property.enum[0];
  const type = Array.isArray(property.type) ? property.type[0] : property.type;
  if (type === 'string') return 'x'.repeat(property.minLength ?? 0);
  if (type === 'integer' || type === 'number') return property.minimum ?? 0;
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (type === 'object') return {};
  return null;
}

/**
 * What the server sends a device for a document that left its user's scope (issue 15, item 9): a tombstone that
 * carries the document's id (and its ticket's or configuration item's) and nothing else of it, every other required
 * field neutral, so the device removes its copy locally. It is not a deletion for anyone else.
 */
export function scopeExitMarker(
  collection: ReplicatedCollection,
  doc: { id: string; ticketId?: string; ciId?: string },
): Record<string, unknown> & { id: string; _deleted: true } {
  const { schema } = COLLECTION_DEFINITIONS[collection];
  const marker: Record<string, unknown> = {};
  for (const field of schema.required) marker[field] = neutralValue(schema.properties[field] ?? {});
  if (doc.ticketId !== undefined && 'ticketId' in schema.properties) marker.ticketId = doc.ticketId;
  if (doc.ciId !== undefined && 'ciId' in schema.properties) marker.ciId = doc.ciId;
  return { ...marker, id: doc.id, _deleted: true };
}

/** The scopeExitMarker that stands for `doc`: its id and, where it has them, its ticket's and configuration item's. */
export function scopeExitMarkerOf(
  collection: ReplicatedCollection,
  doc: Record<string, unknown> & { id: string },
): Record<string, unknown> & { id: string; _deleted: true } {
  return scopeExitMarker(collection, {
    id: doc.id,
    ...(typeof doc.ticketId === 'string' ? { ticketId: doc.ticketId } : {}),
    ...(typeof doc.ciId === 'string' ? { ciId: doc.ciId } : {}),
  });
}

/**
 * True when `doc` is exactly the scopeExitMarker of its collection (a real tombstone keeps its fields): the device
 * drops its copy without treating it as someone's deletion.
 */
export function isScopeExitMarker(collection: ReplicatedCollection, doc: Record<string, unknown>): boolean {
  if (doc._deleted !== true || !SCOPE_EXIT_COLLECTIONS.includes(collection) || typeof doc.id !== 'string') return false;
  return jsonEqual(scopeExitMarkerOf(collection, { ...doc, id: doc.id }), doc);
}
