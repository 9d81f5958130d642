import type { Level } from '../schemas/ticket.js';
import { SERVICE_CLASSES, type CiCriticality, type ConfigItem } from './ci-model.js';
import type { ImpactResult } from './impact.js';

/** Why an impact level is suggested: the code the UI translates, and the figures it names. */
export type SuggestedImpactReason =
  'critical_service' | 'organisation' | 'many_parties' | 'high_service' | 'group' | 'several_users' | 'contained';

export interface SuggestedImpact {
  impact: Level;
  reason: SuggestedImpactReason;
  /** The impacted services (live service-class CIs of the result, the linked CIs included). */
  serviceIds: string[];
  /** Users, groups and organisations that use them. */
  partyCount: number;
}

/** From this many users, groups and organisations using the impacted services, the impact is widespread. */
export const WIDESPREAD_PARTIES = 10;
/** From this many, it is significant. */
export const SIGNIFICANT_PARTIES = 2;

const SERVICES: ReadonlySet<string> = new Set(SERVICE_CLASSES);

/**
 * The impact level a ticket's affected CIs suggest, from their downstream impact (`downstreamImpact`): how much of
 * the organisation is hurt, judged by the worst impacted service and by who uses the impacted services.
 *
 * - 1 (high): a critical service is impacted, or an organisation uses an impacted service, or at least
 *   `WIDESPREAD_PARTIES` users and groups do;
 * - 2 (medium): a service of high criticality is impacted, or a group uses an impacted service, or at least
 *   `SIGNIFICANT_PARTIES` users do;
 * - 3 (low): otherwise (a single user, or no service at all).
 *
 * Retired services carry no impact. Null when the result holds no CI (nothing linked): there is nothing to suggest.
 * A suggestion only: the person recording the ticket decides.
 */
export function suggestImpact(result: ImpactResult, byId: ReadonlyMap<string, ConfigItem>): SuggestedImpact | null {
  if (result.nodes.length === 0) return null;
  const serviceIds: string[] = [];
  const worst = new Set<CiCriticality>();
  for (const node of result.nodes) {
    const ci = byId.get(node.id);
    if (!ci || ci.status === 'retired' || !SERVICES.has(ci.ciClass)) continue;
    serviceIds.push(ci.id);
    worst.add(ci.criticality);
  }
  const kinds = new Set(result.parties.map((p) => p.kind));
  const partyCount = result.parties.length;
  const answer = (impact: Level, reason: SuggestedImpactReason): SuggestedImpact => ({ impact, reason, serviceIds, partyCount });
  if (worst.has('critical')) return answer(1, 'critical_service');
  if (kinds.has('org')) return answer(1, 'organisation');
  if (partyCount >= WIDESPREAD_PARTIES) return answer(1, 'many_parties');
  if (worst.has('high')) return answer(2, 'high_service');
  if (kinds.has('group')) return answer(2, 'group');
  if (partyCount >= SIGNIFICANT_PARTIES) return answer(2, 'several_users');
  return answer(3, 'contained');
}
