import type { SettingDocument } from '@shared';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';

/**
 * Stores a checked settings document on this device in the writer's name, its time moved past the stored one's even
 * when the device clock lags (so the newer write wins the merge). Callers check the policy and the kind's rules first.
 */
export async function writeSettingDocument(
  db: DeskDatabase,
  setting: Pick<SettingDocument, 'id' | 'kind' | 'data'>,
  previous: Pick<SettingDocument, 'updatedAt'> | null,
  actor: CommandActor,
): Promise<void> {
  const next: SettingDocument = {
    id: setting.id,
    kind: setting.kind,
    data: setting.data,
    updatedAt: Math.max(Date.now(), (previous?.updatedAt ?? 0) + 1),
    updatedBy: actor.id,
  };
  await db.settings.upsert(next);
}
