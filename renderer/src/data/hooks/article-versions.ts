import type { KbArticleVersion } from '@shared';
import { map } from 'rxjs';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

/** The published versions of an article on this device, oldest first (readable offline once synced). */
export function useArticleVersions(articleId: string): KbArticleVersion[] {
  const db = useDb();
  return useObservable(
    () =>
      db.kb_article_versions
        .find({ selector: { articleId }, sort: [{ version: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as KbArticleVersion))),
    [db, articleId],
    [] as KbArticleVersion[],
  );
}
