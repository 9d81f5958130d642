import type { Actor } from '../domain/access-policy.js';
import type { ConfigItem } from '../cmdb/ci-model.js';
import { LOCATION_CLASSES } from '../cmdb/ci-model.js';
import { diffConfigItems } from '../cmdb/ci-collections.js';
import { isAdmin, isGroupBound, isOverseer } from './roles.js';

/** The group whose members manage configuration (create, retire and relink CIs) without being overseers. */
export const CONFIG_MANAGER_GROUP_ID = 'grp-config-managers';

/** Where a CI stands and who owns it: what the CMDB permissions look at. */
export type CiScope = Pick<ConfigItem, 'ownerGroupId' | 'locationId'>;

/** What a technician serves: the location CIs (sites) of their groups, resolved by the caller. */
export interface TechnicianSites {
  siteIds: readonly string[];
}

/** The CI fields a technician may change on site (a CI of their sites): the facts they check in the field. */
export const TECHNICIAN_CI_FIELDS: readonly string[] = ['status', 'locationId', 'attributes.serialNumber', 'attributes.assetTag'];

/** True for administrators, supervisors and members of the configuration-manager group. */
export function isConfigManager(actor: Actor): boolean {
  return isOverseer(actor) || actor.groupIds.includes(CONFIG_MANAGER_GROUP_ID);
}

/** True when the actor receives every CI: all but technicians who do not manage configuration. */
export function seesEveryCi(actor: Actor): boolean {
  return !isGroupBound(actor) || isConfigManager(actor);
}

/** Permissions of the configuration-management process (CMDB). */
export const cmdbPolicies = {
  /** Receive a CI: everyone but technicians reads all; technicians read the CIs of their sites and groups. */
  'ci.see': (actor: Actor, subject: { ci: CiScope; sites: TechnicianSites }): boolean => {
    if (seesEveryCi(actor)) return true;
    return actor.groupIds.includes(subject.ci.ownerGroupId) || subject.sites.siteIds.includes(subject.ci.locationId);
  },
  /** Create, retire, relink or edit any attribute of a CI. */
  'ci.manage': (actor: Actor): boolean => isConfigManager(actor),
  /** Change one field of an existing CI (`status`, `attributes.serialNumber`, …): managers any, technicians on site a few. */
  'ci.edit_field': (actor: Actor, subject: { ci: CiScope; sites: TechnicianSites; field: string }): boolean => {
    if (isConfigManager(actor)) return true;
    if (actor.role !== 'technician') return false;
    return TECHNICIAN_CI_FIELDS.includes(subject.field) && cmdbPolicies['ci.see'](actor, subject);
  },
  /** Import CIs from CSV (writes many CIs at once). */
  'ci.import': (actor: Actor): boolean => isAdmin(actor) || isConfigManager(actor),
  /** Download every CI and edge as CSV: those who receive every CI anyway. */
  'ci.export': (actor: Actor): boolean => seesEveryCi(actor),
} as const;

/**
 * A technician's sites: the location CIs one of their groups owns. The server resolves the same rule in SQL
 * (`siteIdsOfGroups`, `visibleCiIdsSql`); a device resolves it over the CIs it holds, which include those sites.
 */
export function sitesOfGroups(
  groupIds: readonly string[],
  cis: Iterable<Pick<ConfigItem, 'id' | 'ciClass' | 'ownerGroupId'> & { deleted?: boolean }>,
): TechnicianSites {
  const siteIds: string[] = [];
  for (const ci of cis)
    if (!ci.deleted && LOCATION_CLASSES.includes(ci.ciClass) && groupIds.includes(ci.ownerGroupId)) siteIds.push(ci.id);
  return { siteIds };
}

/**
 * The fields of an edit (as `diffConfigItems` names them; relinking is `relations`) the actor may not change: each
 * needs `ci.edit_field` on the CI as it was and as it will be, so nobody moves a CI out of their own reach. The
 * server refuses a push with any of them; the client asks first so the form never offers them.
 */
export function forbiddenCiFields(actor: Actor, sites: TechnicianSites, before: ConfigItem, after: ConfigItem): string[] {
  const fields = [...new Set(diffConfigItems(before, after).map((c) => c.field))];
  return fields.filter(
    (field) =>
      !cmdbPolicies['ci.edit_field'](actor, { ci: before, sites, field }) ||
      !cmdbPolicies['ci.edit_field'](actor, { ci: after, sites, field }),
  );
}
