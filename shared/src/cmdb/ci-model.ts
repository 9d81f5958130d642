/**
 * The configuration-management model: CI classes with their typed attributes (defined once, here), lifecycle,
 * criticality and the typed directed relationships between CIs. Client and server validate with the same rules.
 */

/** Where a CI is in its life. Retired CIs stay (tombstone-like) so history and old tickets still name them. */
export const CI_STATUSES = ['planned', 'in_service', 'under_maintenance', 'retired'] as const;
export type CiStatus = (typeof CI_STATUSES)[number];

/** How much the organisation suffers when the CI fails; 1 is the worst, like ticket impact. */
export const CI_CRITICALITIES = ['critical', 'high', 'medium', 'low'] as const;
export type CiCriticality = (typeof CI_CRITICALITIES)[number];

/** The type of one attribute of a CI class. */
export type CiAttributeType = 'string' | 'number' | 'boolean' | 'date' | 'enum';

/** One typed attribute of a CI class. */
export interface CiAttributeSpec {
  readonly type: CiAttributeType;
  readonly required?: boolean;
  /** Longest text accepted (strings), or allowed values (enums). */
  readonly maxLength?: number;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

const text = (maxLength = 200, required = false): CiAttributeSpec => ({ type: 'string', maxLength, required });
const count = (max = 1_000_000): CiAttributeSpec => ({ type: 'number', min: 0, max });
const oneOf = (values: readonly string[], required = false): CiAttributeSpec => ({ type: 'enum', values, required });
const date: CiAttributeSpec = { type: 'date' };

/** Every CI class and its attributes. The key is the stored class name; add a class here and nowhere else. */
export const CI_CLASSES = {
  business_service: { serviceHours: text(100), slaTarget: text(100), description: text(2000) },
  technical_service: { serviceHours: text(100), description: text(2000) },
  application: { vendor: text(), version: text(50), url: text(500), licenceCount: count() },
  server_physical: {
    serialNumber: text(100, true),
    manufacturer: text(),
    model: text(),
    os: text(),
    cpuCores: count(4096),
    ramGb: count(1_000_000),
    ipAddress: text(45),
  },
  server_virtual: { hypervisor: text(), os: text(), cpuCores: count(4096), ramGb: count(1_000_000), ipAddress: text(45) },
  workstation: { serialNumber: text(100, true), model: text(), os: text(), assetTag: text(50) },
  network_device: {
    serialNumber: text(100),
    deviceType: oneOf(['switch', 'router', 'firewall', 'access_point', 'load_balancer', 'other'], true),
    ipAddress: text(45),
    ports: count(100_000),
  },
  database: { engine: text(100, true), version: text(50), sizeGb: count(1_000_000_000) },
  location_site: { address: text(500), city: text(100), province: text(50) },
  location_building: { address: text(500), floors: count(500) },
  location_room: { floor: text(20), roomNumber: text(50) },
  contract: { vendor: text(200, true), startDate: date, endDate: date, reference: text(100) },
  vendor: { contactEmail: text(320), phone: text(50), website: text(500) },
  document: { url: text(1000, true), documentType: oneOf(['procedure', 'diagram', 'manual', 'contract', 'other']) },
} as const satisfies Record<string, Readonly<Record<string, CiAttributeSpec>>>;

export type CiClass = keyof typeof CI_CLASSES;
export const CI_CLASS_NAMES = Object.keys(CI_CLASSES) as CiClass[];

/** Classes that are locations: other CIs point at them with `hosted_at` or their `locationId`. */
export const LOCATION_CLASSES: readonly CiClass[] = ['location_site', 'location_building', 'location_room'];
/** Classes that are services: people, groups and organisations use them (`used_by`). */
export const SERVICE_CLASSES: readonly CiClass[] = ['business_service', 'technical_service', 'application'];

/**
 * Relationship types, read `source <type> target`. For all but `used_by` a failure of the target impacts the
 * source (a server fails → the application running on it fails). `used_by` points from a service at a party.
 */
export const CI_RELATION_TYPES = ['depends_on', 'runs_on', 'hosted_at', 'connected_to', 'used_by'] as const;
export type CiRelationType = (typeof CI_RELATION_TYPES)[number];

/** What an edge points at: another CI, or (for `used_by`) a user, group or organisation of the directory. */
export const CI_TARGET_KINDS = ['ci', 'user', 'group', 'org'] as const;
export type CiTargetKind = (typeof CI_TARGET_KINDS)[number];

/** One outgoing edge, stored inside its source CI. */
export interface CiRelation {
  type: CiRelationType;
  targetKind: CiTargetKind;
  targetId: string;
}

export type CiAttributeValue = string | number | boolean;

/** A configuration item with its outgoing edges. */
export interface ConfigItem {
  id: string;
  name: string;
  ciClass: CiClass;
  status: CiStatus;
  ownerGroupId: string;
  /** The location CI it stands in ('' when none). */
  locationId: string;
  criticality: CiCriticality;
  attributes: Record<string, CiAttributeValue>;
  relations: CiRelation[];
  /** Import key: re-importing the same file matches on it ('' when created by hand). */
  externalId: string;
  updatedAt: number;
  updatedBy: string;
  deleted: boolean;
}

/** Limits of a CI record (names, edges, attributes) — the server and forms share them. */
export const CI_LIMITS = { nameMax: 200, relationsMax: 500, attributeKeyMax: 64 } as const;
