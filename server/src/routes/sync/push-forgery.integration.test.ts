import { FIELD_REVISION_MAX, FIELD_REVISION_STEP_MAX, type ApiErrorBody } from '@shared';
import { provisionalNumber } from '@shared/domain/ticket-numbering.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { ApiResponse, Doc } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle, makeTicket } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();

/**
 * Issue 15, items 3, 5 and 6: what a pushed ticket says about its number, its edit counters, who wrote it and where
 * its lifecycle starts is the server's to decide. Each case is a push a tampered client can send today.
 */
describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('forged numbers, counters, writers and states', backend), () => {
    // Seeded tickets: the numbers INC0001001... exist before the tests push.
    const env = useTestServers(backend, { tickets: 20 });
    const tokens = { agent: '', technician: '', supervisor: '' };

    beforeAll(async () => {
      for (const who of ['agent', 'technician', 'supervisor'] as const)
        tokens[who] = (await env().api.login(DEMO_USERS[who].email)).accessToken;
    });

    const stored = async (collection: string, id: string): Promise<Doc | undefined> =>
      (await env().api.pullAll(tokens.supervisor, collection)).docs.get(id);
    const counter = async (): Promise<number> =>
      Number((await env().server.db.query<{ value: number }>('SELECT value FROM sync_counter'))[0].value);
    const allNumbers = async (): Promise<string[]> =>
      [...(await env().api.pullAll(tokens.supervisor, 'tickets')).docs.values()].map((t) => String(t.number));
    const deskTicket = (overrides: Parameters<typeof makeTicket>[0] = {}) =>
      makeTicket({ groupId: 'grp-service-desk', status: 'new', ...overrides });

    /** A push refused for one row: the status, the code and field named, and nothing stored. */
    async function expectRefusal(
      who: keyof typeof tokens,
      rows: { assumedMasterState?: object | null; newDocumentState: { id: string } }[],
      expected: { field: string; code: string; message: RegExp },
    ): Promise<void> {
      const before = await counter();
      const response = (await env().api.push(tokens[who], 'tickets', rows)) as unknown as ApiResponse<ApiErrorBody>;
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      const id = rows[0].newDocumentState.id;
      expect(response.body.details).toContainEqual(
        expect.objectContaining({ documentId: id, field: expected.field, code: expected.code }),
      );
      expect(response.body.message).toMatch(expected.message);
      expect(await counter()).toBe(before);
    }

    it('replaces a number another ticket already has with a new confirmed one (item 3)', async () => {
      const taken = (await allNumbers()).find((n) => n.startsWith('INC'))!;
      expect(taken).toMatch(/^INC\d{7}$/);
      const forged = deskTicket({ number: taken });
      const [created] = await env().api.create(tokens.agent, 'tickets', [forged]);
      expect(created.number).toMatch(/^INC\d{7}$/);
      expect(created.number).not.toBe(taken);
      const numbers = await allNumbers();
      expect(numbers.filter((n) => n === taken)).toHaveLength(1);
      expect(new Set(numbers).size).toBe(numbers.length);
    });

    it('does not let a device claim the next number: the legitimate next ticket still gets it, and no number repeats (item 3)', async () => {
      // The counter is in use (a ticket was numbered), as on any server that has taken tickets.
      await env().api.create(tokens.agent, 'tickets', [deskTicket()]);
      const highest = Math.max(...(await allNumbers()).filter((n) => /^INC\d{7}$/.test(n)).map((n) => Number(n.slice(3))));
      const next = `INC${String(highest + 1).padStart(7, '0')}`;
      const [squatter] = await env().api.create(tokens.agent, 'tickets', [deskTicket({ number: next })]);
      // The squatter is numbered like any new ticket (here: the very number it asked for, but from the counter)...
      const [honest] = await env().api.create(tokens.agent, 'tickets', [deskTicket({ number: provisionalNumber('x') })]);
      // ...and the device that pushes next gets the number after it, never a copy.
      expect(squatter.number).toBe(next);
      expect(honest.number).toBe(`INC${String(highest + 2).padStart(7, '0')}`);
      const numbers = await allNumbers();
      expect(new Set(numbers).size).toBe(numbers.length);
    });

    it('numbers a ticket created and deleted offline, which arrives as a tombstone (the chaos case of item 3)', async () => {
      const tombstone = { ...deskTicket(), _deleted: true };
      const response = await env().api.push(tokens.supervisor, 'tickets', [{ newDocumentState: tombstone }]);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const rows = await env().server.db.query<{ number: string; deleted: boolean }>(
        "SELECT data->>'number' AS number, deleted FROM sync_documents WHERE collection = 'tickets' AND id = $1",
        [tombstone.id],
      );
      expect(rows).toEqual([{ number: expect.stringMatching(/^INC\d{7}$/) as unknown, deleted: true }]);
      expect(response.body).toEqual([expect.objectContaining({ id: tombstone.id, number: rows[0].number, _deleted: true })]);
    });

    it('refuses an edit that changes a confirmed number (422 naming the field)', async () => {
      const [created] = await env().api.create(tokens.agent, 'tickets', [deskTicket()]);
      const response = await env().api.push(tokens.agent, 'tickets', [
        { assumedMasterState: created, newDocumentState: { ...created, number: 'INC0001001' } },
      ]);
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body)).toContain('"field":"number"');
      expect((await stored('tickets', created.id))?.number).toBe(created.number);
    });

    it('refuses a database write of a duplicate number whatever the code path (unique index)', async () => {
      const [a] = await env().api.create(tokens.agent, 'tickets', [deskTicket()]);
      await expect(
        env().server.db.query(
          "INSERT INTO sync_documents (collection, id, seq, data) VALUES ('tickets', 't-dup', 999999, jsonb_build_object('id', 't-dup', 'number', $1::text))",
          [a.number],
        ),
      ).rejects.toThrow(/sync_documents_ticket_number|duplicate key/);
    });

    it(`refuses a create with an edit counter at ${FIELD_REVISION_MAX}, which would freeze the field for everyone (item 5)`, async () => {
      const frozen = deskTicket({ fieldRevs: { status: FIELD_REVISION_MAX } });
      await expectRefusal('agent', [{ newDocumentState: frozen }], {
        field: 'fieldRevs.status',
        code: 'field_revision_jump',
        message: new RegExp(`rose from 0 to ${FIELD_REVISION_MAX}; one push may raise it by at most ${FIELD_REVISION_STEP_MAX}`),
      });
      expect(await stored('tickets', frozen.id)).toBeUndefined();
    });

    it('refuses an edit raising a counter by more than one push can carry, and accepts the edits a device makes offline (item 5)', async () => {
      const [created] = await env().api.create(tokens.agent, 'tickets', [deskTicket({ fieldRevs: { title: 3 } })]);
      const edit = (title: number) => [
        { assumedMasterState: created, newDocumentState: { ...created, title: `Edited ${title}`, fieldRevs: { title } } },
      ];
      await expectRefusal('agent', edit(3 + FIELD_REVISION_STEP_MAX + 1), {
        field: 'fieldRevs.title',
        code: 'field_revision_jump',
        message: /one push may raise it by at most/,
      });
      const accepted = await env().api.push(tokens.agent, 'tickets', edit(3 + FIELD_REVISION_STEP_MAX));
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect((await stored('tickets', created.id))?.fieldRevs).toEqual({ title: 3 + FIELD_REVISION_STEP_MAX });
    });

    it('stores the pusher as the writer of a ticket, whatever updatedBy says, and answers it (item 6)', async () => {
      const forged = deskTicket({ updatedBy: DEMO_USERS.supervisor.id });
      const [created] = await env().api.create(tokens.agent, 'tickets', [forged]);
      expect(created.updatedBy).toBe(DEMO_USERS.agent.id);
      const edited = { ...created, title: 'Edited in the supervisor name', updatedBy: DEMO_USERS.supervisor.id };
      const response = await env().api.push(tokens.agent, 'tickets', [{ assumedMasterState: created, newDocumentState: edited }]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([{ ...edited, updatedBy: DEMO_USERS.agent.id }]);
      expect(await stored('tickets', created.id)).toMatchObject({ title: edited.title, updatedBy: DEMO_USERS.agent.id });
    });

    it("stores the pusher as an article's author on create and edit (item 6)", async () => {
      const forged = makeArticle({ authorId: DEMO_USERS.agent.id });
      const [created] = await env().api.create(tokens.supervisor, 'kb_articles', [forged]);
      expect(created.authorId).toBe(DEMO_USERS.supervisor.id);
      const edited = { ...created, title: { en: 'Edited', fr: 'Modifié' }, authorId: DEMO_USERS.agent.id };
      const response = await env().api.push(tokens.supervisor, 'kb_articles', [
        { assumedMasterState: created, newDocumentState: edited },
      ]);
      expect(response.status).toBe(200);
      expect((await stored('kb_articles', created.id))?.authorId).toBe(DEMO_USERS.supervisor.id);
    });

    it('refuses a ticket first pushed resolved without a resolution code or notes (item 6: no skipped requirements)', async () => {
      const skipped = deskTicket({ status: 'resolved' });
      await expectRefusal('agent', [{ newDocumentState: skipped }], {
        field: 'resolutionCode',
        code: 'resolution_code_required',
        message: /needs a resolution code/,
      });
      expect(await stored('tickets', skipped.id)).toBeUndefined();
    });

    it('accepts a technician recording a ticket on site as assigned to themselves, then moving it on', async () => {
      const onSite = makeTicket({
        groupId: 'grp-apps',
        assigneeId: DEMO_USERS.technician.id,
        status: 'assigned',
        updatedBy: DEMO_USERS.technician.id,
      });
      const [created] = await env().api.create(tokens.technician, 'tickets', [onSite]);
      expect(created).toMatchObject({
        status: 'assigned',
        assigneeId: DEMO_USERS.technician.id,
        number: expect.stringMatching(/^INC\d{7}$/) as unknown,
      });
      const started = { ...created, status: 'in_progress' };
      const response = await env().api.push(tokens.technician, 'tickets', [
        { assumedMasterState: created, newDocumentState: started },
      ]);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual([]);
    });
  });
});
