import { diffConfigItems, type CiHistoryEntry, type CiRelation, type ConfigItem } from '@shared';
import { DEMO_USERS, GROUP_IDS } from './directory-data.js';

type Edge = readonly [CiRelation['type'], string];
type Spec = readonly [
  id: string,
  name: string,
  ciClass: ConfigItem['ciClass'],
  ownerGroupId: string,
  locationId: string,
  criticality: ConfigItem['criticality'],
  attributes: ConfigItem['attributes'],
  edges: readonly Edge[],
];

/**
 * A small department's chain, business service -> application -> server -> site, on two sites: the field group
 * serves the Ottawa head office, network operations the Gatineau data centre. Names are bilingual as the
 * department writes them.
 */
const SPECS: readonly Spec[] = [
  [
    'ci-site-ottawa',
    'Head office, Ottawa / Administration centrale, Ottawa',
    'location_site',
    GROUP_IDS.field,
    '',
    'high',
    { address: '90 Elgin Street', city: 'Ottawa', province: 'ON' },
    [],
  ],
  [
    'ci-site-gatineau',
    'Data centre, Gatineau / Centre de données, Gatineau',
    'location_site',
    GROUP_IDS.network,
    '',
    'critical',
    { address: '45 boulevard Sacré-Cœur', city: 'Gatineau', province: 'QC' },
    [],
  ],
  [
    'ci-srv-pay-db',
    'GAT-DB-01',
    'server_physical',
    GROUP_IDS.network,
    'ci-site-gatineau',
    'critical',
    { serialNumber: 'CZ2041XK7Q', manufacturer: 'HPE', model: 'ProLiant DL380 Gen10', os: 'RHEL 9', cpuCores: 32, ramGb: 256 },
    [['hosted_at', 'ci-site-gatineau']],
  ],
  [
    'ci-srv-file-ott',
    'OTT-FS-01',
    'server_physical',
    GROUP_IDS.field,
    'ci-site-ottawa',
    'medium',
    { serialNumber: 'MXQ83104PL', manufacturer: 'Dell', model: 'PowerEdge R650', os: 'Windows Server 2022' },
    [['hosted_at', 'ci-site-ottawa']],
  ],
  [
    'ci-db-pay',
    'Pay database / Base de données de la paye',
    'database',
    GROUP_IDS.apps,
    'ci-site-gatineau',
    'critical',
    { engine: 'PostgreSQL', version: '16' },
    [['runs_on', 'ci-srv-pay-db']],
  ],
  [
    'ci-app-pay',
    'Pay system / Système de paye',
    'application',
    GROUP_IDS.apps,
    '',
    'critical',
    { vendor: 'In-house / Interne', version: '4.2' },
    [
      ['depends_on', 'ci-db-pay'],
      ['runs_on', 'ci-srv-pay-db'],
    ],
  ],
  [
    'ci-app-files',
    'Shared drives / Lecteurs partagés',
    'application',
    GROUP_IDS.field,
    '',
    'medium',
    { vendor: 'Microsoft' },
    [['runs_on', 'ci-srv-file-ott']],
  ],
  [
    'ci-svc-pay',
    'Pay employees / Rémunération des employés',
    'business_service',
    GROUP_IDS.apps,
    '',
    'critical',
    { serviceHours: '24/7', slaTarget: '99.9%' },
    [
      ['depends_on', 'ci-app-pay'],
      ['used_by', GROUP_IDS.serviceDesk],
    ],
  ],
  [
    'ci-svc-files',
    'Document sharing / Partage de documents',
    'business_service',
    GROUP_IDS.field,
    '',
    'medium',
    { serviceHours: 'Mon-Fri 7:00-18:00 / lun.-ven. 7 h-18 h' },
    [['depends_on', 'ci-app-files']],
  ],
];

/** The demo CIs with their edges, each valid for its class (`seed-data.test.ts` checks it). */
export function demoConfigItems(now: number): ConfigItem[] {
  return SPECS.map(([id, name, ciClass, ownerGroupId, locationId, criticality, attributes, edges]) => ({
    id,
    name,
    ciClass,
    status: 'in_service',
    ownerGroupId,
    locationId,
    criticality,
    attributes,
    relations: edges.map(([type, targetId]) => ({ type, targetKind: targetId.startsWith('grp-') ? 'group' : 'ci', targetId })),
    externalId: '',
    updatedAt: now,
    updatedBy: DEMO_USERS.admin.id,
    deleted: false,
  }));
}

/** The 'created' history entry of a seeded CI, as the server would have written it. */
export function seedHistory(ci: ConfigItem): CiHistoryEntry {
  return {
    id: `cih-seed-${ci.id}`,
    ciId: ci.id,
    authorId: ci.updatedBy,
    occurredAt: ci.updatedAt,
    kind: 'created',
    changes: diffConfigItems(null, ci),
  };
}
