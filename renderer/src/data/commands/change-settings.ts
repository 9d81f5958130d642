import { can, checkChangeBoardGroups, checkChangeSetting } from '@shared';
import type { ChangeSettings, SettingViolation } from '@shared';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';
import { writeSettingDocument } from './setting-writes.js';

/** The setting kinds of change management. */
export type ChangeSettingKind = 'change_settings' | 'change_window' | 'change_template';

const actorOf = (actor: CommandActor) =>
  actor.role === undefined ? undefined : { id: actor.id, role: actor.role, groupIds: actor.groupIds ?? [] };

/** True when this user may configure change management (the server asks the same policy on every push). */
export function canWriteChangeSettings(actor: CommandActor): boolean {
  const who = actorOf(actor);
  return who !== undefined && can(who, 'change.settings.write');
}

/** True when this user may see change management's configuration (administrators and supervisors). */
export function canReadChangeSettings(actor: CommandActor): boolean {
  const who = actorOf(actor);
  return who !== undefined && can(who, 'change.settings.read');
}

const refused: SettingViolation = {
  code: 'not_permitted',
  field: 'id',
  message: 'Your role may not change the configuration of change management.',
};

/** The ids of the directory's active groups on this device (the boards a settings document may name). */
async function activeGroupIds(db: DeskDatabase): Promise<string[]> {
  const groups = await db.directory.find({ selector: { kind: 'group', active: true } }).exec();
  return groups.map((g) => g.id);
}

/**
 * Writes the change settings, a blackout or maintenance window, or a standard-change template on this device (it
 * replicates, so approvals and collision checks use it offline too), after the checks the server runs, and for the
 * settings that their boards are groups this device knows. A refusal writes nothing and returns coded violations.
 */
export async function saveChangeSetting(
  db: DeskDatabase,
  setting: { id: string; kind: ChangeSettingKind; data: Record<string, unknown> },
  actor: CommandActor,
): Promise<SettingViolation[]> {
  if (!canWriteChangeSettings(actor)) return [refused];
  const violations = checkChangeSetting(setting);
  if (violations.length > 0) return violations;
  if (setting.kind === 'change_settings') {
    const unknown = checkChangeBoardGroups(setting.data as unknown as ChangeSettings, await activeGroupIds(db));
    if (unknown.length > 0) return unknown;
  }
  const previous = await db.settings.findOne(setting.id).exec();
  if (previous && previous.kind !== setting.kind) {
    return [
      {
        code: 'change.setting.kind_changed',
        field: 'kind',
        message: 'A setting keeps its kind: store the new one under another id.',
      },
    ];
  }
  await writeSettingDocument(db, setting, previous, actor);
  return [];
}

/**
 * Deletes a blackout or maintenance window (the deletion replicates). Templates are deactivated instead, since
 * standard changes keep naming theirs; the settings document is edited, never removed.
 */
export async function deleteChangeSetting(db: DeskDatabase, id: string, actor: CommandActor): Promise<SettingViolation[]> {
  if (!canWriteChangeSettings(actor)) return [refused];
  const doc = await db.settings.findOne(id).exec();
  if (!doc) return [];
  if (doc.kind !== 'change_window') {
    return [
      {
        code: 'change.setting.not_deletable',
        field: 'id',
        message: 'Only windows are deleted: deactivate a template instead.',
      },
    ];
  }
  await doc.remove();
  return [];
}
