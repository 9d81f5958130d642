import { Button, MultiSelect, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { DIRECTORY_LIMITS, ROLES } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendPasswordLink, useDataNetwork, useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useLabels } from '../../ui/labels.js';
import { localName } from './category-tree.js';
import { EditorForm } from './EditorForm.js';
import { useEntryForm } from './use-directory-save.js';
import type { EditorProps } from './DirectoryTab.js';

/**
 * A person's account: name, sign-in address, role, groups, language, whether they may sign in and whether they are a
 * VIP caller (SLA policies with a VIP condition match their tickets). Deactivating
 * keeps the person (their tickets and history name them); the rules refuse a taken address and changes to your own
 * role, groups or access.
 */
export function PersonEditor({ initial, isNew, readOnly, onDone }: EditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const directory = useDirectory();
  const { entry: person, set, save, saving, errors, messages } = useEntryForm(initial);
  const network = useDataNetwork();
  const [linkState, setLinkState] = useState<{ busy: boolean; result?: string }>({ busy: false });
  const sendLink = async () => {
    if (!network) return;
    setLinkState({ busy: true });
    const answer = await sendPasswordLink(network, person.id);
    setLinkState({
      busy: false,
      result: answer.sent
        ? t('admin.people.linkSent', { email: answer.email })
        : t('admin.people.linkFailed', { message: answer.message }),
    });
  };
  const groupOptions = directory.all
    .filter((e) => e.kind === 'group' && (e.active || person.groupIds.includes(e.id)))
    .map((g) => ({ value: g.id, label: localName(g, lang) }));

  return (
    <EditorForm
      prefix="admin-person"
      title={isNew ? t('admin.people.new') : t('admin.people.edit', { name: initial.name })}
      messages={messages}
      saving={saving}
      readOnly={readOnly}
      onCancel={onDone}
      onSubmit={() =>
        void save([{ ...person, name: person.name.trim(), email: person.email.trim() }]).then((ok) => ok && onDone())
      }
    >
      <TextInput
        label={t('admin.field.name')}
        required
        maxLength={DIRECTORY_LIMITS.nameMax}
        disabled={readOnly}
        value={person.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        data-testid="admin-person-name"
      />
      <TextInput
        label={t('admin.field.email')}
        description={t('admin.people.emailHint')}
        type="email"
        required
        maxLength={DIRECTORY_LIMITS.emailMax}
        disabled={readOnly}
        value={person.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={errors.email}
        data-testid="admin-person-email"
      />
      <Select
        label={t('admin.field.role')}
        required
        disabled={readOnly}
        data={ROLES.map((r) => ({ value: r, label: labels.role[r] }))}
        value={person.role || null}
        onChange={(v) => set('role', v ?? '')}
        error={errors.role}
        allowDeselect={false}
        data-testid="admin-person-role"
      />
      <MultiSelect
        label={t('admin.field.groups')}
        disabled={readOnly}
        data={groupOptions}
        value={person.groupIds}
        onChange={(v) => set('groupIds', v)}
        error={errors.groupIds}
        searchable
        data-testid="admin-person-groups"
      />
      <Select
        label={t('admin.field.language')}
        disabled={readOnly}
        data={[
          { value: 'en', label: t('admin.language.en') },
          { value: 'fr', label: t('admin.language.fr') },
        ]}
        value={person.locale}
        onChange={(v) => set('locale', v === 'fr' ? 'fr' : 'en')}
        allowDeselect={false}
        data-testid="admin-person-language"
      />
      <Switch
        label={t('admin.people.active')}
        description={t('admin.people.activeHint')}
        disabled={readOnly}
        checked={person.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
        error={errors.active}
        data-testid="admin-person-active"
      />
      <Switch
        label={t('admin.people.vip')}
        description={t('admin.people.vipHint')}
        disabled={readOnly}
        checked={person.vip === true}
        onChange={(e) => set('vip', e.currentTarget.checked)}
        data-testid="admin-person-vip"
      />
      {!isNew && !readOnly && initial.active && (
        <Stack gap={4}>
          <Button
            variant="light"
            w="fit-content"
            loading={linkState.busy}
            onClick={() => void sendLink()}
            data-testid="admin-person-send-link"
          >
            {t('admin.people.sendLink')}
          </Button>
          <Text size="sm" c="dimmed" role="status" data-testid="admin-person-link-result">
            {linkState.result ?? t('admin.people.sendLinkHint')}
          </Text>
        </Stack>
      )}
    </EditorForm>
  );
}
