import { createHash } from 'node:crypto';
import { SYSTEM_AUTHOR_ID, type SurveyResponse, type TicketEvent } from '@shared';
import type { Transaction } from '../../db/database.js';
import { writeServerDocuments } from '../sync/server-writes.js';

/**
 * Records in the ticket's history that its caller answered the survey: that it came and by which channel, never the
 * score or a word of it (the ticket's technicians may not read responses). One entry per response: its id derives
 * from the response's, so a repeated push rewrites the same entry. Responses about no ticket (campaigns) have none.
 */
export async function recordSurveyAnswered(tx: Transaction, response: SurveyResponse): Promise<void> {
  if (!response.ticketId) return;
  const event: TicketEvent = {
    id: `survey-${createHash('sha256').update(response.id).digest('hex').slice(0, 32)}`,
    ticketId: response.ticketId,
    kind: 'survey_response',
    authorId: SYSTEM_AUTHOR_ID,
    occurredAt: response.submittedAt,
    body: '',
    minutes: 0,
    fromValue: '',
    toValue: response.channel,
  };
  await writeServerDocuments(tx, 'ticket_events', [{ ...event, _deleted: false }]);
}
