import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import type { Priority } from '@shared';
import { OPEN_STATUSES, SERVICE_CLASSES, TICKET_STATUSES } from '@shared';
import { useTranslation } from 'react-i18next';
import { AGE_FILTERS, EMPTY_FILTER, useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import type { AgeFilter, NamedQueue, QueueFilter, TicketStatusFilter } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { fromOption, NONE, toOption } from './options.js';
import { CiPicker } from '../cmdb/CiPicker.js';
import type { CmdbLookup } from '../cmdb/use-cmdb.js';
import { isEmptyFilter } from './queue-url.js';

/** The queue's filter fields: text, status, priority, group, assignee, category, age, CI and service. */
export function QueueFilters({
  queue,
  filter,
  onChange,
  cmdb,
}: {
  queue: NamedQueue;
  filter: QueueFilter;
  onChange: (f: QueueFilter) => void;
  cmdb: CmdbLookup;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const directory = useDirectory();
  const lang = useLanguage();
  const name = (e: { name: string; nameFr: string }) => (lang === 'fr' && e.nameFr) || e.name;
  const set = (patch: Partial<QueueFilter>) => onChange({ ...filter, ...patch });
  // Named queues hold open tickets only: offer the statuses they can contain.
  const statuses = queue === 'all' ? TICKET_STATUSES : OPEN_STATUSES;
  const statusOptions = [
    { value: 'all', label: t('queue.filter.all') },
    ...(queue === 'all' ? [{ value: 'open', label: t('queue.filter.open') }] : []),
    ...statuses.map((s) => ({ value: s, label: labels.status[s] })),
  ];
  const ageLabels: Record<AgeFilter, string> = {
    lt1d: t('queue.age.lt1d'),
    lt7d: t('queue.age.lt7d'),
    gt7d: t('queue.age.gt7d'),
    gt30d: t('queue.age.gt30d'),
  };

  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('queue.search')}
        placeholder={t('queue.searchPlaceholder')}
        value={filter.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
        data-testid="queue-search"
        data-search-shortcut
        w={240}
      />
      <Select
        label={t('queue.status')}
        data={statusOptions}
        value={filter.status}
        onChange={(v) => set({ status: (v ?? 'all') as TicketStatusFilter })}
        allowDeselect={false}
        data-testid="queue-status"
        w={180}
      />
      <MultiSelect
        label={t('ticket.priority')}
        placeholder={filter.priorities.length ? undefined : t('queue.any')}
        data={([1, 2, 3, 4, 5] as Priority[]).map((p) => ({ value: String(p), label: labels.priority[p] }))}
        value={filter.priorities.map(String)}
        onChange={(v) => set({ priorities: v.map((p) => Number(p) as Priority) })}
        data-testid="queue-priority"
        w={200}
      />
      <MultiSelect
        label={t('ticket.group')}
        placeholder={filter.groupIds.length ? undefined : t('queue.any')}
        data={directory.groups.map((g) => ({ value: g.id, label: name(g) }))}
        value={filter.groupIds}
        onChange={(v) => set({ groupIds: v })}
        searchable
        data-testid="queue-group"
        w={220}
      />
      <MultiSelect
        label={t('ticket.assignee')}
        placeholder={filter.assigneeIds.length ? undefined : t('queue.any')}
        data={[{ value: NONE, label: t('ticket.unassigned') }, ...directory.users.map((u) => ({ value: u.id, label: u.name }))]}
        value={filter.assigneeIds.map(toOption)}
        onChange={(v) => set({ assigneeIds: v.map(fromOption) })}
        searchable
        data-testid="queue-assignee"
        w={220}
      />
      <MultiSelect
        label={t('queue.category')}
        placeholder={filter.categoryIds.length ? undefined : t('queue.any')}
        data={directory.categories.map((c) => ({ value: c.id, label: name(c) }))}
        value={filter.categoryIds}
        onChange={(v) => set({ categoryIds: v })}
        searchable
        data-testid="queue-category"
        w={220}
      />
      <Select
        label={t('queue.age.label')}
        placeholder={t('queue.any')}
        data={AGE_FILTERS.map((a) => ({ value: a, label: ageLabels[a] }))}
        value={filter.age || null}
        onChange={(v) => set({ age: v ?? '' })}
        clearable
        data-testid="queue-age"
        w={170}
      />
      <CiPicker
        cmdb={cmdb}
        value={filter.ciIds}
        onChange={(ids) => set({ ciIds: ids })}
        label={t('queue.ci')}
        placeholder={t('queue.any')}
        testId="queue-ci"
        w={240}
      />
      <CiPicker
        cmdb={cmdb}
        value={filter.serviceIds}
        onChange={(ids) => set({ serviceIds: ids })}
        label={t('queue.service')}
        placeholder={t('queue.any')}
        classes={SERVICE_CLASSES}
        testId="queue-service"
        w={240}
      />
      {!isEmptyFilter(filter) && (
        <Button variant="subtle" onClick={() => onChange(EMPTY_FILTER)} data-testid="queue-clear-filters">
          {t('queue.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
