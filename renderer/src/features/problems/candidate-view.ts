import type { ProblemCandidate, SharedTrait } from '@shared';

/** What the page says a candidate's incidents share: the i18n key under problems.page.trait and its values. */
export function traitLabel(trait: SharedTrait, nameOf: (id: string) => string): { key: string; values: Record<string, string> } {
  switch (trait.kind) {
    case 'ci':
      return { key: 'problems.page.trait.ci', values: { name: nameOf(trait.ciId) } };
    case 'service':
      return { key: 'problems.page.trait.service', values: { name: nameOf(trait.serviceId) } };
    case 'category':
      return { key: 'problems.page.trait.category', values: { name: nameOf(trait.categoryId) } };
    case 'text':
      return { key: 'problems.page.trait.text', values: { terms: trait.terms.join(', ') } };
  }
}

/** The day each count of a candidate's trend stands for (the window's days, oldest first). */
export function trendDays(candidate: Pick<ProblemCandidate, 'windowStart' | 'perDay'>): { at: number; n: number }[] {
  const DAY = 86_400_000;
  return candidate.perDay.map((n, i) => ({ at: candidate.windowStart + i * DAY, n }));
}

/** A stable DOM id for a candidate (its key holds ':' and '+', and CI ids or words of any kind). */
export function candidateDomId(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return `candidate-${(hash >>> 0).toString(36)}`;
}
