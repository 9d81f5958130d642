import { MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { DIRECTORY_LIMITS } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { BilingualNameFields, EditorForm } from './EditorForm.js';
import { membershipChanges } from './group-members.js';
import { useEntryForm } from './use-directory-save.js';
import type { EditorProps } from './DirectoryTab.js';

const TIERS = [1, 2, 3] as const;

/**
 * An assignment group: names in English and French, its shared mailbox, support tier, members and leads. Members
 * are saved on the people themselves in the same save, so the rules see the group and its members together.
 */
export function GroupEditor({ initial, isNew, readOnly, onDone }: EditorProps) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const users = directory.all.filter((e) => e.kind === 'user');
  const [memberIds, setMemberIds] = useState(() => users.filter((u) => u.groupIds.includes(initial.id)).map((u) => u.id));
  const { entry: group, setEntry: setGroup, set, save, saving, errors, messages } = useEntryForm(initial);
  const userOptions = users
    .filter((u) => u.active || memberIds.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  const leadIds = group.leadIds ?? [];

  return (
    <EditorForm
      prefix="admin-group"
      title={isNew ? t('admin.groups.new') : t('admin.groups.edit', { name: initial.name })}
      messages={messages}
      saving={saving}
      readOnly={readOnly}
      onCancel={onDone}
      onSubmit={() => {
        const saved = { ...group, name: group.name.trim(), nameFr: group.nameFr.trim(), email: group.email.trim() };
        void save([saved, ...membershipChanges(group.id, memberIds, users)]).then((ok) => ok && onDone());
      }}
    >
      <BilingualNameFields
        prefix="admin-group"
        entry={group}
        readOnly={readOnly}
        error={errors.name}
        onChange={(names) => setGroup((g) => ({ ...g, ...names }))}
      />
      <TextInput
        label={t('admin.groups.email')}
        type="email"
        maxLength={DIRECTORY_LIMITS.emailMax}
        disabled={readOnly}
        value={group.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={errors.email}
        data-testid="admin-group-email"
      />
      <Select
        label={t('admin.groups.tier')}
        disabled={readOnly}
        data={TIERS.map((tier) => ({ value: String(tier), label: t(`admin.groups.tiers.${tier}`) }))}
        value={group.tier ? String(group.tier) : null}
        onChange={(v) => set('tier', v ? (Number(v) as 1 | 2 | 3) : undefined)}
        clearable
        data-testid="admin-group-tier"
      />
      <MultiSelect
        label={t('admin.groups.members')}
        disabled={readOnly}
        data={userOptions}
        value={memberIds}
        onChange={(ids) => {
          setMemberIds(ids);
          set(
            'leadIds',
            leadIds.filter((id) => ids.includes(id)),
          );
        }}
        searchable
        data-testid="admin-group-members"
      />
      <MultiSelect
        label={t('admin.groups.leads')}
        description={t('admin.groups.leadsHint')}
        disabled={readOnly}
        data={userOptions.filter((o) => memberIds.includes(o.value))}
        value={leadIds}
        onChange={(ids) => set('leadIds', ids)}
        error={errors.leadIds}
        maxValues={DIRECTORY_LIMITS.groupsMax}
        data-testid="admin-group-leads"
      />
      <Switch
        label={t('admin.groups.active')}
        disabled={readOnly}
        checked={group.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
        data-testid="admin-group-active"
      />
    </EditorForm>
  );
}
