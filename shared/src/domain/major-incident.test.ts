import { describe, expect, it } from 'vitest';
import { buildTicket } from '../testing/build-records.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  checkChildLink,
  checkReview,
  checkReviewBeforeClose,
  childrenToResolve,
  parseReview,
  serializeReview,
  stakeholderIds,
} from './major-incident.js';
import { checkTicketRules } from './ticket-rules.js';

const base: Ticket = buildTicket({
  id: 'p1',
  number: 'INC0000001',
  title: 'Email down',
  description: '',
  status: 'in_progress',
  impact: 3,
  urgency: 3,
  categoryId: '',
  groupId: 'grp-1',
  callerId: 'usr-caller',
  createdAt: 1,
  updatedAt: 2,
  updatedBy: 'u',
});
const parent: Ticket = { ...base, major: true, majorManagerId: 'usr-mgr' };
const child: Ticket = { ...base, id: 'c1', number: 'INC0000002' };

describe('major incidents', () => {
  it('need a manager, and cannot be children nor their own parent', () => {
    const fields = (t: Ticket) => checkTicketRules(t).map((v) => v.field);
    expect(fields(parent)).toEqual([]);
    expect(fields({ ...parent, majorManagerId: '' })).toEqual(['majorManagerId']);
    expect(fields({ ...parent, parentId: 'other' })).toEqual(['parentId']);
    expect(fields({ ...child, parentId: 'c1' })).toEqual(['parentId']);
  });

  it('are closed only after their post-incident review', () => {
    const closed: Ticket = { ...parent, status: 'closed', resolutionCode: 'fixed', resolutionNotes: 'ok' };
    const resolved: Ticket = { ...closed, status: 'resolved' };
    expect(checkReviewBeforeClose(closed, resolved, false).map((v) => v.field)).toEqual(['review']);
    expect(checkReviewBeforeClose(closed, resolved, true)).toEqual([]);
    expect(checkReviewBeforeClose({ ...closed, major: false }, resolved, false)).toEqual([]);
    // Already closed: nothing to ask again.
    expect(checkReviewBeforeClose(closed, closed, false)).toEqual([]);
  });

  it('link open incidents as children, once, under a major incident only', () => {
    expect(checkChildLink(parent, child)).toEqual([]);
    expect(checkChildLink(child, parent)).toHaveLength(1);
    expect(checkChildLink(parent, parent)).toHaveLength(1);
    expect(checkChildLink(parent, { ...child, parentId: 'p1' })[0].message).toMatch(/already linked/);
    expect(checkChildLink(parent, { ...child, parentId: 'p9' })[0].message).toMatch(/another/);
    expect(checkChildLink(parent, { ...child, status: 'closed' })).toHaveLength(1);
    expect(checkChildLink(parent, { ...child, type: 'request' })).toHaveLength(1);
  });

  it('offer to resolve only the children still open', () => {
    const kids = [child, { ...child, id: 'c2', status: 'resolved' as const }, { ...child, id: 'c3', status: 'new' as const }];
    expect(childrenToResolve(kids).map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('send updates to watchers and the caller, each once', () => {
    expect(stakeholderIds({ watcherIds: ['w1', 'usr-caller'], callerId: 'usr-caller' })).toEqual(['w1', 'usr-caller']);
    expect(stakeholderIds({ callerId: '' })).toEqual([]);
  });

  it('keep the review fields through an event body; every field is required', () => {
    const review = { summary: ' Outage ', rootCause: 'Cert expired', wentWell: 'Comms', actions: 'Monitor certs' };
    expect(parseReview(serializeReview(review))).toEqual({ ...review, summary: 'Outage' });
    expect(parseReview('plain text').summary).toBe('plain text');
    expect(checkReview({ ...review, actions: ' ' }).map((v) => v.field)).toEqual(['actions']);
  });
});
