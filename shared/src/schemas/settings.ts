import type { CollectionDefinition } from './json-schema.js';
import { idProp, timeProp } from './json-schema.js';

/**
 * The kinds of replicated configuration document. One generic collection for every kind keeps the RxDB
 * collection budget (13 per process): SLA policies and business calendars first; other screens may add kinds.
 */
export const SETTING_KINDS = ['sla_policy', 'sla_calendar'] as const;
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
    version: 0,
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
  migrationStrategies: {},
};
