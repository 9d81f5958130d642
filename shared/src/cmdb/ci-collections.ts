import type { CollectionDefinition } from '../schemas/json-schema.js';
import { idProp, refProp, timeProp } from '../schemas/json-schema.js';
import type { CiRelation, ConfigItem } from './ci-model.js';
import { CI_CLASS_NAMES, CI_CRITICALITIES, CI_LIMITS, CI_RELATION_TYPES, CI_STATUSES, CI_TARGET_KINDS } from './ci-model.js';
import { relationKey } from './ci-validation.js';

/**
 * `config_items`: one document per CI with its outgoing edges embedded, so a CI and its relationships replicate,
 * conflict and tombstone together (one RxDB collection instead of two). Class attributes are checked by
 * `validateCi` on both sides; the JSON schema bounds the shape.
 */
export const configItemDefinition: CollectionDefinition = {
  schema: {
    title: 'config_items',
    description: 'Configuration items (CMDB) with their outgoing relationships',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      name: { type: 'string', maxLength: CI_LIMITS.nameMax },
      ciClass: { type: 'string', enum: CI_CLASS_NAMES, maxLength: 40 },
      status: { type: 'string', enum: CI_STATUSES, maxLength: 40 },
      ownerGroupId: refProp,
      locationId: refProp,
      criticality: { type: 'string', enum: CI_CRITICALITIES, maxLength: 20 },
      attributes: { type: 'object', additionalProperties: true },
      relations: {
        type: 'array',
        maxItems: CI_LIMITS.relationsMax,
        items: {
          type: 'object',
          properties: {
            type: { type: 'string', enum: CI_RELATION_TYPES },
            targetKind: { type: 'string', enum: CI_TARGET_KINDS },
            targetId: idProp,
          },
          required: ['type', 'targetKind', 'targetId'],
          additionalProperties: false,
        },
      },
      externalId: { type: 'string', maxLength: 100 },
      updatedAt: timeProp,
      updatedBy: refProp,
    },
    required: [
      'id',
      'name',
      'ciClass',
      'status',
      'ownerGroupId',
      'locationId',
      'criticality',
      'attributes',
      'relations',
      'externalId',
      'updatedAt',
      'updatedBy',
    ],
    indexes: [['locationId', 'id'], 'updatedAt'],
    additionalProperties: false,
  },
  migrationStrategies: {},
};

/** One field of a CI as it changed: before and after, as short text for the history list. */
export interface CiFieldChange {
  field: string;
  from: string;
  to: string;
}

/**
 * Append-only history of a CI (who, when, what), like `ticket_events`: written once, never edited, so replicas
 * never conflict on it. `changes` lists the fields that changed; relationships appear as `relations` with the edge.
 */
export interface CiHistoryEntry {
  id: string;
  ciId: string;
  authorId: string;
  occurredAt: number;
  kind: 'created' | 'updated' | 'retired' | 'deleted' | 'imported';
  changes: CiFieldChange[];
}

/** Bounds of a history entry: at most this many field changes (a CI has at most 500 edges, each removed and added). */
export const CI_HISTORY_LIMITS = { changesMax: 1_000 } as const;

export const CI_HISTORY_KINDS = ['created', 'updated', 'retired', 'deleted', 'imported'] as const;

export const ciHistoryDefinition: CollectionDefinition = {
  schema: {
    title: 'ci_history',
    description: 'Every change to a configuration item or its relationships: append-only',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      ciId: idProp,
      authorId: idProp,
      occurredAt: timeProp,
      kind: { type: 'string', enum: CI_HISTORY_KINDS, maxLength: 20 },
      changes: {
        type: 'array',
        maxItems: CI_HISTORY_LIMITS.changesMax,
        items: {
          type: 'object',
          properties: {
            field: { type: 'string', maxLength: 120 },
            from: { type: 'string', maxLength: 2_000 },
            to: { type: 'string', maxLength: 2_000 },
          },
          required: ['field', 'from', 'to'],
          additionalProperties: false,
        },
      },
    },
    required: ['id', 'ciId', 'authorId', 'occurredAt', 'kind', 'changes'],
    indexes: [['ciId', 'occurredAt']],
    additionalProperties: false,
  },
  migrationStrategies: {},
};

const show = (value: string | number | boolean | undefined): string => (value === undefined ? '' : String(value).slice(0, 2_000));
const showRelation = (r: CiRelation): string => `${r.type} ${r.targetKind}:${r.targetId}`;

/** The field changes from one version of a CI to the next (attributes and edges one by one), for its history. */
export function diffConfigItems(before: ConfigItem | null, after: ConfigItem): CiFieldChange[] {
  const changes: CiFieldChange[] = [];
  const fields = ['name', 'ciClass', 'status', 'ownerGroupId', 'locationId', 'criticality', 'externalId'] as const;
  for (const field of fields) {
    const from = before ? show(before[field]) : '';
    const to = show(after[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  const oldAttributes = before?.attributes ?? {};
  const keys = new Set([...Object.keys(oldAttributes), ...Object.keys(after.attributes)]);
  for (const key of [...keys].sort()) {
    const from = show(oldAttributes[key]);
    const to = show(after.attributes[key]);
    if (from !== to) changes.push({ field: `attributes.${key}`, from, to });
  }
  const oldEdges = new Map((before?.relations ?? []).map((r) => [relationKey(r), r]));
  const newEdges = new Map(after.relations.map((r) => [relationKey(r), r]));
  for (const [key, r] of oldEdges) if (!newEdges.has(key)) changes.push({ field: 'relations', from: showRelation(r), to: '' });
  for (const [key, r] of newEdges) if (!oldEdges.has(key)) changes.push({ field: 'relations', from: '', to: showRelation(r) });
  return changes;
}
