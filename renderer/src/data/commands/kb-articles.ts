import {
  ACCESS_POLICY,
  checkArticleRules,
  defaultReviewBy,
  jsonEqual,
  ARTICLE_TAG_MAX,
  ARTICLE_TAGS_MAX_COUNT,
  ARTICLE_TITLE_MAX,
} from '@shared';
import type { BilingualText, KbArticle, Role, RuleViolation, Ticket } from '@shared';
import { provisionalNumber } from '@shared/domain/ticket-numbering.js';
import { newId } from '../doc-utils.js';
import type { DeskDatabase } from '../types.js';
import type { CommandActor } from './tickets.js';
import { linkArticle } from './ticket-actions.js';

/** What a person edits on an article draft. */
export type ArticleDraftPatch = Partial<Pick<KbArticle, 'title' | 'body' | 'categoryId' | 'tags'>>;

/** True when this role may write knowledge articles (the shared access policy). */
export function canEditArticles(role: Role | undefined): boolean {
  return role !== undefined && ACCESS_POLICY.kb_articles[role].update;
}

function shapeViolations(a: KbArticle): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!a.title.en.trim() && !a.title.fr.trim())
    out.push({ code: 'article_title_required', field: 'title', message: 'An article needs a title.' });
  if (a.title.en.length > ARTICLE_TITLE_MAX || a.title.fr.length > ARTICLE_TITLE_MAX) {
    const max = ARTICLE_TITLE_MAX;
    out.push({ code: 'too_long', field: 'title', message: `At most ${max} characters.`, params: { max } });
  }
  if (a.tags.some((t) => t.length > ARTICLE_TAG_MAX) || a.tags.length > ARTICLE_TAGS_MAX_COUNT)
    out.push({
      code: 'article_tags',
      field: 'tags',
      message: `At most ${ARTICLE_TAGS_MAX_COUNT} tags of ${ARTICLE_TAG_MAX} characters.`,
      params: { count: ARTICLE_TAGS_MAX_COUNT, max: ARTICLE_TAG_MAX },
    });
  return out;
}

/** Writes `change(previous)` after the access policy, the shape and the shared lifecycle rules allow it. */
async function writeArticle(
  db: DeskDatabase,
  id: string,
  change: (previous: KbArticle) => KbArticle,
  actor: CommandActor,
): Promise<RuleViolation[]> {
  if (!canEditArticles(actor.role))
    return [{ code: 'not_permitted', field: 'status', message: 'Your role may not change knowledge articles.' }];
  const doc = await db.kb_articles.findOne(id).exec();
  if (!doc) return [{ code: 'not_found', field: 'id', message: `Article ${id} is not on this device.` }];
  const previous = doc.toMutableJSON();
  const changed = change(previous);
  const next: KbArticle = { ...changed, authorId: actor.id, updatedAt: Math.max(Date.now(), previous.updatedAt + 1) };
  const violations = [...shapeViolations(next), ...checkArticleRules(next, previous)];
  if (violations.length > 0) return violations;
  if (jsonEqual({ ...changed, updatedAt: 0 }, { ...previous, updatedAt: 0 })) return [];
  await doc.incrementalPatch(next);
  return [];
}

/** A new draft (version 1), written on this device; works offline. Returns the article or the violations. */
export async function createArticleDraft(
  db: DeskDatabase,
  input: { title: BilingualText; body: BilingualText; categoryId?: string; tags?: string[] },
  actor: CommandActor,
): Promise<{ article: KbArticle | null; violations: RuleViolation[] }> {
  if (!canEditArticles(actor.role))
    return {
      article: null,
      violations: [{ code: 'not_permitted', field: 'status', message: 'Your role may not write articles.' }],
    };
  const id = newId();
  const article: KbArticle = {
    id,
    number: provisionalNumber(id).replace('NEW-', 'KB-'),
    title: { en: input.title.en.trim(), fr: input.title.fr.trim() },
    body: input.body,
    status: 'draft',
    categoryId: input.categoryId ?? '',
    tags: input.tags ?? [],
    version: 1,
    authorId: actor.id,
    updatedAt: Date.now(),
  };
  const violations = [...shapeViolations(article), ...checkArticleRules(article)];
  if (violations.length > 0) return { article: null, violations };
  await db.kb_articles.insert(article);
  return { article, violations: [] };
}

/** Saves edits to a draft; published and retired articles refuse them (start a new draft first). */
export function saveArticleDraft(db: DeskDatabase, id: string, patch: ArticleDraftPatch, actor: CommandActor) {
  return writeArticle(db, id, (a) => ({ ...a, ...patch }), actor);
}

/** Publishes a draft as its version number; the server then records that version in the history. */
export function publishArticle(db: DeskDatabase, id: string, actor: CommandActor) {
  // Each publication starts the review period again (the shared default), the new version being freshly checked.
  return writeArticle(db, id, (a) => ({ ...a, status: 'published', reviewBy: defaultReviewBy(Date.now()) }), actor);
}

/** Retires an article for good: it leaves the search and can no longer change. */
export function retireArticle(db: DeskDatabase, id: string, actor: CommandActor) {
  return writeArticle(db, id, (a) => ({ ...a, status: 'retired' }), actor);
}

/** Starts the next version of a published article: a draft numbered one higher, with the same content. */
export function startNewDraft(db: DeskDatabase, id: string, actor: CommandActor) {
  return writeArticle(db, id, (a) => ({ ...a, status: 'draft', version: a.version + 1 }), actor);
}

/** The article text a resolved ticket suggests: its problem, then how it was resolved. */
export function articleTextFromTicket(ticket: Ticket): string {
  const parts = [ticket.description.trim(), ticket.resolutionNotes.trim()].filter(Boolean);
  return parts.join('\n\n');
}

/**
 * Drafts a knowledge article from a resolved ticket (title, problem and resolution, in both language fields for
 * translation) and links it to the ticket, so the ticket shows it and a second draft is not offered.
 */
export async function draftArticleFromTicket(
  db: DeskDatabase,
  ticket: Ticket,
  actor: CommandActor,
): Promise<{ article: KbArticle | null; violations: RuleViolation[] }> {
  const text = articleTextFromTicket(ticket) || ticket.title;
  const created = await createArticleDraft(
    db,
    { title: { en: ticket.title, fr: ticket.title }, body: { en: text, fr: text }, categoryId: ticket.categoryId },
    actor,
  );
  if (!created.article) return created;
  const linked = await linkArticle(db, ticket.id, created.article.id, actor);
  return { article: created.article, violations: linked };
}
