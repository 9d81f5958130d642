import { z } from 'zod';
import type { SettingDocument } from '../schemas/settings.js';
import type { DirectoryEntry } from '../schemas/directory.js';
import type { SettingViolation } from '../sla/sla-settings.js';
import { RISK_LEVELS, type RiskLevel } from './change-risk.js';
import { CHANGE_SETTING_LIMITS, changeWindowShape, type ChangeWindow } from './change-windows.js';

export const QUORUM_RULES = ['any', 'majority', 'all'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

/** How change management runs here: who approves, how many must, and how long a change is suspected of incidents. */
export interface ChangeSettings {
  cabGroupId: string;
  emergencyCabGroupId: string;
  quorum: Record<RiskLevel, QuorumRule>;
  emergencyQuorum: QuorumRule;
  /** Incidents on a change's CIs opened within this many hours after its implementation are suggested as caused by it. */
  causedIncidentWindowHours: number;
}

/** The id of the one `change_settings` document. */
export const CHANGE_SETTINGS_ID = 'change-settings';

/** The settings in force until an administrator stores others (the seed's CAB and emergency CAB groups). */
export const DEFAULT_CHANGE_SETTINGS: ChangeSettings = {
  cabGroupId: 'grp-cab',
  emergencyCabGroupId: 'grp-ecab',
  quorum: { low: 'any', medium: 'majority', high: 'all' },
  emergencyQuorum: 'any',
  causedIncidentWindowHours: 72,
};

const quorum = z.enum(QUORUM_RULES);
const settingsShape = z
  .object({
    cabGroupId: z.string().min(1).max(40),
    emergencyCabGroupId: z.string().min(1).max(40),
    quorum: z
      .object(Object.fromEntries(RISK_LEVELS.map((level) => [level, quorum])) as Record<RiskLevel, typeof quorum>)
      .strict(),
    emergencyQuorum: quorum,
    causedIncidentWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
  })
  .strict();

/** A standard change's template: the catalogue entry it is made from, already approved. */
export interface ChangeTemplate {
  id: string;
  name: string;
  nameFr: string;
  plan: { reason: string; implementation: string; test: string; backout: string };
  active: boolean;
}

const text = z.string().max(10_000);
const templateShape = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(CHANGE_SETTING_LIMITS.name),
    nameFr: z.string().trim().min(1).max(CHANGE_SETTING_LIMITS.name),
    plan: z.object({ reason: text, implementation: text.min(1), test: text, backout: text.min(1) }).strict(),
    active: z.boolean(),
  })
  .strict();

const shapeViolations = (issues: readonly z.ZodIssue[]): SettingViolation[] =>
  issues.map((i) => ({
    code: 'change.setting.shape',
    field: `data.${i.path.join('.')}`,
    message: `The change setting is not well formed (${i.path.join('.') || 'data'}: ${i.message}).`,
  }));

/** True for the setting kinds change management keeps (settings, windows, standard-change templates). */
export function isChangeSettingKind(kind: unknown): kind is 'change_settings' | 'change_window' | 'change_template' {
  return kind === 'change_settings' || kind === 'change_window' || kind === 'change_template';
}

/** Everything wrong with a change-management setting (settings, a blackout or maintenance window, a template). */
export function checkChangeSetting(doc: Pick<SettingDocument, 'id' | 'kind' | 'data'>): SettingViolation[] {
  const shape = doc.kind === 'change_settings' ? settingsShape : doc.kind === 'change_window' ? changeWindowShape : templateShape;
  const parsed = shape.safeParse(doc.data);
  if (!parsed.success) return shapeViolations(parsed.error.issues);
  const expectedId = doc.kind === 'change_settings' ? CHANGE_SETTINGS_ID : (parsed.data as { id: string }).id;
  if (doc.id !== expectedId) {
    return [{ code: 'change.setting.id_mismatch', field: 'id', message: `This setting's id must be "${expectedId}".` }];
  }
  return [];
}

/** The codes a change-management setting write can be refused with (each has a message in both languages). */
export const CHANGE_SETTING_CODES = [
  'change.setting.shape',
  'change.setting.id_mismatch',
  'change.setting.unknown_group',
  'change.setting.kind_changed',
  'change.setting.not_deletable',
] as const;

/**
 * The CAB and emergency CAB a settings document names that are not active groups of the directory: a board nobody
 * can sit on would leave every change waiting for approvals that never come. The device checks it before writing;
 * the server, whose directory may lag a push by a moment, does not.
 */
export function checkChangeBoardGroups(
  settings: Pick<ChangeSettings, 'cabGroupId' | 'emergencyCabGroupId'>,
  groupIds: readonly string[],
): SettingViolation[] {
  const known = new Set(groupIds);
  return (['cabGroupId', 'emergencyCabGroupId'] as const)
    .filter((field) => !known.has(settings[field]))
    .map((field) => ({
      code: 'change.setting.unknown_group',
      field: `data.${field}`,
      message: `The group "${settings[field]}" is not an active group of the directory.`,
    }));
}

/** The valid blackout and maintenance windows among settings documents (an invalid one is left out, not fatal). */
export function changeWindowsOf(docs: readonly Pick<SettingDocument, 'id' | 'kind' | 'data'>[]): ChangeWindow[] {
  return docs
    .filter((d) => d.kind === 'change_window' && checkChangeSetting(d).length === 0)
    .map((d) => d.data as unknown as ChangeWindow);
}

/** The active standard-change templates among settings documents. */
export function changeTemplatesOf(docs: readonly Pick<SettingDocument, 'id' | 'kind' | 'data'>[]): ChangeTemplate[] {
  return docs
    .filter((d) => d.kind === 'change_template' && checkChangeSetting(d).length === 0)
    .map((d) => d.data as unknown as ChangeTemplate)
    .filter((t) => t.active);
}

/** Who approves changes and what the catalogue pre-approves: the settings in force, each group's active members, the templates. */
export interface ChangeBoards {
  settings: ChangeSettings;
  membersOf: (groupId: string) => ReadonlySet<string>;
  /** Active standard-change templates by id. */
  templates: ReadonlyMap<string, ChangeTemplate>;
}

/** The boards from settings documents and directory entries (what a device holds; the server loads the same). */
export function changeBoardsOf(
  docs: readonly Pick<SettingDocument, 'id' | 'kind' | 'data'>[],
  directory: readonly Pick<DirectoryEntry, 'id' | 'kind' | 'active' | 'groupIds'>[],
): ChangeBoards {
  const members = new Map<string, Set<string>>();
  for (const entry of directory) {
    if (entry.kind !== 'user' || !entry.active) continue;
    for (const groupId of entry.groupIds) members.set(groupId, (members.get(groupId) ?? new Set()).add(entry.id));
  }
  return {
    settings: changeSettingsOf(docs),
    membersOf: (groupId) => members.get(groupId) ?? new Set(),
    templates: new Map(changeTemplatesOf(docs).map((t) => [t.id, t])),
  };
}

/** The change settings in force: the stored document when it is valid, else the defaults. */
export function changeSettingsOf(docs: readonly Pick<SettingDocument, 'id' | 'kind' | 'data'>[]): ChangeSettings {
  const doc = docs.find((d) => d.kind === 'change_settings' && d.id === CHANGE_SETTINGS_ID);
  if (!doc || checkChangeSetting(doc).length > 0) return DEFAULT_CHANGE_SETTINGS;
  return doc.data as unknown as ChangeSettings;
}
