import { Button, Fieldset, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { CHANGE_SETTINGS_ID, QUORUM_RULES, RISK_LEVELS, type ChangeSettings, type SettingViolation } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { saveChangeSetting } from '../../data/index.js';
import { useDb } from '../../data/provider.js';
import { SettingErrors } from './SettingErrors.js';
import { settingErrors } from './setting-violations.js';
import { settingsFromForm, type SettingsForm } from './settings-form.js';

const BY_FIELD = ['cabGroupId', 'emergencyCabGroupId', 'causedIncidentWindowHours'];

/** The boards that approve changes, how many of their members must, and how long a change is suspected of incidents. */
export function ChangeSettingsForm({
  initial,
  readOnly,
  groups,
  saved,
  onSaved,
}: {
  initial: ChangeSettings;
  readOnly: boolean;
  groups: { value: string; label: string }[];
  /** Kept by the tab: a save remounts this form with the stored settings. */
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const [form, setForm] = useState<SettingsForm>(initial);
  const [violations, setViolations] = useState<SettingViolation[]>([]);
  const [saving, setSaving] = useState(false);
  const errors = settingErrors(violations, t);
  const set = (patch: Partial<SettingsForm>) => {
    onSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const rules = QUORUM_RULES.map((r) => ({ value: r, label: t(`changes.approval.rule.${r}`) }));
  // A board's id the directory no longer holds stays visible (by id) so the refusal next to it makes sense.
  const withCurrent = (id: string) => (groups.some((g) => g.value === id) ? groups : [...groups, { value: id, label: id }]);

  const save = async () => {
    setSaving(true);
    try {
      const data = settingsFromForm(form) as unknown as Record<string, unknown>;
      const found = await saveChangeSetting(db, { id: CHANGE_SETTINGS_ID, kind: 'change_settings', data }, user);
      setViolations(found);
      onSaved(found.length === 0);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="change-settings-form">
      <Title order={3}>{t('changeAdmin.settings.title')}</Title>
      <SettingErrors errors={errors} shownByField={BY_FIELD} testId="change-settings-errors" />
      <Fieldset disabled={readOnly} variant="unstyled">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label={t('changes.approval.board.cab')}
              data={withCurrent(form.cabGroupId)}
              value={form.cabGroupId}
              onChange={(v) => v && set({ cabGroupId: v })}
              error={errors.cabGroupId}
              allowDeselect={false}
              searchable
              data-testid="change-settings-cab"
            />
            <Select
              label={t('changes.approval.board.emergency_cab')}
              data={withCurrent(form.emergencyCabGroupId)}
              value={form.emergencyCabGroupId}
              onChange={(v) => v && set({ emergencyCabGroupId: v })}
              error={errors.emergencyCabGroupId}
              allowDeselect={false}
              searchable
              data-testid="change-settings-ecab"
            />
          </Group>
          <Text fw={600} size="sm">
            {t('changeAdmin.settings.quorum')}
          </Text>
          <Group grow align="flex-start">
            {RISK_LEVELS.map((level) => (
              <Select
                key={level}
                label={t(`changes.risk.level.${level}`)}
                data={rules}
                value={form.quorum[level]}
                onChange={(v) => v && set({ quorum: { ...form.quorum, [level]: v } })}
                error={errors[`quorum.${level}`]}
                allowDeselect={false}
                data-testid={`change-settings-quorum-${level}`}
              />
            ))}
            <Select
              label={t('changeAdmin.settings.emergencyQuorum')}
              data={rules}
              value={form.emergencyQuorum}
              onChange={(v) => v && set({ emergencyQuorum: v })}
              error={errors.emergencyQuorum}
              allowDeselect={false}
              data-testid="change-settings-quorum-emergency"
            />
          </Group>
          <NumberInput
            label={t('changeAdmin.settings.causedWindow')}
            description={t('changeAdmin.settings.causedWindowHelp')}
            value={form.causedIncidentWindowHours}
            onChange={(v) => set({ causedIncidentWindowHours: v })}
            error={errors.causedIncidentWindowHours}
            allowDecimal={false}
            min={1}
            w={260}
            data-testid="change-settings-caused-window"
          />
        </Stack>
      </Fieldset>
      {!readOnly && (
        <Group>
          <Button onClick={() => void save()} loading={saving} data-testid="change-settings-save">
            {t('changeAdmin.save')}
          </Button>
          {saved && (
            <Text size="sm" c="green" data-testid="change-settings-saved">
              {t('changeAdmin.saved')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
