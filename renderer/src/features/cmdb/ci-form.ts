import { can, CI_CLASSES } from '@shared';
import type { Actor, CiAttributeSpec, CiAttributeValue, CiClass, ConfigItem, TechnicianSites } from '@shared';
import type { CiPatch, NewConfigItem } from '../../data/index.js';

/** The CI's own fields the form edits (attributes come from the class, as `attributes.<key>`). */
export const CI_FORM_FIELDS = ['name', 'status', 'criticality', 'locationId', 'ownerGroupId'] as const;
export type CiFormField = (typeof CI_FORM_FIELDS)[number];

/** What the form holds: the fields as typed, attributes as text (numbers too) or booleans. */
export interface CiDraft {
  name: string;
  status: ConfigItem['status'];
  criticality: ConfigItem['criticality'];
  locationId: string;
  ownerGroupId: string;
  attributes: Record<string, string | boolean>;
}

/** The class's attributes in their declared order. */
export function attributeSpecs(ci: Pick<ConfigItem, 'ciClass'>): [string, CiAttributeSpec][] {
  const specs: Readonly<Record<string, CiAttributeSpec>> = CI_CLASSES[ci.ciClass];
  return Object.entries(specs);
}

/** The draft of a new CI of a class: nothing typed yet, in service, of medium criticality, owned by `ownerGroupId`. */
export function blankDraft(ciClass: CiClass, ownerGroupId: string): CiDraft {
  const attributes: Record<string, string | boolean> = {};
  for (const [key, spec] of attributeSpecs({ ciClass })) attributes[key] = spec.type === 'boolean' ? false : '';
  return { name: '', status: 'in_service', criticality: 'medium', locationId: '', ownerGroupId, attributes };
}

/**
 * The draft with another class: the attributes both classes share keep what was typed, the others start empty,
 * so changing one's mind about the class does not carry attributes the new class does not have.
 */
export function withClass(draft: CiDraft, ciClass: CiClass): CiDraft {
  const blank = blankDraft(ciClass, draft.ownerGroupId);
  const attributes = { ...blank.attributes };
  for (const key of Object.keys(attributes)) if (key in draft.attributes) attributes[key] = draft.attributes[key]!;
  return { ...draft, attributes };
}

/**
 * The new CI the draft describes, typed as `patchOf` types an edit: numbers parsed, empty attributes left out (and
 * an unticked check box, as an edit leaves it unset). The create command then validates it with the shared rules.
 */
export function newCiOf(ciClass: CiClass, draft: CiDraft): NewConfigItem {
  const attributes: Record<string, CiAttributeValue> = {};
  for (const [key, spec] of attributeSpecs({ ciClass })) {
    const value = parseAttribute(spec, draft.attributes[key] ?? '');
    if (value !== null && value !== false) attributes[key] = value;
  }
  return {
    name: draft.name,
    ciClass,
    status: draft.status,
    criticality: draft.criticality,
    ownerGroupId: draft.ownerGroupId,
    locationId: draft.locationId,
    attributes,
  };
}

/** The draft of a CI as stored. */
export function draftOf(ci: ConfigItem): CiDraft {
  const attributes: Record<string, string | boolean> = {};
  for (const [key, spec] of attributeSpecs(ci)) {
    const value = ci.attributes[key];
    attributes[key] = spec.type === 'boolean' ? value === true : value === undefined ? '' : String(value);
  }
  return {
    name: ci.name,
    status: ci.status,
    criticality: ci.criticality,
    locationId: ci.locationId,
    ownerGroupId: ci.ownerGroupId,
    attributes,
  };
}

/**
 * A typed attribute value from the form's text: numbers parsed (text that is not a number is kept as text, so the
 * shared validation names the attribute), '' removes the attribute.
 */
export function parseAttribute(spec: CiAttributeSpec, raw: string | boolean): CiAttributeValue | null {
  if (typeof raw === 'boolean') return raw;
  const text = raw.trim();
  if (text === '') return null;
  if (spec.type === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  return spec.type === 'string' ? raw : text;
}

/** The patch from the CI as stored to the draft: only what differs. */
export function patchOf(ci: ConfigItem, draft: CiDraft): CiPatch {
  const patch: CiPatch = {};
  if (draft.name !== ci.name) patch.name = draft.name;
  if (draft.status !== ci.status) patch.status = draft.status;
  if (draft.criticality !== ci.criticality) patch.criticality = draft.criticality;
  if (draft.locationId !== ci.locationId) patch.locationId = draft.locationId;
  if (draft.ownerGroupId !== ci.ownerGroupId) patch.ownerGroupId = draft.ownerGroupId;
  const attributes: Record<string, CiAttributeValue | null> = {};
  for (const [key, spec] of attributeSpecs(ci)) {
    const value = parseAttribute(spec, draft.attributes[key] ?? '');
    const stored = ci.attributes[key] ?? null;
    if (value !== stored && !(spec.type === 'boolean' && value === false && stored === null)) attributes[key] = value;
  }
  if (Object.keys(attributes).length > 0) patch.attributes = attributes;
  return patch;
}

/** Which fields of this CI the actor may change, by the shared CMDB policy (the server asks the same). */
export function editableFields(actor: Actor, ci: ConfigItem, sites: TechnicianSites): ReadonlySet<string> {
  const fields = [...CI_FORM_FIELDS, ...attributeSpecs(ci).map(([key]) => `attributes.${key}`)];
  return new Set(fields.filter((field) => can(actor, 'ci.edit_field', { ci, sites, field })));
}
