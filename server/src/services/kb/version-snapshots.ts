import { articleVersionId, type KbArticle, type KbArticleVersion } from '@shared';
import { loadDocuments } from '../../db/queries/documents.js';
import type { SyncDocument } from '../sync/document-validation.js';
import { validateDocument } from '../sync/document-validation.js';
import type { PushEffect } from '../sync/push-effects.js';
import { writeServerDocuments } from '../sync/server-writes.js';

/** The version record of a published article. */
export function versionSnapshot(article: KbArticle, publishedBy: string): KbArticleVersion {
  return {
    id: articleVersionId(article.id, article.version),
    articleId: article.id,
    number: article.number,
    version: article.version,
    title: article.title,
    body: article.body,
    categoryId: article.categoryId,
    tags: article.tags,
    publishedBy,
    publishedAt: article.updatedAt,
  };
}

/**
 * True when this write publishes a version: the article becomes published (new, or from a draft), or a published
 * article comes back with a higher version (a new draft published while offline arrives as one write).
 */
export function publishesVersion(next: SyncDocument, previous: SyncDocument | undefined): boolean {
  if (next._deleted || next.status !== 'published') return false;
  if (previous === undefined || previous._deleted || previous.status !== 'published') return true;
  return Number(next.version) > Number(previous.version);
}

/**
 * Keeps every published version of every article: when a push publishes an article, the server writes its
 * `kb_article_versions` record in the same transaction, so the history replicates to every device (and is readable
 * offline) and no client can forge or lose it.
 */
export const recordPublishedVersions: PushEffect = async ({ tx, actor, collection, writes, previous }) => {
  if (collection !== 'kb_articles') return;
  const docs: SyncDocument[] = writes
    .filter((doc) => publishesVersion(doc, previous.get(doc.id)))
    .map((doc) => ({ ...versionSnapshot(doc as unknown as KbArticle, actor.id), _deleted: false }));
  // History is append-only: a version already recorded (e.g. re-published after a refused push) is never replaced.
  const existing = await loadDocuments(
    tx,
    'kb_article_versions',
    docs.map((d) => d.id),
  );
  const fresh = docs.filter((d) => !existing.has(d.id));
  const problems = fresh.flatMap((doc, i) => validateDocument('kb_article_versions', doc, i));
  if (problems.length > 0) throw new Error(`Invalid version record: ${problems.map((p) => p.message).join(' ')}`);
  await writeServerDocuments(tx, 'kb_article_versions', fresh);
};
