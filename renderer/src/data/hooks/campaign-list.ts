import { CAMPAIGN_PATH, type CampaignSummary } from '@shared';
import { useServerRead, type ServerRead } from './server-read.js';

/**
 * The survey campaigns sent, with their response rates, read from the server (campaigns are the server's record,
 * not replicated). `round` reads them again, e.g. after a send.
 */
export function useCampaignList(round: number): ServerRead<CampaignSummary[]> {
  return useServerRead<CampaignSummary[]>(CAMPAIGN_PATH, round);
}
