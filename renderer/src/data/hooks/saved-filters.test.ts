import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/fixtures.js';
import type { DeskDatabase } from '../types.js';
import { EMPTY_FILTER } from '../queue-index/queue-filter.js';
import { deleteQueueFilter, saveQueueFilter } from './saved-filters.js';

describe('saved queue filters', () => {
  let db: DeskDatabase;
  beforeAll(async () => {
    db = await memoryDb();
  });
  afterAll(async () => {
    await db.close();
  });

  const stored = async () =>
    (await firstValueFrom(db.getLocal$<{ filters: { name: string; filter: unknown }[] }>('queue-saved-filters')))?.toJSON().data
      .filters ?? [];

  it('are kept in the local database; a name already used replaces that filter; deleting removes it', async () => {
    const urgent = { ...EMPTY_FILTER, priorities: [1, 2] as (1 | 2)[], status: 'open' as const };
    const first = await saveQueueFilter(db, '  Urgent  ', urgent);
    await saveQueueFilter(db, 'Network, old', { ...EMPTY_FILTER, groupIds: ['grp-net'], age: 'gt7d' });
    expect((await stored()).map((f) => f.name)).toEqual(['Urgent', 'Network, old']);

    const again = await saveQueueFilter(db, 'urgent', { ...urgent, text: 'vpn' });
    expect(again.id).toBe(first.id);
    expect(await stored()).toHaveLength(2);
    expect((await stored()).find((f) => f.name === 'urgent')?.filter).toMatchObject({ text: 'vpn', priorities: [1, 2] });

    await deleteQueueFilter(db, first.id);
    expect((await stored()).map((f) => f.name)).toEqual(['Network, old']);
  });

  it('need a name', async () => {
    await expect(saveQueueFilter(db, '   ', EMPTY_FILTER)).rejects.toThrow(/name/);
  });
});
