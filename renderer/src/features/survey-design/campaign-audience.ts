import type { CampaignAudience, DirectoryEntry } from '@shared';
import type { TFunction } from 'i18next';
import { localName } from '../admin/category-tree.js';

/** What the campaign list needs to name a ticket filter's conditions in the reader's language. */
export interface AudienceWords {
  t: TFunction;
  lang: 'en' | 'fr';
  statusName: Readonly<Record<string, string>>;
  typeName: Readonly<Record<string, string>>;
  byId: ReadonlyMap<string, DirectoryEntry>;
  day: (ms: number) => string;
}

/**
 * How a campaign picked people, as one line: the size of its contact list, or its ticket filter's conditions
 * (groups and categories by their name now, their id when gone); null = the surveys sent on resolution.
 */
export function audienceText(audience: CampaignAudience | null, words: AudienceWords): string {
  const { t } = words;
  if (audience === null) return t('campaignList.onResolution');
  if (audience.kind === 'contacts') return t('campaignList.audience.contacts', { count: audience.contacts });
  const f = audience.ticketFilter;
  const entry = (id: string) => {
    const found = words.byId.get(id);
    return found ? localName(found, words.lang) : id;
  };
  const conditions = [
    f.statuses?.map((s) => words.statusName[s] ?? s).join(', '),
    f.type === undefined ? undefined : (words.typeName[f.type] ?? f.type),
    f.groupId === undefined ? undefined : entry(f.groupId),
    f.categoryId === undefined ? undefined : entry(f.categoryId),
    f.updatedFrom === undefined ? undefined : t('campaignList.audience.from', { date: words.day(f.updatedFrom) }),
    f.updatedTo === undefined ? undefined : t('campaignList.audience.until', { date: words.day(f.updatedTo) }),
  ].filter((c): c is string => c !== undefined && c !== '');
  return t('campaignList.audience.tickets', { conditions: conditions.join(' · ') });
}
