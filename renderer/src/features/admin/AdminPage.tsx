import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import type { DirectoryEntry } from '@shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canEditDirectory, canReadChangeSettings, canReadDirectoryAdmin, useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useLabels } from '../../ui/labels.js';
import { ChangeAdminTab } from '../change-admin/ChangeAdminTab.js';
import { AuditTab } from './AuditTab.js';
import { categoryTree, localName } from './category-tree.js';
import { CategoryEditor } from './CategoryEditor.js';
import { DirectoryTab } from './DirectoryTab.js';
import { GroupEditor } from './GroupEditor.js';
import { PersonEditor } from './PersonEditor.js';

/**
 * Administration of the people, groups and categories the desk runs on, and the audit of every change.
 * Administrators edit; supervisors read. Edits are written locally (so they work offline) and replicate; the server
 * runs the same shared rules on the push.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const user = useCurrentUser();
  const directory = useDirectory();
  const writable = canEditDirectory(user);
  const nameOf = (e: DirectoryEntry) => localName(e, lang);
  const idName = (id: string) => {
    const e = directory.byId.get(id);
    return e ? localName(e, lang) : id;
  };
  const kinds = useMemo(() => {
    const users = directory.all.filter((e) => e.kind === 'user');
    const tree = categoryTree(
      directory.all.filter((e) => e.kind === 'category'),
      lang,
    );
    return {
      users,
      groups: directory.all.filter((e) => e.kind === 'group'),
      tree,
      paths: new Map(tree.map((row) => [row.category.id, row])),
      members: (groupId: string) => users.filter((u) => u.groupIds.includes(groupId)),
    };
  }, [directory.all, lang]);

  if (!canReadDirectoryAdmin(user))
    return (
      <Alert color="gray" data-testid="admin-forbidden">
        {t('admin.forbidden')}
      </Alert>
    );

  return (
    <Stack data-testid="admin-page">
      <Title order={2}>{t('admin.title')}</Title>
      {!writable && (
        <Text size="sm" c="dimmed" data-testid="admin-readonly-note">
          {t('admin.readOnly')}
        </Text>
      )}
      <Tabs defaultValue="people" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="people" data-testid="admin-tab-people">
            {t('admin.tabs.people')}
          </Tabs.Tab>
          <Tabs.Tab value="groups" data-testid="admin-tab-groups">
            {t('admin.tabs.groups')}
          </Tabs.Tab>
          <Tabs.Tab value="categories" data-testid="admin-tab-categories">
            {t('admin.tabs.categories')}
          </Tabs.Tab>
          <Tabs.Tab value="audit" data-testid="admin-tab-audit">
            {t('admin.tabs.audit')}
          </Tabs.Tab>
          {canReadChangeSettings(user) && (
            <Tabs.Tab value="change" data-testid="admin-tab-change">
              {t('admin.tabs.change')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="people" pt="md">
          <DirectoryTab
            kind="user"
            entries={kinds.users}
            writable={writable}
            Editor={PersonEditor}
            nameOf={nameOf}
            columns={[
              { header: t('admin.field.name'), cell: (e) => e.name },
              { header: t('admin.field.email'), cell: (e) => e.email },
              { header: t('admin.field.role'), cell: (e) => (e.role ? labels.role[e.role] : '') },
              { header: t('admin.field.groups'), cell: (e) => e.groupIds.map(idName).join(', ') },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          <DirectoryTab
            kind="group"
            entries={kinds.groups}
            writable={writable}
            Editor={GroupEditor}
            nameOf={nameOf}
            columns={[
              { header: t('admin.field.name'), cell: nameOf },
              { header: t('admin.groups.tier'), cell: (e) => (e.tier ? t(`admin.groups.tiers.${e.tier}`) : '') },
              { header: t('admin.groups.members'), cell: (e) => kinds.members(e.id).length },
              { header: t('admin.groups.leads'), cell: (e) => (e.leadIds ?? []).map(idName).join(', ') },
              { header: t('admin.groups.email'), cell: (e) => e.email },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="categories" pt="md">
          <DirectoryTab
            kind="category"
            entries={kinds.tree.map((row) => row.category)}
            writable={writable}
            Editor={CategoryEditor}
            nameOf={(e) => kinds.paths.get(e.id)?.path ?? nameOf(e)}
            columns={[
              {
                header: t('admin.field.name'),
                cell: (e) => <Text pl={(kinds.paths.get(e.id)?.depth ?? 0) * 16}>{nameOf(e)}</Text>,
              },
              {
                header: t('admin.categories.routesTo'),
                cell: (e) => (e.groupId ? idName(e.groupId) : t('admin.categories.fromParent')),
              },
              {
                header: t('admin.categories.defaults'),
                cell: (e) =>
                  e.impact || e.urgency
                    ? t('admin.categories.defaultsValue', {
                        impact: e.impact ? labels.level[e.impact] : '—',
                        urgency: e.urgency ? labels.level[e.urgency] : '—',
                      })
                    : '',
              },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditTab byId={directory.byId} />
        </Tabs.Panel>
        <Tabs.Panel value="change" pt="md">
          <ChangeAdminTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
