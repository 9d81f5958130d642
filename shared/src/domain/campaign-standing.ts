/**
 * Whether a survey campaign can still gather answers: "open" while at least one of its invitations is neither
 * answered nor expired, "closed" once every invitation was answered or expired (or none was sent).
 */
export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** How a campaign's invitations stand: sent, answered (link used) and still waiting (neither used nor expired). */
export interface InvitationTally {
  sent: number;
  answered: number;
  waiting: number;
}

/** The status of a campaign from its invitations' tally: open while any invitation is still waiting. */
export function campaignStatus(tally: InvitationTally): CampaignStatus {
  return tally.waiting > 0 ? 'open' : 'closed';
}

/** Share of the invitations answered, 0..1; null when nothing was sent (no rate, rather than a misleading 0 %). */
export function responseRate(tally: Pick<InvitationTally, 'sent' | 'answered'>): number | null {
  if (tally.sent <= 0) return null;
  return Math.min(tally.answered, tally.sent) / tally.sent;
}
