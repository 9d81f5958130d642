import { syncDocuments } from './001-sync-documents.js';
import { auth } from './002-auth.js';
import { mailOutbox } from './003-mail-outbox.js';
import { surveys } from './004-surveys.js';
import { ticketNumbers } from './005-ticket-numbers.js';
import { tokenRevocation } from './007-token-revocation.js';
import { uniqueTicketNumbers } from './008-unique-ticket-numbers.js';
import { mailHolds } from './009-mail-holds.js';
import { slaDue } from './010-sla-due.js';
import { scopeExits } from './011-scope-exits.js';
import { directoryAudit } from './012-directory-audit.js';
import { passwordInvitations } from './013-password-invitations.js';
import { surveyCampaigns } from './014-survey-campaigns.js';
import { kbArticleViews } from './015-kb-article-views.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  syncDocuments,
  auth,
  mailOutbox,
  surveys,
  ticketNumbers,
  tokenRevocation,
  uniqueTicketNumbers,
  mailHolds,
  slaDue,
  scopeExits,
  directoryAudit,
  passwordInvitations,
  surveyCampaigns,
  kbArticleViews,
];
