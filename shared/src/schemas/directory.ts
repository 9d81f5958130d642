import type { CollectionDefinition } from './json-schema.js';
import { idProp, refProp, timeProp } from './json-schema.js';

export const ROLES = ['agent', 'technician', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const DIRECTORY_KINDS = ['user', 'group', 'category'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/**
 * Reference data in one collection (RxDB allows few collections): users, assignment groups and categories.
 * Fields that do not apply to a kind are empty. Credentials never live here.
 */
export interface DirectoryEntry {
  id: string;
  kind: DirectoryKind;
  name: string;
  /** French name for groups and categories; people's names are not translated. */
  nameFr: string;
  email: string;
  /** Users: their role. Empty for groups and categories. */
  role: Role | '';
  /** Users: the groups they belong to. */
  groupIds: string[];
  /** Categories: the parent category, empty at the top. */
  parentId: string;
  /** Categories: the group new tickets of this category are routed to. */
  groupId: string;
  locale: 'en' | 'fr';
  active: boolean;
  updatedAt: number;
  /** Since v1, groups: the members who lead the group (escalations and approvals go to them). */
  leadIds?: string[];
  /** Since v1, groups: the support tier (1 first line, 2 second line, 3 specialists or vendors). */
  tier?: 1 | 2 | 3;
  /** Since v1, categories: the impact and urgency a new ticket of the category starts with. */
  impact?: 1 | 2 | 3;
  urgency?: 1 | 2 | 3;
  /** Since v2, people: a VIP caller (SLA policies may match on it); set by administrators only. */
  vip?: boolean;
}

/** Lengths of directory fields, which the schema below and every form use. */
export const DIRECTORY_LIMITS = { nameMax: 200, emailMax: 254, groupsMax: 100 } as const;

export const directoryDefinition: CollectionDefinition = {
  schema: {
    title: 'directory',
    version: 2,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      kind: { type: 'string', enum: DIRECTORY_KINDS, maxLength: 10 },
      name: { type: 'string', minLength: 1, maxLength: DIRECTORY_LIMITS.nameMax },
      nameFr: { type: 'string', maxLength: DIRECTORY_LIMITS.nameMax },
      email: { type: 'string', maxLength: DIRECTORY_LIMITS.emailMax },
      role: { type: 'string', enum: ['', ...ROLES] },
      groupIds: { type: 'array', maxItems: DIRECTORY_LIMITS.groupsMax, items: refProp },
      parentId: refProp,
      groupId: refProp,
      locale: { type: 'string', enum: ['en', 'fr'] },
      active: { type: 'boolean' },
      updatedAt: timeProp,
      leadIds: { type: 'array', maxItems: DIRECTORY_LIMITS.groupsMax, items: refProp },
      tier: { type: 'integer', enum: [1, 2, 3] },
      impact: { type: 'integer', enum: [1, 2, 3] },
      urgency: { type: 'integer', enum: [1, 2, 3] },
      vip: { type: 'boolean' },
    },
    required: [
      'id',
      'kind',
      'name',
      'nameFr',
      'email',
      'role',
      'groupIds',
      'parentId',
      'groupId',
      'locale',
      'active',
      'updatedAt',
    ],
    indexes: [['kind', 'name']],
    additionalProperties: false,
  },
  migrationStrategies: {
    // v1 added optional fields only: v0 entries are valid v1 entries.
    1: (doc) => doc,
    // v2 added the optional `vip` flag of people: v1 entries are valid v2 entries.
    2: (doc) => doc,
  },
  // No stored entry changes shape, so the replication carries on.
  replicationVersion: 0,
};
