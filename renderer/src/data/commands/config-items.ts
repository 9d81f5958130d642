import { forbiddenCiFields, jsonEqual, sitesOfGroups, validateCi } from '@shared';
import type { CiAttributeValue, CiViolation, ConfigItem, TechnicianSites } from '@shared';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';

/** What an edit of a CI may change (the CMDB policy then decides which of these fields this actor may change). */
export type CiPatch = Partial<Pick<ConfigItem, 'name' | 'status' | 'criticality' | 'locationId' | 'ownerGroupId'>> & {
  /** Attributes to set; `null` removes one (an emptied optional field). */
  attributes?: Record<string, CiAttributeValue | null>;
};

/** A refused CI edit: a shared validation code, or `ci_field_forbidden` / `not_found` with the field it names. */
export type CiEditViolation = Pick<CiViolation, 'attribute' | 'message'> & {
  code: CiViolation['code'] | 'ci_field_forbidden' | 'not_found';
};

/** The CI as the shared model sees it (RxDB keeps the tombstone flag outside the document). */
export function asConfigItem(doc: Omit<ConfigItem, 'deleted'>): ConfigItem {
  return { ...doc, deleted: false };
}

/** The sites the actor serves, resolved over the CIs this device holds (the shared `sitesOfGroups`). */
export async function sitesOfActor(db: DeskDatabase, actor: CommandActor): Promise<TechnicianSites> {
  const groupIds = actor.groupIds ?? [];
  if (groupIds.length === 0) return { siteIds: [] };
  const docs = await db.config_items.find({ selector: { ownerGroupId: { $in: groupIds } } }).exec();
  return sitesOfGroups(
    groupIds,
    docs.map((d) => d.toJSON()),
  );
}

/** The CI with the patch applied (attributes merged; `null` removes one). Pure, for the form and the command. */
export function applyCiPatch(ci: ConfigItem, patch: CiPatch): ConfigItem {
  const { attributes: attributePatch, ...fields } = patch;
  const attributes = { ...ci.attributes };
  for (const [key, value] of Object.entries(attributePatch ?? {})) {
    if (value === null) delete attributes[key];
    else attributes[key] = value;
  }
  return { ...ci, ...fields, attributes };
}

/**
 * Edits a CI on this device; it replicates, and the server runs the same checks on the push. Written only when
 * the actor may change every field the edit touches (shared `forbiddenCiFields`: technicians a few fields of the
 * CIs of their sites, configuration managers and admins everything) and the result passes `validateCi`. Returns
 * the violations; an empty list means written (or nothing changed). History is the server's to write.
 */
export async function updateConfigItem(
  db: DeskDatabase,
  id: string,
  patch: CiPatch,
  actor: CommandActor,
): Promise<CiEditViolation[]> {
  const doc = await db.config_items.findOne(id).exec();
  if (!doc) return [{ code: 'not_found', attribute: 'id', message: `Configuration item ${id} is not on this device.` }];
  const before = asConfigItem(doc.toMutableJSON());
  const after = applyCiPatch(before, patch);
  if (jsonEqual(before, after)) return [];
  if (!actor.role) return [{ code: 'ci_field_forbidden', attribute: 'id', message: 'Sign in to change configuration items.' }];
  const sites = await sitesOfActor(db, actor);
  const who = { id: actor.id, role: actor.role, groupIds: actor.groupIds ?? [] };
  const violations: CiEditViolation[] = forbiddenCiFields(who, sites, before, after).map((field) => ({
    code: 'ci_field_forbidden',
    attribute: field,
    message: `You may not change ${field} on this configuration item.`,
  }));
  violations.push(...validateCi(after));
  if (violations.length > 0) return violations;
  const { deleted: _tombstone, ...fields } = after;
  await doc.incrementalModify((current) => ({
    ...current,
    ...fields,
    // Never behind the stored version, so the newer side wins the bookkeeping fields in a merge.
    updatedAt: Math.max(Date.now(), current.updatedAt + 1),
    updatedBy: actor.id,
  }));
  return [];
}
