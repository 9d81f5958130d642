import type {
  CampaignAudience,
  CampaignPreview,
  CampaignRecipient,
  CampaignResult,
  CampaignTicketFilter,
  Language,
  Survey,
  Ticket,
} from '@shared';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { findCampaignTickets } from '../../db/queries/campaign-tickets.js';
import { insertCampaign, setCampaignCounts } from '../../db/queries/survey-campaigns.js';
import { findUserByEmail } from '../../db/queries/directory.js';
import { lockInvitationDecisions } from '../../db/queries/survey-invitations.js';
import { findSurvey, recordSurveyVersion } from '../../db/queries/survey-versions.js';
import { ApiError } from '../../http/api-error.js';
import { callerContact } from '../contacts/caller-contact.js';
import { inviteContact, inviteDecision, type SurveyContact } from './survey-invitations.js';
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

/** How a campaign picks people, as the campaign list shows it (a contact list is counted, not kept twice). */
const audienceOf = (target: CampaignTarget): CampaignAudience =>
  'contacts' in target
    ? { kind: 'contacts', contacts: target.contacts.length }
    : { kind: 'ticketFilter', ticketFilter: target.ticketFilter };

/** Sending records a campaign under the supervisor who sent it; a preview records nothing. */
export type CampaignMode = { preview: true } | { preview: false; sentBy: string };

const count = (recipients: readonly CampaignRecipient[]): CampaignResult => ({
  sent: recipients.filter((r) => r.outcome === 'sent').length,
  skipped: recipients.filter((r) => r.outcome === 'skipped').length,
  invalid: recipients.filter((r) => r.outcome === 'invalid').length,
});

/**
 * A manual campaign: the survey to a list of contacts, or to the callers of the tickets matching a filter, in one
 * transaction (invitations and e-mails together). The throttle applies (a contact surveyed within the window, or
 * listed twice, is skipped), tickets already surveyed are skipped, unusable addresses are counted as invalid.
 * Sending records the campaign (who, when, how people were picked, the counts) and ties its invitations to it.
 * A preview decides the same, person by person with the reason, and writes nothing: what the supervisor sees before
 * sending is what sending does (unless someone is surveyed in between).
 */
export async function runCampaign(
  db: Database,
  surveyId: string,
  target: CampaignTarget,
  publicUrl: string,
  mode: CampaignMode,
): Promise<CampaignPreview> {
  const { preview } = mode;
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
    if (!preview) await lockInvitationDecisions(tx);
    const survey = preview ? current : await recordSurveyVersion(tx, current);
    const settings = await readSurveySettings(tx);
    let campaignId: string | undefined;
    if (!mode.preview) {
      campaignId = `cmp-${randomUUID()}`;
      await insertCampaign(tx, {
        id: campaignId,
        surveyId: survey.id,
        surveyVersion: survey.version,
        sentBy: mode.sentBy,
        audience: audienceOf(target),
      });
    }
    const recipients: CampaignRecipient[] = [];
    // A preview writes no invitation, so the throttle between two people of this same campaign is counted here.
    const invitedHere = new Set<string>();
    const decide = async (contact: SurveyContact, ticket: Ticket | null): Promise<CampaignRecipient> => {
      const who = { email: contact.email, name: contact.name, ...(ticket ? { ticketNumber: ticket.number } : {}) };
      if (!preview)
        return { ...who, outcome: await inviteContact(tx, { survey, contact, ticket, settings, publicUrl, campaignId }) };
      let decision = await inviteDecision(tx, { contact, ticket, settings });
      if (decision.outcome === 'sent' && settings.throttleDays > 0 && invitedHere.has(contact.email.toLowerCase()))
        decision = { outcome: 'skipped', reason: 'throttled' };
      if (decision.outcome === 'sent') invitedHere.add(contact.email.toLowerCase());
      return { ...who, ...decision };
    };
    const seen = new Set<string>();
    if ('contacts' in target) {
      for (const given of target.contacts) {
        const email = given.email.trim();
        if (seen.has(email.toLowerCase())) {
          recipients.push({ email, name: given.name ?? '', outcome: 'skipped', reason: 'listed_twice' });
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
        recipients.push(await decide(contact, null));
      }
    } else {
      for (const ticket of await findCampaignTickets(tx, target.ticketFilter, CAMPAIGN_MAX_TICKETS)) {
        const contact = await callerContact(tx, ticket);
        if (!contact) {
          recipients.push({ email: '', name: '', ticketNumber: ticket.number, outcome: 'invalid', reason: 'no_caller' });
          continue;
        }
        recipients.push(await decide(contact, ticket));
      }
    }
    const counts = count(recipients);
    if (campaignId) await setCampaignCounts(tx, campaignId, counts);
    return { ...counts, recipients };
  });
}
