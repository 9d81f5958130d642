import { Group, Select, Switch } from '@mantine/core';
import type { Level } from '@shared';
import { routeTicket } from '@shared/domain/routing.js';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useLabels } from '../../ui/labels.js';
import { levelOptions } from '../tickets/options.js';
import { categoryAndDescendants, categoryTree, localName } from './category-tree.js';
import { BilingualNameFields, EditorForm } from './EditorForm.js';
import { useEntryForm } from './use-directory-save.js';
import type { EditorProps } from './DirectoryTab.js';

/**
 * A category: names in English and French, where it sits in the tree, the group its new tickets go to (or its
 * parent's) and the impact and urgency a new ticket of it starts with.
 */
export function CategoryEditor({ initial, isNew, readOnly, onDone }: EditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const directory = useDirectory();
  const { entry: category, setEntry: setCategory, set, save, saving, errors, messages } = useEntryForm(initial);
  const categories = directory.all.filter((e) => e.kind === 'category');
  const excluded = categoryAndDescendants(category.id, categories);
  const parentOptions = categoryTree(categories, lang)
    .filter((row) => !excluded.has(row.category.id))
    .map((row) => ({ value: row.category.id, label: row.path }));
  const groupOptions = directory.groups.map((g) => ({ value: g.id, label: localName(g, lang) }));
  const inherited = directory.byId.get(routeTicket(category.parentId, categories));
  const levels = levelOptions(labels);

  return (
    <EditorForm
      prefix="admin-category"
      title={isNew ? t('admin.categories.new') : t('admin.categories.edit', { name: initial.name })}
      messages={messages}
      saving={saving}
      readOnly={readOnly}
      onCancel={onDone}
      onSubmit={() =>
        void save([{ ...category, name: category.name.trim(), nameFr: category.nameFr.trim() }]).then((ok) => ok && onDone())
      }
    >
      <BilingualNameFields
        prefix="admin-category"
        entry={category}
        readOnly={readOnly}
        error={errors.name}
        onChange={(names) => setCategory((c) => ({ ...c, ...names }))}
      />
      <Select
        label={t('admin.categories.parent')}
        placeholder={t('admin.categories.top')}
        disabled={readOnly}
        data={parentOptions}
        value={category.parentId || null}
        onChange={(v) => set('parentId', v ?? '')}
        error={errors.parentId}
        searchable
        clearable
        data-testid="admin-category-parent"
      />
      <Select
        label={t('admin.categories.routesTo')}
        placeholder={t('admin.categories.inherits', { group: inherited ? localName(inherited, lang) : '' })}
        disabled={readOnly}
        data={groupOptions}
        value={category.groupId || null}
        onChange={(v) => set('groupId', v ?? '')}
        error={errors.groupId}
        searchable
        clearable
        data-testid="admin-category-group"
      />
      <Group grow>
        <Select
          label={t('admin.categories.impact')}
          placeholder={t('admin.categories.noDefault')}
          disabled={readOnly}
          data={levels}
          value={category.impact ? String(category.impact) : null}
          onChange={(v) => set('impact', v ? (Number(v) as Level) : undefined)}
          clearable
          data-testid="admin-category-impact"
        />
        <Select
          label={t('admin.categories.urgency')}
          placeholder={t('admin.categories.noDefault')}
          disabled={readOnly}
          data={levels}
          value={category.urgency ? String(category.urgency) : null}
          onChange={(v) => set('urgency', v ? (Number(v) as Level) : undefined)}
          clearable
          data-testid="admin-category-urgency"
        />
      </Group>
      <Switch
        label={t('admin.categories.active')}
        disabled={readOnly}
        checked={category.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
        data-testid="admin-category-active"
      />
    </EditorForm>
  );
}
