import type { CampaignResult, CampaignTicketFilter, Language, Survey } from '@shared';
import type { Database } from '../../db/database.js';
import { findCampaignTickets } from '../../db/queries/campaign-tickets.js';
import { findUserByEmail } from '../../db/queries/directory.js';
import { lockInvitationDecisions } from '../../db/queries/survey-invitations.js';
import { findSurvey, recordSurveyVersion } from '../../db/queries/survey-versions.js';
import { ApiError } from '../../http/api-error.js';
import { callerContact } from '../contacts/caller-contact.js';
import { inviteContact, type InviteOutcome } from './survey-invitations.js';
import { readSurveySettings } from './survey-settings.js';

/** Tickets one campaign may reach; a broader filter is refused so nobody mails thousands by mistake. */
export const CAMPAIGN_MAX_TICKETS = 1000;

export type CampaignTarget =
  { contacts: { email: string; name?: string; language: Language }[] } | { ticketFilter: CampaignTicketFilter };

/** The survey a campaign sends: it must exist and be active (422 otherwise). */
async function campaignSurvey(db: Database, surveyId: string): Promise<Survey> {
  const survey = await findSurvey(db, surveyId);
  if (!survey)
    throw new ApiError(422, `Survey "${surveyId}" does not exist.`, [{ field: 'surveyId', message: 'Unknown survey.' }]);
  if (survey.status !== 'active') {
    throw new ApiError(422, `Survey "${surveyId}" is ${survey.status}: only an active survey can be sent. Publish it first.`, [
      { field: 'surveyId', message: `The survey is ${survey.status}.` },
    ]);
  }
  return survey;
}

const count = (outcomes: InviteOutcome[]): CampaignResult => ({
  sent: outcomes.filter((o) => o === 'sent').length,
  skipped: outcomes.filter((o) => o === 'skipped').length,
  invalid: outcomes.filter((o) => o === 'invalid').length,
});

/**
 * A manual campaign: the survey to a list of contacts, or to the callers of the tickets matching a filter, in one
 * transaction (invitations and e-mails together). The throttle applies (a contact surveyed within the window, or
 * listed twice, is skipped), tickets already surveyed are skipped, unusable addresses are counted as invalid.
 */
export async function runCampaign(
  db: Database,
  surveyId: string,
  target: CampaignTarget,
  publicUrl: string,
): Promise<CampaignResult> {
  const current = await campaignSurvey(db, surveyId);
  if ('ticketFilter' in target) {
    const tickets = await findCampaignTickets(db, target.ticketFilter, CAMPAIGN_MAX_TICKETS + 1);
    if (tickets.length > CAMPAIGN_MAX_TICKETS) {
      throw new ApiError(
        422,
        `More than ${CAMPAIGN_MAX_TICKETS} tickets match this filter: narrow it (status, group, dates) and send several campaigns.`,
        [{ field: 'ticketFilter', message: `At most ${CAMPAIGN_MAX_TICKETS} tickets per campaign.` }],
      );
    }
  }
  return db.transaction(async (tx) => {
    await lockInvitationDecisions(tx);
    const survey = await recordSurveyVersion(tx, current);
    const settings = await readSurveySettings(tx);
    const outcomes: InviteOutcome[] = [];
    const seen = new Set<string>();
    if ('contacts' in target) {
      for (const given of target.contacts) {
        const email = given.email.trim();
        if (seen.has(email.toLowerCase())) {
          outcomes.push('skipped');
          continue;
        }
        seen.add(email.toLowerCase());
        const known = await findUserByEmail(tx, email);
        const contact = {
          email,
          name: given.name ?? (typeof known?.name === 'string' ? known.name : ''),
          language: given.language,
          directoryId: known ? String(known.id) : '',
        };
        outcomes.push(await inviteContact(tx, { survey, contact, ticket: null, settings, publicUrl }));
      }
    } else {
      for (const ticket of await findCampaignTickets(tx, target.ticketFilter, CAMPAIGN_MAX_TICKETS)) {
        const contact = await callerContact(tx, ticket);
        if (!contact) {
          outcomes.push('invalid');
          continue;
        }
        outcomes.push(await inviteContact(tx, { survey, contact, ticket, settings, publicUrl }));
      }
    }
    return count(outcomes);
  });
}
