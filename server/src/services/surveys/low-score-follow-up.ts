import { indexQuestionTypes, scoreResponse } from '@shared/metrics/survey-scores.js';
import {
  clipTicketText,
  isLowScore,
  newTicket,
  type Survey,
  type SurveyResponse,
  type SurveySettings,
  type Ticket,
} from '@shared';
import { createHash } from 'node:crypto';
import type { Transaction } from '../../db/database.js';
import { activeSupervisors } from '../../db/queries/directory.js';
import { loadDocuments } from '../../db/queries/documents.js';
import { queueMail } from '../mail/mail-queue.js';
import { validateDocument } from '../sync/document-validation.js';
import { assignTicketNumbers } from '../tickets/assign-ticket-numbers.js';
import { feedSlaDue } from '../sla/sla-feed.js';
import { writeServerDocuments } from '../sync/server-writes.js';
import { lowScoreMail } from './survey-mail.js';

/** A uuid-shaped id derived from a text, so the same response always names the same follow-up. */
function derivedUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The follow-up task of a response: one per response, whatever retries happen. */
export const followUpTicketId = (responseId: string): string => derivedUuid(`survey-follow-up:${responseId}`);

/** "CSAT 2/5, NPS 3/10", from the shared scoring rules. */
function describeScores(response: SurveyResponse, template: Survey): { scores: string; verbatims: string[] } {
  const scored = scoreResponse(response, indexQuestionTypes([template]), undefined);
  const parts = [
    scored.csat !== null ? `CSAT ${scored.csat}/5` : '',
    scored.nps !== null ? `NPS ${scored.nps}/10` : '',
    scored.ces !== null ? `CES ${scored.ces}/7` : '',
  ].filter(Boolean);
  return { scores: parts.join(', ') || 'no score', verbatims: scored.texts.map((t) => t.text) };
}

export interface LowScoreInput {
  response: SurveyResponse;
  template: Survey;
  settings: SurveySettings;
  /** Who wrote the response document (the signed-in pusher, or '' for the public page). */
  writtenBy: string;
  consoleUrl: string;
}

/**
 * For a low score (CSAT or NPS at or below the configured thresholds), in the response's transaction: a follow-up
 * request for the ticket's group (parent = the ticket; neither the scores nor the words, which the group's technicians
 * may not read) and an e-mail quoting them to
 * the supervisors of that group (every supervisor when none belongs to it). Nothing for other scores, or when
 * the ticket is not on the server. Returns the follow-up's id, or null.
 */
export async function followUpLowScore(tx: Transaction, input: LowScoreInput): Promise<string | null> {
  const { response, template, settings } = input;
  if (!response.ticketId || !isLowScore(response, template, settings.lowScore)) return null;
  const stored = (await loadDocuments(tx, 'tickets', [response.ticketId])).get(response.ticketId);
  if (!stored || stored.deleted) return null;
  const ticket = stored.data as unknown as Ticket;
  const id = followUpTicketId(response.id);
  if ((await loadDocuments(tx, 'tickets', [id])).has(id)) return null;
  const now = Date.now();
  const followUp = newTicket(
    {
      id,
      type: 'request',
      title: clipTicketText('title', `Follow-up: low satisfaction on ${ticket.number}`),
      description: clipTicketText(
        'description',
        // No score and no word of the answer: the group's technicians may not read survey responses (issue 15,
        // item 9). The supervisors' e-mail quotes them; agents and supervisors open the response by its id.
        `The customer's survey answer about ${ticket.number} "${ticket.title}" is a low score. ` +
          `Contact them to understand what went wrong; a supervisor has their answer.\n\n` +
          `(Survey response ${response.id}, ${response.channel})`,
      ),
      impact: 3,
      urgency: 2,
      categoryId: ticket.categoryId,
      groupId: ticket.groupId,
      callerId: ticket.callerId,
      channel: response.channel === 'onsite' ? 'field' : response.channel === 'portal' ? 'portal' : 'email',
      security: ticket.security,
      parentId: ticket.id,
      ...(ticket.callerName ? { callerName: ticket.callerName } : {}),
      ...(ticket.callerEmail ? { callerEmail: ticket.callerEmail } : {}),
    },
    input.writtenBy,
    now,
  );
  const problems = validateDocument('tickets', { ...followUp, _deleted: false }, 0);
  if (problems.length > 0) {
    // Only a parent ticket the schema no longer accepts could cause this: the response itself must still be kept.
    console.error(`[surveys] no follow-up for response ${response.id}: ${problems.map((p) => p.message).join(' ')}`);
    return null;
  }
  // Numbered like every new ticket (assignTicketNumbers): the supervisors' e-mail quotes the confirmed number.
  const [doc] = await assignTicketNumbers(tx, [{ ...followUp, _deleted: false }]);
  await writeServerDocuments(tx, 'tickets', [doc]);
  // A ticket the server writes itself gets its SLA actions like a pushed one.
  await feedSlaDue(tx, [id]);

  const { scores, verbatims } = describeScores(response, template);
  const supervisors = await activeSupervisors(tx);
  const ofGroup = supervisors.filter((s) => Array.isArray(s.groupIds) && s.groupIds.includes(ticket.groupId));
  for (const supervisor of ofGroup.length ? ofGroup : supervisors) {
    await queueMail(
      tx,
      lowScoreMail({
        to: String(supervisor.email),
        ticket: { id: ticket.id, number: ticket.number, title: ticket.title },
        followUpNumber: String(doc.number),
        scores,
        verbatims,
        consoleUrl: `${input.consoleUrl.replace(/\/+$/, '')}/#/tickets/${id}`,
      }),
    );
  }
  return id;
}
