import { computePriority, queueKeyFor, type Level, type Ticket, type WithDeleted } from '@shared';

/** Valid ticket documents for load tests, unique per prefix. */
export function makeTickets(count: number, prefix: string, groupId = 'grp-service-desk'): WithDeleted<Ticket>[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const impact = ((i % 3) + 1) as Level;
    const urgency = (((i >> 2) % 3) + 1) as Level;
    const updatedAt = now - i;
    return {
      id: `${prefix}-${i}`,
      number: `BEN${String(i).padStart(9, '0')}`,
      type: i % 4 === 0 ? 'request' : 'incident',
      title: `Benchmark ticket ${i}: workstation cannot reach the shared drive`,
      description: 'Generated for the push ingest benchmark. '.repeat(4),
      status: 'new',
      pendingReason: '',
      impact,
      urgency,
      priority: computePriority(impact, urgency),
      priorityOverrideReason: '',
      categoryId: '',
      groupId,
      assigneeId: '',
      callerId: '',
      channel: 'phone',
      security: false,
      resolutionCode: '',
      resolutionNotes: '',
      createdAt: updatedAt,
      updatedAt,
      updatedBy: '',
      queueKey: queueKeyFor(updatedAt),
      _deleted: false,
    };
  });
}
