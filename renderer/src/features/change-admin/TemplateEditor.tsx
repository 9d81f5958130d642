import { Button, Fieldset, Group, Stack, Switch, Textarea, TextInput, Title } from '@mantine/core';
import { CHANGE_LIMITS, CHANGE_SETTING_LIMITS, type ChangeTemplate, type SettingViolation } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { saveChangeSetting } from '../../data/index.js';
import { useDb } from '../../data/provider.js';
import { SettingErrors } from './SettingErrors.js';
import { settingErrors } from './setting-violations.js';
import { templateFromForm } from './template-form.js';

const PLAN_PARTS = ['reason', 'implementation', 'test', 'backout'] as const;
const BY_FIELD = ['name', 'nameFr', ...PLAN_PARTS.map((p) => `plan.${p}`)];

/**
 * Creates or edits one standard-change template. A template is never deleted, only deactivated: standard changes
 * made from it keep naming it, and an inactive one is no longer offered for new changes.
 */
export function TemplateEditor({
  initial,
  isNew,
  readOnly,
  onDone,
}: {
  initial: ChangeTemplate;
  isNew: boolean;
  readOnly: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const [form, setForm] = useState<ChangeTemplate>(initial);
  const [violations, setViolations] = useState<SettingViolation[]>([]);
  const [saving, setSaving] = useState(false);
  const errors = settingErrors(violations, t);
  const setPlan = (part: (typeof PLAN_PARTS)[number], value: string) =>
    setForm((f) => ({ ...f, plan: { ...f.plan, [part]: value } }));

  const save = async () => {
    setSaving(true);
    try {
      const template = templateFromForm(form);
      const data = template as unknown as Record<string, unknown>;
      const found = await saveChangeSetting(db, { id: template.id, kind: 'change_template', data }, user);
      setViolations(found);
      if (found.length === 0) onDone();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="change-template-editor">
      <Title order={4}>
        {readOnly ? t('changeAdmin.templates.view') : isNew ? t('changeAdmin.templates.new') : t('changeAdmin.templates.edit')}
      </Title>
      <SettingErrors errors={errors} shownByField={BY_FIELD} testId="change-template-errors" />
      <Fieldset disabled={readOnly} variant="unstyled">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t('changeAdmin.nameEn')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={errors.name}
              maxLength={CHANGE_SETTING_LIMITS.name}
              data-testid="change-template-name"
            />
            <TextInput
              label={t('changeAdmin.nameFr')}
              value={form.nameFr}
              onChange={(e) => setForm({ ...form, nameFr: e.currentTarget.value })}
              error={errors.nameFr}
              maxLength={CHANGE_SETTING_LIMITS.name}
              data-testid="change-template-name-fr"
            />
          </Group>
          {PLAN_PARTS.map((part) => (
            <Textarea
              key={part}
              label={t(`changes.plan.${part}`)}
              value={form.plan[part]}
              onChange={(e) => setPlan(part, e.currentTarget.value)}
              error={errors[`plan.${part}`]}
              maxLength={CHANGE_LIMITS.planText}
              autosize
              minRows={2}
              data-testid={`change-template-plan-${part}`}
            />
          ))}
          <Switch
            label={t('changeAdmin.templates.active')}
            description={t('changeAdmin.templates.activeHelp')}
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })}
            data-testid="change-template-active"
          />
        </Stack>
      </Fieldset>
      <Group>
        {!readOnly && (
          <Button onClick={() => void save()} loading={saving} data-testid="change-template-save">
            {t('changeAdmin.save')}
          </Button>
        )}
        <Button variant="default" onClick={onDone} data-testid="change-template-close">
          {readOnly ? t('changeAdmin.close') : t('changeAdmin.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
