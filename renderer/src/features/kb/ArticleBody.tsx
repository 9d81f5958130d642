import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import type { MouseEvent } from 'react';
import { getDesk } from '../../platform/desk.js';
import { renderMarkdown } from './markdown.js';

/** Web links in an article open outside the console (the system browser on the desktop). */
function openLinksOutside(e: MouseEvent<HTMLDivElement>) {
  const anchor = (e.target as HTMLElement).closest('a');
  const href = anchor?.getAttribute('href') ?? '';
  if (/^https?:\/\//i.test(href)) {
    e.preventDefault();
    void getDesk().openExternal(href);
  }
}

/** Articles often repeat their title as a first-level heading; the page already shows it. */
function withoutTitleHeading(body: string, title: string): string {
  const m = /^\s*#\s+(.+)\r?\n/.exec(body);
  return m && m[1].trim() === title.trim() ? body.slice(m[0].length) : body;
}

/** An article's Markdown, rendered safely. */
export function ArticleBody({ body, title, testId }: { body: string; title: string; testId?: string }) {
  const html = useMemo(() => renderMarkdown(withoutTitleHeading(body, title)), [body, title]);
  return (
    <Typography>
      {/* renderMarkdown escapes raw HTML and strips unsafe link schemes. */}
      <div onClick={openLinksOutside} dangerouslySetInnerHTML={{ __html: html }} data-testid={testId} />
    </Typography>
  );
}
