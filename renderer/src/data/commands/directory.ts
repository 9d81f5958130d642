import { can, directoryViolations, invitationPath } from '@shared';
import type { DirectoryEntry, DirectoryViolation } from '@shared';
import type { DataNetwork } from '../presence/presence-client.js';
import { requestJson } from '../replication/http.js';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';

/** A refused directory save: the rule broken and the entry it is about (a group save may write its members too). */
export type DirectorySaveViolation = (DirectoryViolation | { code: 'not_permitted'; field: string; message: string }) & {
  entryId: string;
};

const fullActor = (actor: CommandActor) => ({ id: actor.id, role: actor.role ?? 'agent', groupIds: actor.groupIds ?? [] });

/** True when this user may change people, groups and categories (the server asks the same policy on every push). */
export function canEditDirectory(actor: CommandActor): boolean {
  return actor.role !== undefined && can(fullActor(actor), 'directory.edit');
}

/** True when this user may open the administration screens and read the audit (administrators and supervisors). */
export function canReadDirectoryAdmin(actor: CommandActor): boolean {
  return actor.role !== undefined && can(fullActor(actor), 'directory.audit');
}

/**
 * Writes people, groups or categories on this device (they replicate to the server and every client), after the
 * shared directory rules the server runs on the push. The entries are judged in the order given, each against the
 * local directory with the ones before it applied, because that is the order their pushes reach the server: a group
 * comes before the people who join it. Anything refused writes nothing and returns the violations, whose codes the
 * screen translates.
 */
export async function saveDirectoryEntries(
  db: DeskDatabase,
  entries: readonly DirectoryEntry[],
  actor: CommandActor,
): Promise<DirectorySaveViolation[]> {
  if (!canEditDirectory(actor))
    return entries.map((e) => ({
      code: 'not_permitted',
      field: 'id',
      message: 'Only administrators change people, groups and categories.',
      entryId: e.id,
    }));
  const stored = (await db.directory.find().exec()).map((d) => d.toJSON() as DirectoryEntry);
  const index = new Map(stored.map((e) => [e.id, e]));
  const previous = new Map(entries.map((e) => [e.id, index.get(e.id)]));
  const violations = entries.flatMap((entry) => {
    index.set(entry.id, entry);
    return directoryViolations(entry, previous.get(entry.id), fullActor(actor), index).map((v) => ({ ...v, entryId: entry.id }));
  });
  if (violations.length > 0) return violations;
  const now = Date.now();
  // One upsert per entry, in order, so the replication pushes them in that order too.
  for (const entry of entries)
    await db.directory.upsert({ ...entry, updatedAt: Math.max(now, (previous.get(entry.id)?.updatedAt ?? 0) + 1) });
  return [];
}

/**
 * Asks the server to mail a person a one-time link to choose their password (online only: the server keeps the
 * link). Answers the address it went to, or the server's refusal as a sentence.
 */
export async function sendPasswordLink(
  network: DataNetwork,
  userId: string,
): Promise<{ sent: true; email: string } | { sent: false; message: string }> {
  try {
    const { email } = await requestJson<{ email: string }>(network, invitationPath(userId), { method: 'POST' });
    return { sent: true, email };
  } catch (err) {
    return { sent: false, message: err instanceof Error ? err.message : String(err) };
  }
}
