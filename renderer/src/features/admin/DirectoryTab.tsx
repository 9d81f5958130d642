import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import type { DirectoryEntry, DirectoryKind } from '@shared';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../data/doc-utils.js';
import { foldText } from '../../data/index.js';
import { EntryTable, type EntryColumn } from './EntryTable.js';
import { buildNewEntry } from './new-entry.js';

/** The translation section of each kind's screen. */
const SECTION: Record<DirectoryKind, string> = { user: 'people', group: 'groups', category: 'categories' };

/** What an editor of one kind receives: the entry, whether it is new and read-only, and how to close. */
export interface EditorProps {
  initial: DirectoryEntry;
  isNew: boolean;
  readOnly: boolean;
  onDone: () => void;
}

/**
 * One kind of directory entry: a filter, the list, a "new" button for administrators and the editor of the entry
 * opened (above the list, so the form and what it changes are seen together).
 */
export function DirectoryTab({
  kind,
  entries,
  columns,
  writable,
  Editor,
  nameOf,
}: {
  kind: DirectoryKind;
  entries: readonly DirectoryEntry[];
  columns: readonly EntryColumn[];
  writable: boolean;
  Editor: (props: EditorProps) => ReactElement;
  nameOf: (entry: DirectoryEntry) => string;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<{ entry: DirectoryEntry; isNew: boolean; key: string } | null>(null);
  const needle = foldText(filter.trim());
  const shown = needle ? entries.filter((e) => foldText(`${e.name} ${e.nameFr} ${e.email}`).includes(needle)) : entries;
  return (
    <Stack>
      <Group justify="space-between">
        <TextInput
          aria-label={t(`admin.${SECTION[kind]}.filter`)}
          placeholder={t(`admin.${SECTION[kind]}.filter`)}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          data-testid={`admin-${kind}-filter`}
        />
        {writable && (
          <Button
            data-testid={`admin-${kind}-new`}
            onClick={() => setOpen({ entry: buildNewEntry(kind), isNew: true, key: newId() })}
          >
            {t(`admin.${SECTION[kind]}.newButton`)}
          </Button>
        )}
      </Group>
      {open && (
        <Card withBorder>
          <Editor key={open.key} initial={open.entry} isNew={open.isNew} readOnly={!writable} onDone={() => setOpen(null)} />
        </Card>
      )}
      {shown.length === 0 && <Text c="dimmed">{t('admin.noMatch')}</Text>}
      <EntryTable
        testId={`admin-${kind}-list`}
        entries={shown}
        columns={columns}
        writable={writable}
        nameOf={nameOf}
        onOpen={(entry) => setOpen({ entry, isNew: false, key: newId() })}
      />
    </Stack>
  );
}
