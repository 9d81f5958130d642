import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTicket, memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import {
  createArticleDraft,
  draftArticleFromTicket,
  publishArticle,
  retireArticle,
  saveArticleDraft,
  startNewDraft,
} from './kb-articles.js';

const agent = { id: 'u-agent', role: 'agent' as const };
const technician = { id: 'u-tech', role: 'technician' as const };

describe('knowledge article commands', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await memoryDb();
  });
  afterEach(async () => {
    await db.close();
  });
  const article = async (id: string) => (await db.kb_articles.findOne(id).exec())!.toJSON();

  it('drafts, publishes v1, starts draft v2, publishes v2 and retires; a retired article stays retired', async () => {
    const { article: created } = await createArticleDraft(
      db,
      { title: { en: 'VPN', fr: 'RPV' }, body: { en: 'a', fr: 'b' } },
      agent,
    );
    const id = created!.id;
    expect(await publishArticle(db, id, agent)).toEqual([]);
    expect(await article(id)).toMatchObject({ status: 'published', version: 1 });
    expect((await saveArticleDraft(db, id, { body: { en: 'edit', fr: 'modif' } }, agent)).map((v) => v.field)).toEqual(['body']);
    expect(await startNewDraft(db, id, agent)).toEqual([]);
    expect(await saveArticleDraft(db, id, { body: { en: 'v2', fr: 'v2' } }, agent)).toEqual([]);
    expect(await publishArticle(db, id, agent)).toEqual([]);
    expect(await article(id)).toMatchObject({ status: 'published', version: 2, body: { en: 'v2', fr: 'v2' } });
    expect(await retireArticle(db, id, agent)).toEqual([]);
    expect((await startNewDraft(db, id, agent)).map((v) => v.field)).toEqual(['status']);
    expect((await article(id)).status).toBe('retired');
  });

  it('refuses publishing without both languages, and writing for a technician', async () => {
    const { article: created } = await createArticleDraft(
      db,
      { title: { en: 'Only EN', fr: '' }, body: { en: 'a', fr: '' } },
      agent,
    );
    expect((await publishArticle(db, created!.id, agent)).map((v) => v.field)).toEqual(['title', 'body']);
    expect(
      (await createArticleDraft(db, { title: { en: 'x', fr: 'x' }, body: { en: '', fr: '' } }, technician)).article,
    ).toBeNull();
  });

  it('drafts an article from a resolved ticket and links it to the ticket', async () => {
    await db.tickets.insert(
      makeTicket({
        status: 'resolved',
        title: 'Outlook crashes',
        description: 'On start',
        resolutionCode: 'fixed',
        resolutionNotes: 'Repair Office',
      }),
    );
    const { article: created } = await draftArticleFromTicket(
      db,
      (await db.tickets.findOne('t-1').exec())!.toMutableJSON(),
      agent,
    );
    expect(created).toMatchObject({ status: 'draft', version: 1, title: { en: 'Outlook crashes', fr: 'Outlook crashes' } });
    expect(created!.body.en).toBe('On start\n\nRepair Office');
    expect((await db.tickets.findOne('t-1').exec())!.linkedArticleIds).toEqual([created!.id]);
  });
});
