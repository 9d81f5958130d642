import { can, checkSlaSetting } from '@shared';
import type { SettingKind, SettingViolation } from '@shared';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';
import { writeSettingDocument } from './setting-writes.js';

/** True when this user may change SLA policies and calendars (the server asks the same policy on every push). */
export function canWriteSlaSettings(actor: CommandActor): boolean {
  return (
    actor.role !== undefined && can({ id: actor.id, role: actor.role, groupIds: actor.groupIds ?? [] }, 'sla.settings.write')
  );
}

/** True when this user may open the service-level administration screen (administrators and supervisors). */
export function canReadSlaSettings(actor: CommandActor): boolean {
  return actor.role !== undefined && can({ id: actor.id, role: actor.role, groupIds: actor.groupIds ?? [] }, 'sla.settings.read');
}

/**
 * Writes an SLA policy or calendar on this device (it replicates to the server and every client, so clocks work
 * offline), after the same shared checks the server runs: a refused role or an invalid value writes nothing and
 * returns the violations, whose codes the screen translates.
 */
export async function saveSlaSetting(
  db: DeskDatabase,
  setting: { id: string; kind: SettingKind; data: Record<string, unknown> },
  actor: CommandActor,
): Promise<SettingViolation[]> {
  if (!canWriteSlaSettings(actor))
    return [{ code: 'not_permitted', field: 'id', message: 'Your role may not change service levels.' }];
  const calendars = await db.settings.find({ selector: { kind: 'sla_calendar' } }).exec();
  const calendarIds = calendars.map((d) => d.id);
  if (setting.kind === 'sla_calendar' && !calendarIds.includes(setting.id)) calendarIds.push(setting.id);
  const violations = checkSlaSetting(setting, calendarIds);
  if (violations.length > 0) return violations;
  const previous = await db.settings.findOne(setting.id).exec();
  await writeSettingDocument(db, setting, previous, actor);
  return [];
}
