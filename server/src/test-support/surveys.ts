import type { Ticket } from '@shared';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';
import type { ApiClient, Doc } from './api-client.js';
import { makeTicket } from './fixtures.js';
import type { CapturedMail } from './smtp-capture.js';

/** Creates an open ticket, then pushes its resolution, as `token`'s user; returns the resolved ticket as stored. */
export async function pushResolvedTicket(api: ApiClient, token: string, overrides: Partial<Ticket> = {}): Promise<Doc> {
  const open = (await api.createTicketIn(token, makeTicket({ status: 'in_progress', ...overrides }))) as unknown as Doc;
  return pushStatus(api, token, open, 'resolved');
}

/** Moves a stored ticket to another status (resolution fields filled when resolving). */
export async function pushStatus(api: ApiClient, token: string, master: Doc, status: Ticket['status']): Promise<Doc> {
  const next: Doc = {
    ...master,
    status,
    ...(status === 'resolved' ? { resolutionCode: 'fixed', resolutionNotes: 'Replaced the part.' } : {}),
  };
  const response = await api.push(token, 'tickets', [{ assumedMasterState: master, newDocumentState: next }]);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  // The only answer an accepted edit gets: the server naming the pusher as its writer.
  const [stamped = next] = response.body;
  expect(stamped).toEqual({ ...next, updatedBy: stamped.updatedBy });
  return stamped;
}

/** The survey link of a captured invitation e-mail. */
export function surveyLinkIn(mail: CapturedMail): string {
  const match = /https?:\/\/\S+\/survey\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no survey link in: ${mail.text}`);
  return match[0];
}

/** Posts the survey form as a browser does. */
export async function postSurveyForm(
  link: string,
  fields: [string, string][],
): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

export async function getPage(link: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(link);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Row counts of everything a survey request may write, to check that a refused one wrote nothing. */
export async function surveyTableCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db.query<{ name: string; n: number }>(
    `SELECT 'invitations' AS name, count(*)::int AS n FROM survey_invitations
     UNION ALL SELECT 'used', count(*)::int FROM survey_invitations WHERE used_at IS NOT NULL
     UNION ALL SELECT 'campaigns', count(*)::int FROM survey_campaigns
     UNION ALL SELECT 'mail', count(*)::int FROM mail_outbox
     UNION ALL SELECT 'versions', count(*)::int FROM survey_versions
     UNION ALL SELECT 'settings', count(*)::int FROM server_settings WHERE key = 'survey_settings'
     UNION ALL SELECT collection, count(*)::int FROM sync_documents GROUP BY collection`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/** Invitations stored for an address (case-insensitive). */
export async function invitationsTo(
  db: Database,
  email: string,
): Promise<{ ticket_id: string | null; token_hash: string; language: string }[]> {
  return db.query(
    'SELECT ticket_id, token_hash, language FROM survey_invitations WHERE lower(contact_email) = lower($1) ORDER BY created_at',
    [email],
  );
}
