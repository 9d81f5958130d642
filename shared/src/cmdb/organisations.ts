import { idProp } from '../schemas/json-schema.js';
import type { ConfigItem } from './ci-model.js';

/**
 * Organisations are not directory entries: a `used_by` edge names one by itself (`targetKind` `org`, the name as
 * `targetId`, as the CSV import writes it). These helpers keep the names people type and the names already used
 * alike, so "Ville de Gatineau" and " Ville de  Gatineau " are one organisation.
 */

/** Longest organisation name: the edge's `targetId` is an id of the schema (`idProp`). */
export const ORGANISATION_NAME_MAX: number = idProp.maxLength;

/** An organisation name as stored on an edge: spaces trimmed and collapsed. */
export function organisationId(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** True when the text is a stored organisation name (non-blank, already normalised, not too long). */
export function isOrganisationId(text: string): boolean {
  return text !== '' && text.length <= ORGANISATION_NAME_MAX && organisationId(text) === text;
}

/** The organisations that use some CI, by name (accents and case aside), each once. */
export function organisationsInUse(cis: Iterable<ConfigItem>): string[] {
  const names = new Set<string>();
  for (const ci of cis) {
    for (const r of ci.relations) if (r.type === 'used_by' && r.targetKind === 'org') names.add(r.targetId);
  }
  return [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
