import { Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { TICKET_STATUSES } from '@shared';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useTickets } from '../../data/index.js';
import type { TicketStatusFilter } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { Pager } from '../../ui/Pager.js';
import { TicketTable } from './TicketTable.js';
import { BulkBar } from './BulkBar.js';
import { useSelection } from './use-selection.js';
import { asQueue, QueueTabs } from './QueueTabs.js';
import { useCurrentUser } from '../../app/session-context.js';

const PAGE_SIZE = 50;
const FILTERS: readonly string[] = ['all', 'open', ...TICKET_STATUSES];

function asFilter(v: string | null): TicketStatusFilter {
  return v && FILTERS.includes(v) ? (v as TicketStatusFilter) : 'all';
}

/** The queue: newest update first, filtered by status and text, 50 rows a page (stays fast with 100k tickets). */
export function TicketQueuePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const status = asFilter(params.get('status'));
  const text = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const queue = asQueue(params.get('queue'));
  const user = useCurrentUser();
  const [debounced] = useDebouncedValue(text, 150);
  const { tickets, hasMore, loading } = useTickets({ status, text: debounced, page, pageSize: PAGE_SIZE, queue, me: user });

  const selection = useSelection();

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === '' || ((k === 'status' || k === 'queue') && v === 'all') || (k === 'page' && v === '0')) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const statusOptions = [
    { value: 'all', label: t('queue.filter.all') },
    { value: 'open', label: t('queue.filter.open') },
    ...TICKET_STATUSES.map((s) => ({ value: s, label: labels.status[s] })),
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('queue.title')}</Title>
        <Button component={Link} to="/tickets/new" data-testid="queue-new-ticket">
          {t('create.title')}
        </Button>
      </Group>
      <QueueTabs value={queue} onChange={(q) => update({ queue: q, page: '0' })} />
      <Group align="flex-end">
        <TextInput
          label={t('queue.search')}
          placeholder={t('queue.searchPlaceholder')}
          value={text}
          onChange={(e) => update({ q: e.currentTarget.value, page: '0' })}
          data-testid="queue-search"
          data-search-shortcut
          w={320}
        />
        {queue === 'all' && (
          <Select
            label={t('queue.status')}
            data={statusOptions}
            value={status}
            onChange={(v) => update({ status: v ?? 'all', page: '0' })}
            allowDeselect={false}
            data-testid="queue-status"
            w={200}
          />
        )}
      </Group>
      <BulkBar ids={[...selection.ids]} onDone={selection.clear} />
      <TicketTable tickets={tickets} loading={loading} selection={selection} />
      <Pager page={page} hasMore={hasMore} onPage={(p) => update({ page: String(p) })} />
    </Stack>
  );
}
