import { Stack, TextInput, Title } from '@mantine/core';
import { DIRECTORY_LIMITS, type DirectoryEntry } from '@shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorActions } from './EditorActions.js';

/** An administration form: its title, its fields, every refusal listed, and save (administrators) or close. */
export function EditorForm({
  prefix,
  title,
  messages,
  saving,
  readOnly,
  onSubmit,
  onCancel,
  children,
}: {
  prefix: string;
  title: string;
  messages: readonly string[];
  saving: boolean;
  readOnly: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      data-testid={`${prefix}-editor`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        <Title order={3}>{title}</Title>
        {children}
        <EditorActions prefix={prefix} messages={messages} saving={saving} readOnly={readOnly} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** A group's or category's names in English (required) and French. */
export function BilingualNameFields({
  prefix,
  entry,
  readOnly,
  error,
  onChange,
}: {
  prefix: string;
  entry: Pick<DirectoryEntry, 'name' | 'nameFr'>;
  readOnly: boolean;
  error?: string;
  onChange: (names: Pick<DirectoryEntry, 'name' | 'nameFr'>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('admin.field.nameEn')}
        required
        maxLength={DIRECTORY_LIMITS.nameMax}
        disabled={readOnly}
        value={entry.name}
        onChange={(e) => onChange({ name: e.currentTarget.value, nameFr: entry.nameFr })}
        error={error}
        data-testid={`${prefix}-name`}
      />
      <TextInput
        label={t('admin.field.nameFr')}
        maxLength={DIRECTORY_LIMITS.nameMax}
        disabled={readOnly}
        value={entry.nameFr}
        onChange={(e) => onChange({ name: entry.name, nameFr: e.currentTarget.value })}
        data-testid={`${prefix}-name-fr`}
      />
    </>
  );
}
