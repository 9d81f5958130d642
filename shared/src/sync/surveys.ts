import type { BilingualText, Language } from '../schemas/bilingual.js';
import type { CampaignStatus } from '../domain/campaign-standing.js';
import type { LowScoreThresholds } from '../domain/survey-rules.js';

/**
 * Survey campaign endpoints (supervisors and admins):
 * GET  /api/surveys/settings              -> SurveySettings
 * PUT  /api/surveys/settings  body Partial<SurveySettings> -> SurveySettings (the stored result)
 * POST /api/surveys/campaigns body CampaignRequest -> CampaignResult (the campaign is recorded)
 * GET  /api/surveys/campaigns             -> CampaignSummary[]: recorded campaigns newest first, then on-resolution surveys
 * POST /api/surveys/campaigns/preview body CampaignRequest -> CampaignPreview (nothing is sent or recorded)
 * GET  /api/surveys/:surveyId/versions (any signed-in user) -> Survey[]: every published version, oldest first
 * Public, no sign-in: GET/POST /survey/:token (the page the e-mailed link opens).
 */

/** How the server sends surveys when tickets are resolved, and what counts as a low score. */
/** GET and PUT (supervisors and admins): the settings of surveys sent on resolution. */
export const SURVEY_SETTINGS_PATH = '/api/surveys/settings';

export interface SurveySettings {
  /** The survey sent on resolution; null = the first survey whose status is "active". */
  activeSurveyId: string | null;
  /** Share of resolved tickets surveyed, 0..1; deterministic per ticket (see `inSurveySample`). */
  samplingRate: number;
  /** At most one survey per contact within this many days (0 = no limit). */
  throttleDays: number;
  /** Days a survey link stays valid. */
  tokenExpiryDays: number;
  lowScore: LowScoreThresholds;
}

export interface CampaignContact {
  email: string;
  name?: string;
  language: Language;
}

/** Which tickets' callers a manual campaign goes to; every given condition must hold. */
export interface CampaignTicketFilter {
  statuses?: string[];
  groupId?: string;
  categoryId?: string;
  type?: string;
  /** Last updated at or after / before, ms since the epoch. */
  updatedFrom?: number;
  updatedTo?: number;
}

export type CampaignRequest =
  { surveyId: string; contacts: CampaignContact[] } | { surveyId: string; ticketFilter: CampaignTicketFilter };

/** What a campaign did: e-mails queued, contacts skipped by the throttle (or already surveyed tickets), unusable addresses. */
export interface CampaignResult {
  sent: number;
  skipped: number;
  invalid: number;
}

/** Why a campaign leaves someone out: surveyed within the throttle window, their ticket already surveyed, listed twice, an unusable address, or a ticket with no caller to write to. */
export const CAMPAIGN_SKIP_REASONS = ['throttled', 'ticket_surveyed', 'listed_twice', 'address_invalid', 'no_caller'] as const;
export type CampaignSkipReason = (typeof CAMPAIGN_SKIP_REASONS)[number];

/** One person a campaign reaches or leaves out, and why. */
export interface CampaignRecipient {
  email: string;
  name: string;
  /** The ticket whose caller they are (ticket-filter campaigns). */
  ticketNumber?: string;
  outcome: 'sent' | 'skipped' | 'invalid';
  reason?: CampaignSkipReason;
}

/** What a campaign would do, person by person, before anything is sent. */
export interface CampaignPreview extends CampaignResult {
  recipients: CampaignRecipient[];
}

export const CAMPAIGN_PATH = '/api/surveys/campaigns';
export const CAMPAIGN_PREVIEW_PATH = '/api/surveys/campaigns/preview';

/** How a recorded campaign picked people: a list of this many contacts, or the callers of the tickets a filter matched. */
export type CampaignAudience =
  { kind: 'contacts'; contacts: number } | { kind: 'ticketFilter'; ticketFilter: CampaignTicketFilter };

/**
 * One line of the campaign list: a manual campaign, or (kind "resolution") every invitation a survey sent on
 * ticket resolution, taken together.
 */
export interface CampaignSummary {
  /** The campaign's id; `resolution:<surveyId>` for the line of surveys sent on resolution. */
  id: string;
  kind: 'manual' | 'resolution';
  surveyId: string;
  /** The version sent (manual campaigns); null for the on-resolution line, which may span versions. */
  surveyVersion: number | null;
  /** The title of the version sent (manual) or of the latest version known (resolution). */
  surveyTitle: BilingualText;
  /** When it was sent, ms since the epoch; for the on-resolution line, the latest invitation. */
  sentAt: number;
  /** Who sent it (manual campaigns): the name is empty when the user no longer exists. */
  sentBy: { id: string; name: string } | null;
  audience: CampaignAudience | null;
  sent: number;
  /** Contacts left out and unusable addresses when it was sent (manual campaigns; 0 on the resolution line). */
  skipped: number;
  invalid: number;
  /** Invitations whose link was used to answer. */
  answered: number;
  /** answered / sent, 0..1; null when nothing was sent (see `responseRate`). */
  responseRate: number | null;
  status: CampaignStatus;
}
