import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDirectory, useTicketQueue } from '../../data/index.js';
import type { QueueFilter, QueueSort } from '../../data/index.js';
import { TicketTable } from './TicketTable.js';
import { BulkBar } from './BulkBar.js';
import { useSelection } from './use-selection.js';
import { QueueTabs } from './QueueTabs.js';
import { QueueFilters } from './QueueFilters.js';
import { SavedFilters } from './SavedFilters.js';
import { readQueueState, writeFilter, writeSort } from './queue-url.js';
import { useCurrentUser } from '../../app/session-context.js';
import { useCmdbLookup } from '../cmdb/use-cmdb.js';
import { useServiceCis } from './use-service-cis.js';
import { useUrlParams } from '../../app/use-url-params.js';

/**
 * The queue: a named queue narrowed by filters (or a saved filter), sorted by any column, every match in one
 * virtualised list. Served from the in-memory queue index, so it stays fast with 100,000 local tickets and
 * follows changes as they arrive.
 */
export function TicketQueuePage() {
  const { t } = useTranslation();
  const [params, replace] = useUrlParams();
  const { queue, filter, sort } = readQueueState(params);
  const user = useCurrentUser();
  const directory = useDirectory();
  const assigneeName = useMemo(() => (id: string) => directory.byId.get(id)?.name ?? id, [directory.byId]);
  const [text] = useDebouncedValue(filter.text, 100);
  const cmdb = useCmdbLookup();
  const serviceCis = useServiceCis(cmdb, filter.serviceIds);
  const queried = useMemo(() => ({ ...filter, text }), [JSON.stringify({ ...filter, text })]); // eslint-disable-line react-hooks/exhaustive-deps
  const { tickets, loading, complete } = useTicketQueue({
    queue,
    me: user,
    filter: queried,
    sort,
    assigneeName: sort.column === 'assignee' ? assigneeName : undefined,
    serviceCis,
  });
  const selection = useSelection();

  const setFilter = (f: QueueFilter) => replace((prev) => writeFilter(prev, f));
  const setSort = (s: QueueSort) => replace((prev) => writeSort(prev, s));
  const setQueue = (q: string) =>
    replace((prev) => {
      const next = new URLSearchParams(prev);
      if (q === 'all') next.delete('queue');
      else next.set('queue', q);
      return next;
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('queue.title')}</Title>
        <Button component={Link} to="/tickets/new" data-testid="queue-new-ticket">
          {t('create.title')}
        </Button>
      </Group>
      <Group gap="md" align="center">
        <QueueTabs value={queue} onChange={setQueue} />
        <SavedFilters filter={filter} onApply={setFilter} />
      </Group>
      <QueueFilters queue={queue} filter={filter} onChange={setFilter} cmdb={cmdb} />
      <Group justify="space-between">
        <Text
          size="sm"
          c="dimmed"
          aria-live="polite"
          data-testid="queue-count"
          data-count={tickets.length}
          data-complete={String(complete)}
        >
          {complete ? t('queue.count', { count: tickets.length }) : t('queue.countLoading', { count: tickets.length })}
        </Text>
      </Group>
      <BulkBar ids={[...selection.ids]} onDone={selection.clear} />
      <TicketTable tickets={tickets} loading={loading} selection={selection} sort={sort} onSort={setSort} />
    </Stack>
  );
}
