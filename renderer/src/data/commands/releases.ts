import { bundleRefusals, generateReleaseNotes } from '@shared';
import type { BilingualText, ReleaseDeployment, RuleViolation, Ticket } from '@shared';
import type { DeskDatabase } from '../types.js';
import type { CommandActor, TicketPatch } from './tickets.js';
import { updateTicket } from './tickets.js';
import { findTicketIdByNumber, loadTicket as load, ticketMissing as missing } from './lookup.js';

/**
 * Release management on this device (issue 20): the changes a release bundles, its schedule, deployments and notes.
 * Each command asks the shared rules (bundleRefusals, and checkTicketRules through updateTicket) the server's push
 * runs, so a refusal here is the one the server would give, as coded violations the screen translates.
 */

const notRelease = (ticket: Ticket): RuleViolation[] => [
  {
    code: 'change_field_type',
    field: 'type',
    message: `${ticket.number} is a ${ticket.type}, not a release.`,
    params: { type: ticket.type },
  },
];

/** The release `id`, or why there is none to edit. */
async function loadRelease(db: DeskDatabase, id: string): Promise<Ticket | RuleViolation[]> {
  const ticket = await load(db, id);
  if (!ticket) return missing(id);
  return ticket.type === 'release' ? ticket : notRelease(ticket);
}

/** A change named by its id or its number (what a person types: any case, spaces around). */
async function findChange(db: DeskDatabase, ref: string): Promise<Ticket | null> {
  const byId = await load(db, ref);
  if (byId) return byId;
  const id = await findTicketIdByNumber(db, ref.trim().toUpperCase());
  return id ? load(db, id) : null;
}

/**
 * Bundles a change into a release, by its number or id: only a change approved or past it joins (bundleRefusals).
 * Once in, it stays when it closes later: a release ships what was approved.
 */
export async function bundleChange(
  db: DeskDatabase,
  releaseId: string,
  changeRef: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const release = await loadRelease(db, releaseId);
  if (Array.isArray(release)) return release;
  const change = await findChange(db, changeRef);
  if (!change) return [{ code: 'not_found', field: 'number', message: `No ticket ${changeRef.trim()} on this device.` }];
  const refusals = bundleRefusals(release, change);
  if (refusals.length > 0) return refusals;
  return updateTicket(db, releaseId, { releaseChangeIds: [...(release.releaseChangeIds ?? []), change.id] }, actor);
}

/** Takes a change out of a release (nothing to do when it is not bundled). */
export async function unbundleChange(
  db: DeskDatabase,
  releaseId: string,
  changeId: string,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const release = await loadRelease(db, releaseId);
  if (Array.isArray(release)) return release;
  const ids = release.releaseChangeIds ?? [];
  if (!ids.includes(changeId)) return [];
  return updateTicket(db, releaseId, { releaseChangeIds: ids.filter((id) => id !== changeId) }, actor);
}

/** The planned and actual windows of a release (undefined: not set). */
export type ReleaseSchedule = Pick<TicketPatch, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>;

/** Saves a release's planned and actual windows; the rules want each end after its start. */
export async function saveReleaseSchedule(
  db: DeskDatabase,
  releaseId: string,
  schedule: ReleaseSchedule,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const release = await loadRelease(db, releaseId);
  if (Array.isArray(release)) return release;
  return updateTicket(db, releaseId, schedule, actor);
}

/** What a person records of a deployment; its time is when it is recorded. */
export type NewDeployment = Pick<ReleaseDeployment, 'stage' | 'environment' | 'result'>;

/**
 * Records a stage run in an environment (planned, succeeded or failed), appended to the release's history of
 * deployments: a failed test followed by a successful one is what the release went through, and both are kept.
 */
export async function recordDeployment(
  db: DeskDatabase,
  releaseId: string,
  deployment: NewDeployment,
  actor: CommandActor,
  at = Date.now(),
): Promise<RuleViolation[]> {
  const release = await loadRelease(db, releaseId);
  if (Array.isArray(release)) return release;
  const entry: ReleaseDeployment = { ...deployment, environment: deployment.environment.trim(), at };
  return updateTicket(db, releaseId, { releaseDeployments: [...(release.releaseDeployments ?? []), entry] }, actor);
}

/** Saves the release notes as people edited them, in both languages. */
export async function saveReleaseNotes(
  db: DeskDatabase,
  releaseId: string,
  notes: BilingualText,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  const release = await loadRelease(db, releaseId);
  if (Array.isArray(release)) return release;
  return updateTicket(db, releaseId, { releaseNotes: { en: notes.en.trim(), fr: notes.fr.trim() } }, actor);
}

/** A first draft of the notes in both languages from the bundled changes; `numberOf` names a fixed ticket. */
export function releaseNotesDraft(
  release: Pick<Ticket, 'number' | 'title'>,
  changes: Parameters<typeof generateReleaseNotes>[1],
  numberOf: (id: string) => string,
): BilingualText {
  return {
    en: generateReleaseNotes(release, changes, 'en', numberOf),
    fr: generateReleaseNotes(release, changes, 'fr', numberOf),
  };
}
