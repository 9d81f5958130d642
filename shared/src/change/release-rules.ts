import type { RuleViolation } from '../domain/ticket-rules.js';
import type { Ticket } from '../schemas/ticket.js';
import { CHANGE_LIMITS } from '../schemas/limits.js';
import { CHANGE_LINKS_MAX, ticketDefinition } from '../schemas/ticket.js';
import { APPROVED_PHASES } from './change-approvals.js';
import { changePhaseOf } from './change-lifecycle.js';

/** Most deployment records a release keeps, as the ticket schema states it. */
export const RELEASE_DEPLOYMENTS_MAX = ticketDefinition.schema.properties.releaseDeployments?.maxItems ?? 0;

/**
 * The release rules on one ticket write: each bundled change once, no more than the schema allows, deployments
 * naming their environment, notes within their length, and the actual window in order. Which changes may join is
 * judged when one is bundled (bundleRefusals), since a ticket write does not hold the changes it names, and a change
 * that closed after joining stays in its release.
 */
export function checkReleaseRules(next: Ticket): RuleViolation[] {
  if (next.type !== 'release') return [];
  const out: RuleViolation[] = [];
  const ids = next.releaseChangeIds ?? [];
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length > 0) {
    const message = `A release bundles each change once; repeated: ${repeated.join(', ')}.`;
    out.push({ code: 'release_change_duplicate', field: 'releaseChangeIds', message, params: { ids: repeated.join(', ') } });
  }
  if (ids.length > CHANGE_LINKS_MAX) {
    const message = `A release bundles at most ${CHANGE_LINKS_MAX} changes.`;
    out.push({ code: 'release_change_limit', field: 'releaseChangeIds', message, params: { max: CHANGE_LINKS_MAX } });
  }
  const deployments = next.releaseDeployments ?? [];
  if (deployments.length > RELEASE_DEPLOYMENTS_MAX) {
    const message = `A release keeps at most ${RELEASE_DEPLOYMENTS_MAX} deployment records.`;
    out.push({
      code: 'release_deployment_limit',
      field: 'releaseDeployments',
      message,
      params: { max: RELEASE_DEPLOYMENTS_MAX },
    });
  }
  if (deployments.some((d) => d.environment.trim() === '')) {
    const message = 'Name the environment each deployment ran in.';
    out.push({ code: 'release_environment_required', field: 'releaseDeployments', message });
  }
  const max = CHANGE_LIMITS.environment;
  if (deployments.some((d) => d.environment.length > max)) {
    out.push({ code: 'too_long', field: 'releaseDeployments', message: `At most ${max} characters.`, params: { max } });
  }
  const notes = next.releaseNotes;
  if (notes && (notes.en.length > CHANGE_LIMITS.releaseNotes || notes.fr.length > CHANGE_LIMITS.releaseNotes)) {
    const limit = CHANGE_LIMITS.releaseNotes;
    out.push({ code: 'too_long', field: 'releaseNotes', message: `At most ${limit} characters.`, params: { max: limit } });
  }
  if ((next.actualStart ?? 0) > 0 && (next.actualEnd ?? 0) > 0 && next.actualEnd! <= next.actualStart!) {
    out.push({ code: 'release_actual_order', field: 'actualEnd', message: 'The actual end must come after the actual start.' });
  }
  return out;
}

/**
 * Why `change` may not join `release` (empty: it may): only a change, approved or past it (scheduled, implementing,
 * review or closed), not already bundled, within the release's limit.
 */
export function bundleRefusals(
  release: Pick<Ticket, 'number' | 'releaseChangeIds'>,
  change: Pick<Ticket, 'id' | 'number' | 'type' | 'changePhase' | 'status'>,
): RuleViolation[] {
  const ids = release.releaseChangeIds ?? [];
  if (change.type !== 'change') {
    const message = `${change.number} is a ${change.type}: a release bundles only changes.`;
    return [{ code: 'release_change_not_change', field: 'releaseChangeIds', message, params: { number: change.number } }];
  }
  const phase = changePhaseOf(change);
  if (!APPROVED_PHASES.includes(phase)) {
    const message = `${change.number} is "${phase}": a release bundles only approved changes (scheduled or later).`;
    return [
      { code: 'release_change_not_approved', field: 'releaseChangeIds', message, params: { number: change.number, phase } },
    ];
  }
  if (ids.includes(change.id)) {
    const message = `${change.number} is already in ${release.number}.`;
    return [{ code: 'release_change_duplicate', field: 'releaseChangeIds', message, params: { ids: change.number } }];
  }
  if (ids.length >= CHANGE_LINKS_MAX) {
    const message = `A release bundles at most ${CHANGE_LINKS_MAX} changes.`;
    return [{ code: 'release_change_limit', field: 'releaseChangeIds', message, params: { max: CHANGE_LINKS_MAX } }];
  }
  return [];
}
