import type { CiAttributeSpec, CiClass, CiRelation, ConfigItem } from './ci-model.js';
import { isOrganisationId } from './organisations.js';
import {
  CI_CLASSES,
  CI_CRITICALITIES,
  CI_LIMITS,
  CI_RELATION_TYPES,
  CI_STATUSES,
  CI_TARGET_KINDS,
  LOCATION_CLASSES,
} from './ci-model.js';

/** Stable violation codes; the UI translates them under `cmdb.violation.<code>`. */
export type CiViolationCode =
  | 'ci_name_required'
  | 'ci_name_too_long'
  | 'ci_class_unknown'
  | 'ci_status_unknown'
  | 'ci_criticality_unknown'
  | 'ci_attribute_required'
  | 'ci_attribute_unknown'
  | 'ci_attribute_type'
  | 'ci_attribute_too_long'
  | 'ci_attribute_out_of_range'
  | 'ci_attribute_not_allowed_value'
  | 'ci_relation_type_unknown'
  | 'ci_relation_target_kind'
  | 'ci_relation_target_invalid'
  | 'ci_relation_self'
  | 'ci_relation_duplicate'
  | 'ci_relations_too_many';

/** One broken rule: which attribute (or `relations[i]`), its code, and an English message naming the attribute. */
export interface CiViolation {
  code: CiViolationCode;
  attribute: string;
  message: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isCiClass(name: string): name is CiClass {
  return Object.prototype.hasOwnProperty.call(CI_CLASSES, name);
}

function checkAttribute(key: string, spec: CiAttributeSpec, value: unknown): CiViolation | null {
  const attribute = `attributes.${key}`;
  const bad = (code: CiViolationCode, message: string): CiViolation => ({ code, attribute, message });
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return bad('ci_attribute_type', `${key} must be text`);
      if (spec.maxLength !== undefined && value.length > spec.maxLength)
        return bad('ci_attribute_too_long', `${key} is longer than ${spec.maxLength} characters`);
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('ci_attribute_type', `${key} must be a number`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
        return bad('ci_attribute_out_of_range', `${key} must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}`);
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : bad('ci_attribute_type', `${key} must be true or false`);
    case 'date':
      return typeof value === 'string' && DATE_RE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : bad('ci_attribute_type', `${key} must be a date (YYYY-MM-DD)`);
    case 'enum':
      if (typeof value !== 'string' || !(spec.values ?? []).includes(value))
        return bad('ci_attribute_not_allowed_value', `${key} must be one of: ${(spec.values ?? []).join(', ')}`);
      return null;
  }
}

/** The key of an edge: two edges with the same key are duplicates. */
export function relationKey(relation: CiRelation): string {
  return `${relation.type}\u0000${relation.targetKind}\u0000${relation.targetId}`;
}

/** Checks one edge on its own (type, target kind, self-loop); duplicates are checked over the CI's list. */
export function checkRelation(sourceId: string, relation: CiRelation, index: number): CiViolation[] {
  const attribute = `relations[${index}]`;
  const out: CiViolation[] = [];
  if (!(CI_RELATION_TYPES as readonly string[]).includes(relation.type)) {
    out.push({ code: 'ci_relation_type_unknown', attribute, message: `${attribute}: unknown relationship type` });
    return out;
  }
  if (!(CI_TARGET_KINDS as readonly string[]).includes(relation.targetKind)) {
    out.push({ code: 'ci_relation_target_kind', attribute, message: `${attribute}: unknown target kind` });
    return out;
  }
  // Only `used_by` points at people, groups or organisations; every other edge joins two CIs.
  const wantsParty = relation.type === 'used_by';
  if (wantsParty === (relation.targetKind === 'ci')) {
    out.push({
      code: 'ci_relation_target_kind',
      attribute,
      message: wantsParty
        ? `${attribute}: "used by" must point at a user, group or organisation`
        : `${attribute}: "${relation.type}" must point at a configuration item`,
    });
  }
  // An organisation is named on the edge itself: a blank or padded name would be a second, invisible organisation.
  if (relation.targetKind === 'org' && !isOrganisationId(relation.targetId)) {
    out.push({
      code: 'ci_relation_target_invalid',
      attribute,
      message: `${attribute}: an organisation needs a name (at most 40 characters, no leading or trailing spaces)`,
    });
  }
  if (relation.targetKind === 'ci' && relation.targetId === sourceId) {
    out.push({ code: 'ci_relation_self', attribute, message: `${attribute}: a CI cannot be related to itself` });
  }
  return out;
}

/** Every rule a CI breaks (empty when valid). Messages name the attribute; codes are stable. */
export function validateCi(ci: ConfigItem): CiViolation[] {
  const out: CiViolation[] = [];
  const name = typeof ci.name === 'string' ? ci.name.trim() : '';
  if (!name) out.push({ code: 'ci_name_required', attribute: 'name', message: 'name is required' });
  else if (name.length > CI_LIMITS.nameMax)
    out.push({ code: 'ci_name_too_long', attribute: 'name', message: `name is longer than ${CI_LIMITS.nameMax} characters` });
  if (!(CI_STATUSES as readonly string[]).includes(ci.status))
    out.push({ code: 'ci_status_unknown', attribute: 'status', message: `status must be one of: ${CI_STATUSES.join(', ')}` });
  if (!(CI_CRITICALITIES as readonly string[]).includes(ci.criticality))
    out.push({
      code: 'ci_criticality_unknown',
      attribute: 'criticality',
      message: `criticality must be one of: ${CI_CRITICALITIES.join(', ')}`,
    });
  if (!isCiClass(ci.ciClass)) {
    out.push({ code: 'ci_class_unknown', attribute: 'ciClass', message: `ciClass "${String(ci.ciClass)}" is not a CI class` });
  } else {
    const specs: Readonly<Record<string, CiAttributeSpec>> = CI_CLASSES[ci.ciClass];
    const attributes = ci.attributes ?? {};
    for (const [key, spec] of Object.entries(specs)) {
      const value = attributes[key];
      const empty = value === undefined || value === '';
      if (empty) {
        if (spec.required)
          out.push({ code: 'ci_attribute_required', attribute: `attributes.${key}`, message: `${key} is required` });
        continue;
      }
      const violation = checkAttribute(key, spec, value);
      if (violation) out.push(violation);
    }
    for (const key of Object.keys(attributes)) {
      if (!Object.prototype.hasOwnProperty.call(specs, key))
        out.push({
          code: 'ci_attribute_unknown',
          attribute: `attributes.${key.slice(0, CI_LIMITS.attributeKeyMax)}`,
          message: `${key.slice(0, CI_LIMITS.attributeKeyMax)} is not an attribute of ${ci.ciClass}`,
        });
    }
  }
  const relations = Array.isArray(ci.relations) ? ci.relations : [];
  if (relations.length > CI_LIMITS.relationsMax)
    out.push({
      code: 'ci_relations_too_many',
      attribute: 'relations',
      message: `relations: at most ${CI_LIMITS.relationsMax} outgoing relationships`,
    });
  const seen = new Set<string>();
  relations.forEach((relation, index) => {
    out.push(...checkRelation(ci.id, relation, index));
    const key = relationKey(relation);
    if (seen.has(key))
      out.push({
        code: 'ci_relation_duplicate',
        attribute: `relations[${index}]`,
        message: `relations[${index}]: the same relationship is already recorded`,
      });
    seen.add(key);
  });
  return out;
}

/** The CI with one more edge, or the violations that refuse it (duplicate, self, wrong target). */
export function addRelation(ci: ConfigItem, relation: CiRelation): { ci: ConfigItem } | { violations: CiViolation[] } {
  const index = ci.relations.length;
  const violations = checkRelation(ci.id, relation, index);
  if (ci.relations.some((r) => relationKey(r) === relationKey(relation)))
    violations.push({
      code: 'ci_relation_duplicate',
      attribute: `relations[${index}]`,
      message: `relations[${index}]: the same relationship is already recorded`,
    });
  if (violations.length) return { violations };
  return { ci: { ...ci, relations: [...ci.relations, relation] } };
}

/** The CI without the edge (the same type to the same target); unchanged when it has no such edge. */
export function removeRelation(ci: ConfigItem, relation: CiRelation): ConfigItem {
  const key = relationKey(relation);
  return { ...ci, relations: ci.relations.filter((r) => relationKey(r) !== key) };
}

/** True when the CI is a location (site, building, room). */
export function isLocation(ci: Pick<ConfigItem, 'ciClass'>): boolean {
  return LOCATION_CLASSES.includes(ci.ciClass);
}
