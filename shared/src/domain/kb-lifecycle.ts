import type { ArticleStatus, KbArticle } from '../schemas/kb-article.js';
import { jsonEqual } from './three-way-merge.js';
import type { RuleViolation } from './ticket-rules.js';

/**
 * The knowledge article lifecycle: draft -> published -> retired, and published -> draft to write the next
 * version. Retired is final: a retired article is never edited nor revived (write a new one).
 */
export const ARTICLE_TRANSITIONS: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['published', 'retired'],
  published: ['draft', 'retired'],
  retired: [],
};

/** The fields that make up an article's content: frozen while it is published or retired. */
export const ARTICLE_CONTENT_FIELDS = ['title', 'body', 'categoryId', 'tags'] as const;

/** True when an article may move from `from` to `to` (staying put is always allowed). */
export function canTransitionArticle(from: ArticleStatus, to: ArticleStatus): boolean {
  return from === to || ARTICLE_TRANSITIONS[from].includes(to);
}

const contentChanged = (a: KbArticle, b: KbArticle): boolean => ARTICLE_CONTENT_FIELDS.some((f) => !jsonEqual(a[f], b[f]));

/**
 * Checks an article write against the lifecycle (drafts are free to edit). `version` is the number the content has or will have when
 * published: publishing keeps it, starting a new draft from a published article takes the next number, so each
 * published version is numbered one higher than the previous one. A published version's content never changes.
 * Several steps made offline arrive as one write (draft v1 -> published v1 -> draft v2 -> published v2 is seen as
 * draft v1 -> published v2), so versions may jump forward; they never go back.
 */
export function checkArticleRules(next: KbArticle, previous?: KbArticle): RuleViolation[] {
  const out: RuleViolation[] = [];
  const publishing = next.status === 'published' && previous?.status !== 'published';
  if (publishing) {
    if (!next.title.en.trim() || !next.title.fr.trim()) {
      out.push({
        code: 'article_bilingual_title',
        field: 'title',
        message: 'A published article needs a title in English and in French.',
      });
    }
    if (!next.body.en.trim() || !next.body.fr.trim()) {
      out.push({
        code: 'article_bilingual_body',
        field: 'body',
        message: 'A published article needs a text in English and in French.',
      });
    }
  }
  if (!previous) return out;
  if (!canTransitionArticle(previous.status, next.status)) {
    const why = previous.status === 'retired' ? ' A retired article is final; write a new article instead.' : '';
    out.push({
      code: 'article_status_transition',
      field: 'status',
      message: `An article cannot move from "${previous.status}" to "${next.status}".${why}`,
    });
    return out;
  }
  const versionMsg = (message: string) => out.push({ code: 'article_version', field: 'version', message });
  if (previous.status === 'draft') {
    // A draft's number only matters once it is published; it may not publish below what it was drafted as.
    if (next.status === 'published' && next.version < previous.version)
      versionMsg(`Publishing draft version ${previous.version} cannot make it version ${next.version}.`);
    if (next.status === 'retired' && next.version !== previous.version) versionMsg('Retiring an article keeps its version.');
    return out;
  }
  if (next.status === 'draft') {
    if (next.version <= previous.version)
      versionMsg(
        `A new draft of ${previous.status} version ${previous.version} must be version ${previous.version + 1} or later.`,
      );
    return out;
  }
  // A higher version is a new draft made in between (offline); the same version must keep its content.
  if (next.version < previous.version || (previous.status === 'retired' && next.version !== previous.version)) {
    versionMsg(`The version of a ${previous.status} article cannot change from ${previous.version} to ${next.version}.`);
  } else if (next.version === previous.version && contentChanged(previous, next)) {
    out.push({
      code: 'article_frozen',
      field: previous.status === 'retired' ? 'status' : 'body',
      message: `A ${previous.status} article cannot be edited; start a new draft to change it.`,
    });
  }
  return out;
}
