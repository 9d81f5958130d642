import { describe, expect, it } from 'vitest';
import { FIELD_REVISION_MAX, FIELD_REVISION_STEP_MAX } from '../domain/field-revisions.js';
import { buildArticle, buildEvent, buildTicket } from '../testing/build-records.js';
import { WRITE_CHECKS, attributeWrite } from './write-checks.js';

const agent = { id: 'usr-agent', role: 'agent' as const, groupIds: ['grp-service-desk'] };
const context = { actor: agent, tickets: new Map(), surveyVersions: new Map(), now: Date.now() };
const checkTicket = WRITE_CHECKS.tickets!;
type Doc = Record<string, unknown>;
const asDoc = (value: object): Doc => value as Doc;

describe('ticket write checks (issue 15, items 5 and 6)', () => {
  it('lets a create arrive in any status its lifecycle reaches (an offline walk), and refuses another with create_status', () => {
    for (const status of ['new', 'assigned', 'in_progress'] as const)
      expect(checkTicket(context, asDoc(buildTicket({ status })), undefined)).toEqual([]);
    const closed = buildTicket({ status: 'closed', resolutionCode: 'fixed', resolutionNotes: 'Done.' });
    expect(checkTicket(context, asDoc(closed), undefined)).toEqual([]);
    expect(checkTicket(context, { ...asDoc(closed), status: 'archived' }, undefined)).toEqual([
      expect.objectContaining({ status: 422, field: 'status', code: 'create_status' }),
    ]);
  });

  it("judges the status only on a create: an edit to closed is the lifecycle rules' business", () => {
    const stored = asDoc(buildTicket({ status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Done.' }));
    expect(checkTicket(context, { ...stored, status: 'closed' }, stored)).toEqual([]);
  });

  it(`lets a counter rise by up to ${FIELD_REVISION_STEP_MAX} per write, from 0 on a create, and no more`, () => {
    expect(checkTicket(context, asDoc(buildTicket({ fieldRevs: { title: FIELD_REVISION_STEP_MAX } })), undefined)).toEqual([]);
    const frozen = asDoc(buildTicket({ fieldRevs: { status: FIELD_REVISION_MAX } }));
    expect(checkTicket(context, frozen, undefined)).toEqual([
      expect.objectContaining({ status: 422, field: 'fieldRevs.status', code: 'field_revision_jump' }),
    ]);
    const stored = asDoc(buildTicket({ fieldRevs: { title: 5 } }));
    const edit = (title: number): Doc => ({ ...stored, fieldRevs: { title } });
    expect(checkTicket(context, edit(5 + FIELD_REVISION_STEP_MAX), stored)).toEqual([]);
    expect(checkTicket(context, edit(6 + FIELD_REVISION_STEP_MAX), stored)).toEqual([
      expect.objectContaining({ field: 'fieldRevs.title', code: 'field_revision_jump' }),
    ]);
  });
});

describe('attributeWrite', () => {
  it("names the pusher as a ticket's updatedBy and an article's authorId, leaving other collections alone", () => {
    expect(attributeWrite('tickets', agent, asDoc(buildTicket({ updatedBy: 'usr-admin' })), undefined).updatedBy).toBe(
      'usr-agent',
    );
    expect(attributeWrite('kb_articles', agent, buildArticle({ authorId: 'usr-admin' }), undefined).authorId).toBe('usr-agent');
    const own = asDoc(buildTicket({ updatedBy: 'usr-agent' }));
    expect(attributeWrite('tickets', agent, own, undefined)).toBe(own);
    const event = { id: 'e1', authorId: 'usr-admin' };
    expect(attributeWrite('ticket_events', agent, event, undefined)).toBe(event);
  });
});

describe('ticket event write checks', () => {
  const checkEvent = WRITE_CHECKS.ticket_events!;
  it("refuses a device's SLA-action or survey-answer entry (the server writes those), and lets it record history", () => {
    for (const kind of ['sla_action', 'survey_response'] as const)
      expect(checkEvent(context, asDoc({ ...buildEvent('t-1', agent.id, { kind }), _deleted: false }), undefined)).toEqual([
        expect.objectContaining({ status: 403, field: 'kind', code: 'event_kind_server_only' }),
      ]);
    for (const kind of ['created', 'field_change', 'comment'] as const)
      expect(checkEvent(context, asDoc({ ...buildEvent('t-1', agent.id, { kind }), _deleted: false }), undefined)).toEqual([]);
  });

  it('lets a device push a public reply to its caller, never one posing as the caller’s e-mail, nor an empty one', () => {
    const reply = (over: Record<string, unknown>) => ({
      ...buildEvent('t-1', agent.id, { kind: 'reply', body: 'Fixed.' }),
      _deleted: false,
      ...over,
    });
    expect(checkEvent(context, asDoc(reply({})), undefined)).toEqual([]);
    expect(checkEvent(context, asDoc(reply({ fromValue: 'inbound' })), undefined)).toEqual([
      expect.objectContaining({ status: 403, code: 'reply_inbound_server_only' }),
    ]);
    expect(checkEvent(context, asDoc(reply({ body: ' ' })), undefined)).toEqual([
      expect.objectContaining({ status: 422, code: 'reply_empty' }),
    ]);
  });
});
