import {
  Autocomplete,
  Button,
  Chip,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CHANGE_SETTING_LIMITS, CHANGE_WINDOW_KINDS, type SettingViolation } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { deleteChangeSetting, saveChangeSetting } from '../../data/index.js';
import { useDb } from '../../data/provider.js';
import { useLanguage } from '../../i18n/index.js';
import { CiPicker } from '../cmdb/CiPicker.js';
import type { CmdbLookup } from '../cmdb/use-cmdb.js';
import { SettingErrors } from './SettingErrors.js';
import { settingErrors } from './setting-violations.js';
import { FREQUENCIES, WEEKDAYS, windowFromForm, type WindowForm } from './window-form.js';
import { weekdayNames } from './window-text.js';

const BY_FIELD = ['name', 'nameFr', 'timeZone', 'startDate', 'startMinutes', 'durationMinutes', 'rrule', 'until', 'ciIds'];

/** Time zones this runtime knows, offered while typing (any IANA name the shared check accepts may be typed). */
function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/** Creates, edits or deletes one blackout or maintenance window; read-only for supervisors. */
export function WindowEditor({
  initial,
  isNew,
  readOnly,
  cmdb,
  onDone,
}: {
  initial: WindowForm;
  isNew: boolean;
  readOnly: boolean;
  cmdb: CmdbLookup;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const db = useDb();
  const user = useCurrentUser();
  const [form, setForm] = useState<WindowForm>(initial);
  const [violations, setViolations] = useState<SettingViolation[]>([]);
  const [saving, setSaving] = useState(false);
  const errors = settingErrors(violations, t);
  const zones = useMemo(timeZones, []);
  const days = useMemo(() => weekdayNames(lang), [lang]);
  const set = (patch: Partial<WindowForm>) => setForm((f) => ({ ...f, ...patch }));

  const run = async (write: () => Promise<SettingViolation[]>) => {
    setSaving(true);
    try {
      const found = await write();
      setViolations(found);
      if (found.length === 0) onDone();
    } finally {
      setSaving(false);
    }
  };
  const save = () =>
    run(() => {
      const window = windowFromForm(form);
      return saveChangeSetting(
        db,
        { id: window.id, kind: 'change_window', data: window as unknown as Record<string, unknown> },
        user,
      );
    });
  const remove = () => run(() => deleteChangeSetting(db, form.id, user));

  return (
    <Stack gap="sm" data-testid="change-window-editor">
      <Title order={4}>
        {readOnly ? t('changeAdmin.windows.view') : isNew ? t('changeAdmin.windows.new') : t('changeAdmin.windows.edit')}
      </Title>
      <SettingErrors errors={errors} shownByField={BY_FIELD} testId="change-window-errors" />
      <Fieldset disabled={readOnly} variant="unstyled">
        <Stack gap="sm">
          <SegmentedControl
            data={CHANGE_WINDOW_KINDS.map((k) => ({ value: k, label: t(`changeAdmin.windows.kind.${k}`) }))}
            value={form.kind}
            onChange={(v) => set({ kind: v })}
            disabled={readOnly}
            data-testid="change-window-kind"
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('changeAdmin.nameEn')}
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
              maxLength={CHANGE_SETTING_LIMITS.name}
              data-testid="change-window-name"
            />
            <TextInput
              label={t('changeAdmin.nameFr')}
              value={form.nameFr}
              onChange={(e) => set({ nameFr: e.currentTarget.value })}
              error={errors.nameFr}
              maxLength={CHANGE_SETTING_LIMITS.name}
              data-testid="change-window-name-fr"
            />
          </Group>
          <Group grow align="flex-start">
            <Autocomplete
              label={t('changeAdmin.windows.timeZone')}
              data={zones}
              limit={20}
              value={form.timeZone}
              onChange={(v) => set({ timeZone: v })}
              error={errors.timeZone}
              data-testid="change-window-time-zone"
            />
            <TextInput
              type="date"
              label={t('changeAdmin.windows.startDate')}
              value={form.startDate}
              onChange={(e) => set({ startDate: e.currentTarget.value })}
              error={errors.startDate}
              data-testid="change-window-start-date"
            />
            <TextInput
              type="time"
              label={t('changeAdmin.windows.startTime')}
              value={form.startTime}
              onChange={(e) => set({ startTime: e.currentTarget.value })}
              error={errors.startMinutes}
              data-testid="change-window-start-time"
            />
            <NumberInput
              label={t('changeAdmin.windows.duration')}
              value={form.durationMinutes}
              onChange={(v) => set({ durationMinutes: v })}
              error={errors.durationMinutes}
              allowDecimal={false}
              min={1}
              data-testid="change-window-duration"
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('changeAdmin.windows.recurrence')}
              data={FREQUENCIES.map((f) => ({ value: f, label: t(`changeAdmin.frequency.${f}`) }))}
              value={form.frequency}
              onChange={(v) => v && set({ frequency: v })}
              allowDeselect={false}
              data-testid="change-window-frequency"
            />
            {form.frequency !== 'none' && form.frequency !== 'custom' && (
              <NumberInput
                label={t('changeAdmin.windows.interval')}
                value={form.interval}
                onChange={(v) => set({ interval: v })}
                allowDecimal={false}
                min={1}
                data-testid="change-window-interval"
              />
            )}
            {form.frequency === 'custom' && (
              <TextInput
                label={t('changeAdmin.windows.customRule')}
                description={t('changeAdmin.windows.customRuleHelp')}
                value={form.customRule}
                onChange={(e) => set({ customRule: e.currentTarget.value })}
                error={errors.rrule}
                maxLength={CHANGE_SETTING_LIMITS.rule}
                data-testid="change-window-rule"
              />
            )}
            {form.frequency !== 'none' && (
              <TextInput
                type="date"
                label={t('changeAdmin.windows.until')}
                value={form.until}
                onChange={(e) => set({ until: e.currentTarget.value })}
                error={errors.until}
                data-testid="change-window-until"
              />
            )}
          </Group>
          {form.frequency === 'weekly' && (
            <Chip.Group multiple value={form.weekdays} onChange={(v) => set({ weekdays: v })}>
              <Group gap="xs" data-testid="change-window-weekdays">
                {WEEKDAYS.map((d) => (
                  <Chip key={d} value={d} size="xs" disabled={readOnly}>
                    {days[d]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
          {form.frequency !== 'custom' && errors.rrule && (
            <Text size="sm" c="red">
              {errors.rrule}
            </Text>
          )}
          <CiPicker
            cmdb={cmdb}
            value={form.ciIds}
            onChange={(ids) => set({ ciIds: ids })}
            label={t(`changeAdmin.windows.cis.${form.kind}`)}
            description={t(`changeAdmin.windows.cisHelp.${form.kind}`)}
            readOnly={readOnly}
            error={errors.ciIds}
            testId="change-window-cis"
          />
        </Stack>
      </Fieldset>
      <Group>
        {!readOnly && (
          <Button onClick={() => void save()} loading={saving} data-testid="change-window-save">
            {t('changeAdmin.save')}
          </Button>
        )}
        {!readOnly && !isNew && (
          <Button color="red" variant="light" onClick={() => void remove()} loading={saving} data-testid="change-window-delete">
            {t('changeAdmin.windows.delete')}
          </Button>
        )}
        <Button variant="default" onClick={onDone} data-testid="change-window-close">
          {readOnly ? t('changeAdmin.close') : t('changeAdmin.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
