import {
  addRelation,
  can,
  ciReferences,
  forbiddenCiFields,
  jsonEqual,
  removeRelation,
  sitesOfGroups,
  validateCi,
  withoutReferencesTo,
} from '@shared';
import type { Actor, CiAttributeValue, CiRelation, CiViolation, ConfigItem, TechnicianSites } from '@shared';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';

/** What an edit of a CI may change (the CMDB policy then decides which of these fields this actor may change). */
export type CiPatch = Partial<Pick<ConfigItem, 'name' | 'status' | 'criticality' | 'locationId' | 'ownerGroupId'>> & {
  /** Attributes to set; `null` removes one (an emptied optional field). */
  attributes?: Record<string, CiAttributeValue | null>;
};

/** A refused CI write: a shared validation code, a policy refusal or `not_found`, with the field it names. */
export type CiEditViolation = Pick<CiViolation, 'attribute' | 'message'> & {
  code: CiViolation['code'] | 'ci_field_forbidden' | 'ci_manage_forbidden' | 'not_found';
};

/** What a new CI is made of; the command adds the id, author, time and (when not given) empty attributes and edges. */
export type NewConfigItem = Pick<ConfigItem, 'name' | 'ciClass' | 'status' | 'criticality' | 'ownerGroupId' | 'locationId'> & {
  attributes?: Record<string, CiAttributeValue>;
  relations?: CiRelation[];
};

/** The outcome of creating a CI: its id when written, else the violations that refused it. */
export type CiCreateResult = { id: string; violations: [] } | { id: null; violations: CiEditViolation[] };

/** The actor as the shared policy reads it, or null when nobody is signed in (no role: nothing may be changed). */
function policyActor(actor: CommandActor): Actor | null {
  return actor.role ? { id: actor.id, role: actor.role, groupIds: actor.groupIds ?? [] } : null;
}

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
  return writeCiEdit(db, before, after, actor);
}

/**
 * Writes an edit of a stored CI after the checks the server's push runs: every changed field allowed by
 * `forbiddenCiFields` (relinking is the field `relations`, which only configuration managers and admins may change),
 * then `validateCi`. Shared by the field edit and the relationship commands so they cannot drift apart.
 */
async function writeCiEdit(
  db: DeskDatabase,
  before: ConfigItem,
  after: ConfigItem,
  actor: CommandActor,
): Promise<CiEditViolation[]> {
  const violations = await ciEditViolations(db, before, after, actor);
  if (violations.length > 0) return violations;
  return storeCiEdit(db, before.id, after, actor);
}

/** The push's checks of an edit: the fields the actor may not change (`forbiddenCiFields`), then `validateCi`. */
async function ciEditViolations(
  db: DeskDatabase,
  before: ConfigItem,
  after: ConfigItem,
  actor: CommandActor,
  sites?: TechnicianSites,
): Promise<CiEditViolation[]> {
  const who = policyActor(actor);
  if (!who) return [{ code: 'ci_field_forbidden', attribute: 'id', message: 'Sign in to change configuration items.' }];
  const violations: CiEditViolation[] = forbiddenCiFields(who, sites ?? (await sitesOfActor(db, actor)), before, after).map(
    (field) => ({
      code: 'ci_field_forbidden',
      attribute: field,
      message: `You may not change ${field} on this configuration item.`,
    }),
  );
  violations.push(...validateCi(after));
  return violations;
}

/** Writes a checked edit in the actor's name. */
async function storeCiEdit(db: DeskDatabase, id: string, after: ConfigItem, actor: CommandActor): Promise<CiEditViolation[]> {
  const doc = await db.config_items.findOne(id).exec();
  if (!doc) return [{ code: 'not_found', attribute: 'id', message: `Configuration item ${id} is not on this device.` }];
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

/**
 * Creates a CI on this device; it replicates, and the server's push runs the same checks. Only those the shared
 * CMDB policy lets manage configuration (`ci.manage`: configuration managers, supervisors, admins) may create, and
 * the CI must pass `validateCi` (class attributes, required fields, limits), as a CSV import's rows must. History
 * is the server's to write: the push effect records the `created` entry in the pusher's name.
 */
export async function createConfigItem(db: DeskDatabase, input: NewConfigItem, actor: CommandActor): Promise<CiCreateResult> {
  const who = policyActor(actor);
  if (!who || !can(who, 'ci.manage'))
    return {
      id: null,
      violations: [
        {
          code: 'ci_manage_forbidden',
          attribute: 'id',
          message: 'Only configuration managers and administrators may create configuration items.',
        },
      ],
    };
  const ci: ConfigItem = {
    id: newId(),
    name: input.name.trim(),
    ciClass: input.ciClass,
    status: input.status,
    criticality: input.criticality,
    ownerGroupId: input.ownerGroupId,
    locationId: input.locationId,
    attributes: { ...(input.attributes ?? {}) },
    relations: [...(input.relations ?? [])],
    // Only an import sets it: a CI created by hand is never matched by re-importing a file.
    externalId: '',
    updatedAt: Date.now(),
    updatedBy: actor.id,
    deleted: false,
  };
  const violations = validateCi(ci);
  if (violations.length > 0) return { id: null, violations };
  const { deleted: _tombstone, ...doc } = ci;
  await db.config_items.insert(doc);
  return { id: ci.id, violations: [] };
}

/** The stored CI, or the `not_found` violation (a CI not on this device, or deleted since the page was drawn). */
async function storedCi(db: DeskDatabase, id: string): Promise<ConfigItem | CiEditViolation[]> {
  const doc = await db.config_items.findOne(id).exec();
  if (!doc) return [{ code: 'not_found', attribute: 'id', message: `Configuration item ${id} is not on this device.` }];
  return asConfigItem(doc.toMutableJSON());
}

/**
 * Adds an outgoing edge to a CI (relinking: the shared policy lets only configuration managers and admins change
 * `relations`). The shared `addRelation` refuses a duplicate, a self-loop or a target of the wrong kind with its
 * code; a CI target must be on this device, so the edge never points at an id nobody can open.
 */
export async function addCiRelation(
  db: DeskDatabase,
  id: string,
  relation: CiRelation,
  actor: CommandActor,
): Promise<CiEditViolation[]> {
  const before = await storedCi(db, id);
  if (Array.isArray(before)) return before;
  if (relation.targetKind === 'ci' && relation.targetId !== id && !(await db.config_items.findOne(relation.targetId).exec()))
    return [
      {
        code: 'not_found',
        attribute: `relations[${before.relations.length}]`,
        message: `Configuration item ${relation.targetId} is not on this device.`,
      },
    ];
  const added = addRelation(before, relation);
  if ('violations' in added) return added.violations;
  return writeCiEdit(db, before, added.ci, actor);
}

/** Removes an outgoing edge of a CI (relinking, under the same policy as adding one); nothing to do when absent. */
export async function removeCiRelation(
  db: DeskDatabase,
  id: string,
  relation: CiRelation,
  actor: CommandActor,
): Promise<CiEditViolation[]> {
  const before = await storedCi(db, id);
  if (Array.isArray(before)) return before;
  const after = removeRelation(before, relation);
  if (jsonEqual(before, after)) return [];
  return writeCiEdit(db, before, after, actor);
}

/**
 * Deletes a CI on this device: a tombstone that replicates (RxDB's deletion, in the actor's name, so the server's
 * push accepts it and records the `deleted` history entry). Only those the shared CMDB policy lets manage
 * configuration (`ci.manage`) may. First every other CI of this device that points at it loses those edges, and
 * every CI that stands in it its location (`withoutReferencesTo`, each an edit checked like a relink), so no
 * traversal meets a dangling edge; the server's push effect does the same for CIs this device does not hold.
 * Tickets keep naming it (`ciIds`), and show the name its tombstone keeps (`useDeletedCiNames`). Nothing is
 * written when any of these writes would be refused.
 */
export async function deleteConfigItem(db: DeskDatabase, id: string, actor: CommandActor): Promise<CiEditViolation[]> {
  const who = policyActor(actor);
  if (!who || !can(who, 'ci.manage'))
    return [
      {
        code: 'ci_manage_forbidden',
        attribute: 'id',
        message: 'Only configuration managers and administrators may delete configuration items.',
      },
    ];
  const doc = await db.config_items.findOne(id).exec();
  if (!doc) return [{ code: 'not_found', attribute: 'id', message: `Configuration item ${id} is not on this device.` }];
  const all = (await db.config_items.find().exec()).map((d) => asConfigItem(d.toMutableJSON()));
  const refs = ciReferences(asConfigItem(doc.toMutableJSON()), all);
  const sourceIds = new Set([...refs.incoming.map((e) => e.sourceId), ...refs.locatedIn]);
  const gone = new Set([id]);
  const edits = all.filter((ci) => sourceIds.has(ci.id)).map((before) => ({ before, after: withoutReferencesTo(before, gone) }));
  const sites = await sitesOfActor(db, actor);
  for (const { before, after } of edits) {
    const refused = await ciEditViolations(db, before, after, actor, sites);
    if (refused.length > 0) return refused;
  }
  for (const { after } of edits) await storeCiEdit(db, after.id, after, actor);
  // The tombstone carries the deleter and the time, as every CI write does.
  const stamped = await doc.incrementalModify((current) => ({
    ...current,
    updatedAt: Math.max(Date.now(), current.updatedAt + 1),
    updatedBy: actor.id,
  }));
  await stamped.remove();
  return [];
}
