import { ActionIcon, Button, Group, Popover, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SAVED_FILTER_NAME_MAX, deleteQueueFilter, saveQueueFilter, useDb, useSavedFilters } from '../../data/index.js';
import type { QueueFilter } from '../../data/index.js';
import { isEmptyFilter, sameFilter } from './queue-url.js';

/** Named filter sets kept on this device: apply one with a click, save the current filters, delete one. */
export function SavedFilters({ filter, onApply }: { filter: QueueFilter; onApply: (f: QueueFilter) => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const saved = useSavedFilters();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const save = async () => {
    try {
      await saveQueueFilter(db, name, filter);
      notifications.show({ color: 'green', message: t('savedFilters.saved', { name: name.trim() }) });
      setNaming(false);
      setName('');
    } catch (err) {
      notifications.show({ color: 'red', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <Group gap="xs" role="group" aria-label={t('savedFilters.label')} data-testid="saved-filters">
      {saved.map((s) => {
        const active = sameFilter(s.filter, filter);
        return (
          <Group key={s.id} gap={0} wrap="nowrap">
            <Button
              size="compact-sm"
              variant={active ? 'filled' : 'light'}
              aria-pressed={active}
              onClick={() => onApply(s.filter)}
              data-testid="saved-filter"
              data-name={s.name}
            >
              {s.name}
            </Button>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('savedFilters.delete', { name: s.name })}
              onClick={() => void deleteQueueFilter(db, s.id)}
              data-testid="saved-filter-delete"
            >
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
        );
      })}
      <Popover opened={naming} onChange={setNaming} trapFocus position="bottom-start" withArrow>
        <Popover.Target>
          <Button
            size="compact-sm"
            variant="default"
            disabled={isEmptyFilter(filter)}
            onClick={() => setNaming((o) => !o)}
            data-testid="saved-filter-save"
          >
            {t('savedFilters.save')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('savedFilters.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                maxLength={SAVED_FILTER_NAME_MAX}
                data-testid="saved-filter-name"
                data-autofocus
              />
              <Button type="submit" disabled={!name.trim()} data-testid="saved-filter-confirm">
                {t('savedFilters.confirm')}
              </Button>
            </Group>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
