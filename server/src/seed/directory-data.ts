import {
  CHANGE_MANAGER_GROUP_ID,
  DEFAULT_CHANGE_SETTINGS,
  PROBLEM_MANAGER_GROUP_ID,
  can,
  type DirectoryEntry,
  type Role,
} from '@shared';

/** Password of every seeded user. */
export const DEMO_PASSWORD = 'demo-pass-2026';

/** The four demo accounts, one per role. */
export const DEMO_USERS = {
  agent: { id: 'usr-agent', email: 'agent@example.org' },
  technician: { id: 'usr-tech', email: 'tech@example.org' },
  supervisor: { id: 'usr-supervisor', email: 'supervisor@example.org' },
  admin: { id: 'usr-admin', email: 'admin@example.org' },
} as const;

export const GROUP_IDS = {
  serviceDesk: 'grp-service-desk',
  field: 'grp-field',
  network: 'grp-network',
  apps: 'grp-apps',
  security: 'grp-security',
  // The problem policies name this group (PROBLEM_MANAGER_GROUP_ID): administrators add its members.
  problemManagers: PROBLEM_MANAGER_GROUP_ID,
  // Change management: the change-manager group (CHANGE_MANAGER_GROUP_ID) and the CAB and emergency CAB that the
  // default change settings name (a change's board may be changed in the settings; its members on this screen).
  changeManagers: CHANGE_MANAGER_GROUP_ID,
  cab: DEFAULT_CHANGE_SETTINGS.cabGroupId,
  emergencyCab: DEFAULT_CHANGE_SETTINGS.emergencyCabGroupId,
} as const;

const GROUPS: readonly (readonly [string, string, string])[] = [
  [GROUP_IDS.serviceDesk, 'Service Desk', 'Centre de services'],
  [GROUP_IDS.field, 'Field Services', 'Services sur place'],
  [GROUP_IDS.network, 'Network Operations', 'Exploitation du réseau'],
  [GROUP_IDS.apps, 'Business Applications', 'Applications opérationnelles'],
  [GROUP_IDS.security, 'IT Security', 'Sécurité des TI'],
  [GROUP_IDS.problemManagers, 'Problem management', 'Gestion des problèmes'],
  [GROUP_IDS.changeManagers, 'Change management', 'Gestion des changements'],
  [GROUP_IDS.cab, 'Change Advisory Board', 'Comité consultatif sur les changements'],
  [GROUP_IDS.emergencyCab, 'Emergency CAB', 'Comité des changements urgents'],
];

/** [id, parentId, English, French, routing group]. Leaves are what tickets and articles use. */
export const CATEGORIES: readonly (readonly [string, string, string, string, string])[] = [
  ['cat-hardware', '', 'Hardware', 'Matériel', GROUP_IDS.field],
  ['cat-hardware-laptop', 'cat-hardware', 'Laptop', 'Ordinateur portable', GROUP_IDS.field],
  ['cat-hardware-desktop', 'cat-hardware', 'Desktop', 'Poste de travail', GROUP_IDS.field],
  ['cat-hardware-printer', 'cat-hardware', 'Printer', 'Imprimante', GROUP_IDS.field],
  ['cat-hardware-mobile', 'cat-hardware', 'Mobile device', 'Appareil mobile', GROUP_IDS.field],
  ['cat-network', '', 'Network', 'Réseau', GROUP_IDS.network],
  ['cat-network-vpn', 'cat-network', 'VPN', 'RPV', GROUP_IDS.network],
  ['cat-network-wifi', 'cat-network', 'Wi-Fi', 'Wi-Fi', GROUP_IDS.network],
  ['cat-network-drive', 'cat-network', 'Network drive', 'Lecteur réseau', GROUP_IDS.network],
  ['cat-software', '', 'Software', 'Logiciels', GROUP_IDS.apps],
  ['cat-software-email', 'cat-software', 'Email', 'Courriel', GROUP_IDS.apps],
  ['cat-software-office', 'cat-software', 'Office suite', 'Suite bureautique', GROUP_IDS.apps],
  ['cat-software-business', 'cat-software', 'Business application', 'Application opérationnelle', GROUP_IDS.apps],
  ['cat-access', '', 'Accounts and access', 'Comptes et accès', GROUP_IDS.serviceDesk],
  ['cat-access-password', 'cat-access', 'Password reset', 'Réinitialisation du mot de passe', GROUP_IDS.serviceDesk],
  ['cat-access-account', 'cat-access', 'New account', 'Nouveau compte', GROUP_IDS.serviceDesk],
  ['cat-access-permissions', 'cat-access', 'Permissions', 'Autorisations', GROUP_IDS.serviceDesk],
  ['cat-security', '', 'Security', 'Sécurité', GROUP_IDS.security],
  ['cat-security-phishing', 'cat-security', 'Phishing', 'Hameçonnage', GROUP_IDS.security],
  ['cat-security-malware', 'cat-security', 'Malware', 'Logiciel malveillant', GROUP_IDS.security],
  ['cat-security-lost-device', 'cat-security', 'Lost or stolen device', 'Appareil perdu ou volé', GROUP_IDS.security],
];

type UserSeed = readonly [id: string, name: string, email: string, role: Role, groupIds: readonly string[], locale: 'en' | 'fr'];

const USERS: readonly UserSeed[] = [
  [DEMO_USERS.agent.id, 'Avery Martin', DEMO_USERS.agent.email, 'agent', [GROUP_IDS.serviceDesk], 'en'],
  [DEMO_USERS.technician.id, 'Théo Tremblay', DEMO_USERS.technician.email, 'technician', [GROUP_IDS.field], 'fr'],
  [
    DEMO_USERS.supervisor.id,
    'Sophie Gagnon',
    DEMO_USERS.supervisor.email,
    'supervisor',
    [GROUP_IDS.serviceDesk, GROUP_IDS.cab],
    'fr',
  ],
  [DEMO_USERS.admin.id, 'Adam Roy', DEMO_USERS.admin.email, 'admin', [], 'en'],
  ['usr-0001', 'Chloé Bouchard', 'chloe.bouchard@example.org', 'agent', [GROUP_IDS.serviceDesk], 'fr'],
  ['usr-0002', 'Liam Wilson', 'liam.wilson@example.org', 'agent', [GROUP_IDS.serviceDesk], 'en'],
  ['usr-0003', 'Émilie Côté', 'emilie.cote@example.org', 'agent', [GROUP_IDS.serviceDesk], 'fr'],
  ['usr-0004', 'Noah Campbell', 'noah.campbell@example.org', 'agent', [GROUP_IDS.serviceDesk], 'en'],
  ['usr-0005', 'Maya Singh', 'maya.singh@example.org', 'agent', [GROUP_IDS.serviceDesk, GROUP_IDS.security], 'en'],
  ['usr-0006', 'Félix Pelletier', 'felix.pelletier@example.org', 'technician', [GROUP_IDS.field], 'fr'],
  ['usr-0007', 'Olivia Brown', 'olivia.brown@example.org', 'technician', [GROUP_IDS.field], 'en'],
  ['usr-0008', 'Samuel Lavoie', 'samuel.lavoie@example.org', 'technician', [GROUP_IDS.network], 'fr'],
  ['usr-0009', 'Ethan Taylor', 'ethan.taylor@example.org', 'technician', [GROUP_IDS.network], 'en'],
  ['usr-0010', 'Léa Fortin', 'lea.fortin@example.org', 'technician', [GROUP_IDS.apps], 'fr'],
  ['usr-0011', 'Jacob Anderson', 'jacob.anderson@example.org', 'technician', [GROUP_IDS.apps], 'en'],
  [
    'usr-0012',
    'Camille Gauthier',
    'camille.gauthier@example.org',
    'technician',
    [GROUP_IDS.apps, GROUP_IDS.network, GROUP_IDS.changeManagers],
    'fr',
  ],
  ['usr-0013', 'Priya Patel', 'priya.patel@example.org', 'technician', [GROUP_IDS.security], 'en'],
  ['usr-0014', 'Mathis Morin', 'mathis.morin@example.org', 'technician', [GROUP_IDS.security], 'fr'],
  [
    'usr-0015',
    'Grace Thompson',
    'grace.thompson@example.org',
    'supervisor',
    [GROUP_IDS.field, GROUP_IDS.network, GROUP_IDS.cab, GROUP_IDS.emergencyCab],
    'en',
  ],
  [
    'usr-0016',
    'Jérôme Bélanger',
    'jerome.belanger@example.org',
    'supervisor',
    [GROUP_IDS.apps, GROUP_IDS.cab, GROUP_IDS.emergencyCab],
    'fr',
  ],
  ['usr-0017', 'Hannah Lee', 'hannah.lee@example.org', 'admin', [], 'en'],
  ['usr-0018', 'Gabriel Ouellet', 'gabriel.ouellet@example.org', 'agent', [GROUP_IDS.serviceDesk], 'fr'],
  ['usr-0019', 'Zoé Leblanc', 'zoe.leblanc@example.org', 'agent', [GROUP_IDS.serviceDesk], 'fr'],
  ['usr-0020', 'Lucas Nguyen', 'lucas.nguyen@example.org', 'technician', [GROUP_IDS.field], 'en'],
];

const base = (updatedAt: number): Omit<DirectoryEntry, 'id' | 'kind' | 'name'> => ({
  nameFr: '',
  email: '',
  role: '',
  groupIds: [],
  parentId: '',
  groupId: '',
  locale: 'en',
  active: true,
  updatedAt,
});

/** Groups, categories and users of the demo organisation. */
export function directoryEntries(updatedAt: number): DirectoryEntry[] {
  const groups = GROUPS.map(([id, name, nameFr]): DirectoryEntry => ({ ...base(updatedAt), id, kind: 'group', name, nameFr }));
  const categories = CATEGORIES.map(([id, parentId, name, nameFr, groupId]): DirectoryEntry => ({
    ...base(updatedAt),
    id,
    kind: 'category',
    name,
    nameFr,
    parentId,
    groupId,
  }));
  const users = USERS.map(([id, name, email, role, groupIds, locale]): DirectoryEntry => ({
    ...base(updatedAt),
    id,
    kind: 'user',
    name,
    email,
    role,
    groupIds: [...groupIds],
    locale,
  }));
  return [...groups, ...categories, ...users];
}

/** Users by role and group, for assigning seeded tickets. */
export function usersOf(entries: readonly DirectoryEntry[]): { all: DirectoryEntry[]; byGroup: Map<string, DirectoryEntry[]> } {
  const all = entries.filter((e) => e.kind === 'user');
  const byGroup = new Map<string, DirectoryEntry[]>();
  for (const user of all) {
    if (user.role === '' || !can({ id: user.id, role: user.role, groupIds: user.groupIds }, 'tickets.work')) continue;
    for (const groupId of user.groupIds) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), user]);
  }
  return { all, byGroup };
}
