import { describe, expect, it } from 'vitest';
import { isAppRoute } from '@shared/ipc/channels.js';
import { MAX_SEPARATE_NOTIFICATIONS, assignmentNotifications, newlyAssignedToMe } from './assignment-notices.js';
import type { TicketArrival } from './assignment-notices.js';

const ME = 'u-tech';
const ticket = (over: Partial<TicketArrival['current']> = {}): TicketArrival['current'] => ({
  id: '6f1c2a9e-2b1d-4c55-9d6e-3f1f2a7b8c90',
  number: 'INC0001003',
  title: 'Printer on fire',
  assigneeId: ME,
  updatedBy: 'u-agent',
  ...over,
});
const ctx = { userId: ME, firstSync: false };

describe('newlyAssignedToMe', () => {
  it('reports a ticket reassigned to me by someone else', () => {
    const arrival = { previous: { assigneeId: 'u-other' }, current: ticket() };
    expect(newlyAssignedToMe([arrival], ctx)).toEqual([arrival.current]);
  });

  it('reports a ticket that is new on this device and already assigned to me', () => {
    expect(newlyAssignedToMe([{ previous: null, current: ticket() }], ctx)).toHaveLength(1);
  });

  it('stays quiet during the first sync', () => {
    expect(newlyAssignedToMe([{ previous: null, current: ticket() }], { ...ctx, firstSync: true })).toEqual([]);
  });

  it('stays quiet for my own assignment (my edit coming back, or made on another device)', () => {
    expect(newlyAssignedToMe([{ previous: { assigneeId: '' }, current: ticket({ updatedBy: ME }) }], ctx)).toEqual([]);
  });

  it('stays quiet for other changes to a ticket that was already mine', () => {
    expect(newlyAssignedToMe([{ previous: { assigneeId: ME }, current: ticket({ title: 'New title' }) }], ctx)).toEqual([]);
  });

  it('stays quiet for tickets assigned to someone else or unassigned', () => {
    expect(
      newlyAssignedToMe(
        [
          { previous: { assigneeId: ME }, current: ticket({ assigneeId: 'u-other' }) },
          { previous: null, current: ticket({ assigneeId: '' }) },
        ],
        ctx,
      ),
    ).toEqual([]);
  });

  it('reports each ticket once per write', () => {
    const current = ticket();
    expect(
      newlyAssignedToMe(
        [
          { previous: null, current },
          { previous: { assigneeId: '' }, current },
        ],
        ctx,
      ),
    ).toHaveLength(1);
  });
});

describe('assignmentNotifications', () => {
  const wording = { one: ({ number }: { number: string }) => `Assigned to you: ${number}`, many: (n: number) => `${n} tickets` };

  it('opens the ticket when clicked', () => {
    const [request] = assignmentNotifications([ticket()], wording);
    expect(request).toEqual({ title: 'Assigned to you: INC0001003', body: 'Printer on fire', route: `/tickets/${ticket().id}` });
    expect(isAppRoute(request.route)).toBe(true);
  });

  it('sums up a large batch in one notification that opens the queue', () => {
    const many = Array.from({ length: MAX_SEPARATE_NOTIFICATIONS + 2 }, (_, i) => ticket({ id: `t-${i}`, number: `INC${i}` }));
    const requests = assignmentNotifications(many, wording);
    expect(requests).toEqual([{ title: `${many.length} tickets`, body: 'INC0, INC1, INC2, INC3, INC4', route: '/tickets' }]);
  });

  it('keeps within the notification limits', () => {
    const [request] = assignmentNotifications([ticket({ title: 'x'.repeat(2000) })], wording);
    expect(request.body.length).toBeLessThanOrEqual(500);
    expect(assignmentNotifications([], wording)).toEqual([]);
  });
});
