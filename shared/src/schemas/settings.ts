import type { CollectionDefinition } from './json-schema.js';
import { idProp, timeProp } from './json-schema.js';

/**
 * The kinds of replicated configuration document. One generic collection for every kind keeps the RxDB
 * collection budget (13 per process): SLA policies and business calendars first; other screens may add kinds.
 */
export const SETTING_KINDS = ['sla_policy', 'sla_calendar', 'change_settings', 'change_window', 'change_template'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

/** One configuration document: its kind and its content, whose shape the kind's own rules check. */
export interface SettingDocument {
  id: string;
  kind: SettingKind;
  /** The setting itself (an SlaPolicy, a BusinessCalendar, …), checked by the kind's validator on every write. */
  data: Record<string, unknown>;
  updatedAt: number;
  updatedBy: string;
}

export const settingsDefinition: CollectionDefinition = {
  schema: {
    title: 'settings',
    version: 1,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      kind: { type: 'string', enum: SETTING_KINDS, maxLength: 20 },
      data: { type: 'object' },
      updatedAt: timeProp,
      updatedBy: { type: 'string', maxLength: 100 },
    },
    required: ['id', 'kind', 'data', 'updatedAt', 'updatedBy'],
    additionalProperties: false,
  },
  migrationStrategies: {
    // v1 added the change-management kinds: v0 documents are valid v1 documents.
    1: (doc) => doc,
  },
  // No stored document changes shape, so the replication carries on.
  replicationVersion: 0,
};
