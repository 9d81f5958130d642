import { type Level, type Ticket, type WithDeleted } from '@shared';
import { buildTicket } from '@shared/testing/build-records.js';

/** Valid ticket documents for load tests, unique per prefix, made by the one ticket builder. */
export function makeTickets(count: number, prefix: string, groupId = 'grp-service-desk'): WithDeleted<Ticket>[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const updatedAt = now - i;
    const ticket = buildTicket({
      id: `${prefix}-${i}`,
      number: `BEN${String(i).padStart(9, '0')}`,
      type: i % 4 === 0 ? 'request' : 'incident',
      title: `Benchmark ticket ${i}: workstation cannot reach the shared drive`,
      description: 'Generated for the push ingest benchmark. '.repeat(4),
      status: 'new',
      impact: ((i % 3) + 1) as Level,
      urgency: (((i >> 2) % 3) + 1) as Level,
      categoryId: '',
      groupId,
      callerId: '',
      createdAt: updatedAt,
      updatedAt,
      updatedBy: '',
    });
    return { ...ticket, _deleted: false };
  });
}
