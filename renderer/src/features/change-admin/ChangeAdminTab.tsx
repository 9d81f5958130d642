import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import {
  changeSettingsOf,
  changeWindowsOf,
  checkChangeSetting,
  CHANGE_SETTINGS_ID,
  localDate,
  type ChangeTemplate,
} from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { newId } from '../../data/doc-utils.js';
import { canReadChangeSettings, canWriteChangeSettings, useDirectory, useSettingDocuments } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { localName } from '../admin/category-tree.js';
import { useCmdbLookup } from '../cmdb/use-cmdb.js';
import { ChangeSettingsForm } from './ChangeSettingsForm.js';
import { TemplateEditor } from './TemplateEditor.js';
import { TemplateList } from './TemplateList.js';
import { WindowEditor } from './WindowEditor.js';
import { WindowList } from './WindowList.js';
import { groupOptions } from './settings-form.js';
import { newTemplate, templatesInOrder } from './template-form.js';
import { formFromWindow, newWindowForm, type WindowForm } from './window-form.js';
import { whenWords } from './window-text.js';

/**
 * Change management's configuration: the boards and their quorum, the blackout and maintenance windows, and the
 * standard-change catalogue. Administrators edit, supervisors read; everything is a replicated settings document,
 * so it works offline and every device's approvals and collision checks follow it.
 */
export function ChangeAdminTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const user = useCurrentUser();
  const docs = useSettingDocuments();
  const directory = useDirectory();
  const cmdb = useCmdbLookup();
  const writable = canWriteChangeSettings(user);
  const [settingsSaved, setSettingsSaved] = useState(false);
  const [windowEdit, setWindowEdit] = useState<{ form: WindowForm; isNew: boolean; key: string } | null>(null);
  const [templateEdit, setTemplateEdit] = useState<{ form: ChangeTemplate; isNew: boolean; key: string } | null>(null);

  const settingsDoc = docs.find((d) => d.kind === 'change_settings' && d.id === CHANGE_SETTINGS_ID);
  const settings = useMemo(() => changeSettingsOf(docs), [docs]);
  const windows = useMemo(() => changeWindowsOf(docs), [docs]);
  const templates = useMemo(
    () =>
      templatesInOrder(
        docs
          .filter((d) => d.kind === 'change_template' && checkChangeSetting(d).length === 0)
          .map((d) => d.data as unknown as ChangeTemplate),
        lang,
      ),
    [docs, lang],
  );
  const groups = useMemo(
    () =>
      groupOptions(
        directory.groups.map((g) => ({ id: g.id, name: localName(g, lang) })),
        (id) => directory.users.filter((u) => u.groupIds.includes(id)).length,
        (name, count) => t('changeAdmin.settings.groupOption', { name, count }),
      ),
    [directory.groups, directory.users, lang, t],
  );
  const windowRows = useMemo(
    () =>
      windows
        .map((w) => ({
          window: w,
          name: lang === 'fr' ? w.nameFr : w.name,
          when: whenWords(w, lang, (key, options) => t(key, options ?? {})),
          cis:
            w.ciIds.length === 0
              ? t(`changeAdmin.windows.noCis.${w.kind}`)
              : w.ciIds.map((id) => cmdb.byId.get(id)?.name ?? id).join(', '),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    [windows, lang, t, cmdb.byId],
  );

  if (!canReadChangeSettings(user)) return null;

  const openWindow = (form: WindowForm, isNew: boolean) => setWindowEdit({ form, isNew, key: newId() });
  const openTemplate = (form: ChangeTemplate, isNew: boolean) => setTemplateEdit({ form, isNew, key: newId() });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Stack data-testid="change-admin">
      {!writable && (
        <Text size="sm" c="dimmed" data-testid="change-admin-readonly">
          {t('changeAdmin.readOnly')}
        </Text>
      )}
      <ChangeSettingsForm
        key={settingsDoc ? String(settingsDoc.updatedAt) : 'default'}
        initial={settings}
        readOnly={!writable}
        groups={groups}
        saved={settingsSaved}
        onSaved={setSettingsSaved}
      />
      <Divider />
      <Group justify="space-between">
        <Title order={3}>{t('changeAdmin.windows.title')}</Title>
        {writable && (
          <Button
            onClick={() => openWindow(newWindowForm(newId(), localDate(Date.now(), zone), zone), true)}
            data-testid="change-window-new"
          >
            {t('changeAdmin.windows.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('changeAdmin.windows.help')}
      </Text>
      {windowEdit && (
        <Card withBorder>
          <WindowEditor
            key={windowEdit.key}
            initial={windowEdit.form}
            isNew={windowEdit.isNew}
            readOnly={!writable}
            cmdb={cmdb}
            onDone={() => setWindowEdit(null)}
          />
        </Card>
      )}
      {windowRows.length === 0 ? (
        <Text data-testid="change-window-empty">{t('changeAdmin.windows.none')}</Text>
      ) : (
        <WindowList rows={windowRows} writable={writable} onOpen={(w) => openWindow(formFromWindow(w), false)} />
      )}
      <Divider />
      <Group justify="space-between">
        <Title order={3}>{t('changeAdmin.templates.title')}</Title>
        {writable && (
          <Button onClick={() => openTemplate(newTemplate(newId()), true)} data-testid="change-template-new">
            {t('changeAdmin.templates.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('changeAdmin.templates.help')}
      </Text>
      {templateEdit && (
        <Card withBorder>
          <TemplateEditor
            key={templateEdit.key}
            initial={templateEdit.form}
            isNew={templateEdit.isNew}
            readOnly={!writable}
            onDone={() => setTemplateEdit(null)}
          />
        </Card>
      )}
      {templates.length === 0 ? (
        <Text data-testid="change-template-empty">{t('changeAdmin.templates.none')}</Text>
      ) : (
        <TemplateList templates={templates} lang={lang} writable={writable} onOpen={(tpl) => openTemplate(tpl, false)} />
      )}
    </Stack>
  );
}
