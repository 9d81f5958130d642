import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { TICKET_TYPES, type SettingViolation, type SlaThreshold, SLA_NAME_MAX } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { saveSlaSetting } from '../../data/commands/sla-settings.js';
import { useDb } from '../../data/provider.js';
import { useLabels } from '../../ui/labels.js';
import { fieldErrors, policyFromForm, vipChoice, withVip, type PolicyForm } from './policy-form.js';

const ACTIONS: SlaThreshold['actions'] = [
  'notify_assignee',
  'notify_group_leads',
  'notify_supervisor',
  'reassign',
  'raise_priority',
];

/**
 * Edits one policy. Nothing is written until the shared check passes on this device; a supervisor sees the same
 * fields disabled and no save button (the server refuses their writes too).
 */
export function PolicyEditor({
  initial,
  readOnly,
  calendars,
  categories,
  groups,
  onDone,
}: {
  initial: PolicyForm;
  readOnly: boolean;
  calendars: { value: string; label: string }[];
  categories: { value: string; label: string }[];
  /** The assignment groups a threshold's reassign action may hand the ticket to. */
  groups: { value: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const [form, setForm] = useState<PolicyForm>(initial);
  const [violations, setViolations] = useState<SettingViolation[]>([]);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(violations, (k, o) => t(k, o ?? {}));
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setThreshold = (i: number, patch: Partial<PolicyForm['thresholds'][number]>) =>
    setForm((f) => ({ ...f, thresholds: f.thresholds.map((th, j) => (j === i ? { ...th, ...patch } : th)) }));

  const save = async () => {
    setSaving(true);
    try {
      const policy = policyFromForm(form);
      const found = await saveSlaSetting(
        db,
        { id: policy.id, kind: 'sla_policy', data: policy as unknown as Record<string, unknown> },
        user,
      );
      setViolations(found);
      if (found.length === 0) onDone();
    } finally {
      setSaving(false);
    }
  };
  const other = Object.entries(errors).filter(
    ([field]) =>
      !['name', 'order', 'calendarId', 'firstResponseMinutes', 'resolutionMinutes', 'updateIntervalMinutes'].includes(field) &&
      !field.startsWith('thresholds.'),
  );

  return (
    <Stack data-testid="sla-policy-editor" gap="sm">
      <Title order={3}>{readOnly ? t('slaAdmin.policy.view') : t('slaAdmin.policy.edit')}</Title>
      {readOnly && (
        <Alert color="gray" data-testid="sla-admin-readonly">
          {t('slaAdmin.readOnly')}
        </Alert>
      )}
      {violations.length > 0 && (
        <Alert color="red" role="alert" data-testid="sla-policy-errors" title={t('slaAdmin.notSaved')}>
          {other.map(([field, message]) => (
            <Text key={field} size="sm">
              {message}
            </Text>
          ))}
        </Alert>
      )}
      <Fieldset disabled={readOnly} variant="unstyled">
        <Stack gap="sm">
          <TextInput
            label={t('slaAdmin.policy.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            data-testid="sla-policy-name"
            maxLength={SLA_NAME_MAX}
          />
          <Group grow align="flex-start">
            <Switch
              label={t('slaAdmin.policy.enabled')}
              checked={form.enabled}
              onChange={(e) => set('enabled', e.currentTarget.checked)}
              data-testid="sla-policy-enabled"
            />
            <NumberInput
              label={t('slaAdmin.policy.order')}
              description={t('slaAdmin.policy.orderHelp')}
              value={form.order}
              onChange={(v) => set('order', v)}
              error={errors.order}
              allowDecimal={false}
              data-testid="sla-policy-order"
            />
          </Group>
          <Group grow align="flex-start">
            <MultiSelect
              label={t('slaAdmin.policy.types')}
              placeholder={t('slaAdmin.policy.any')}
              data={TICKET_TYPES.map((v) => ({ value: v, label: labels.type[v] }))}
              value={form.types}
              onChange={(v) => set('types', v)}
              data-testid="sla-policy-types"
            />
            <MultiSelect
              label={t('slaAdmin.policy.priorities')}
              placeholder={t('slaAdmin.policy.any')}
              data={[1, 2, 3, 4, 5].map((p) => ({ value: String(p), label: labels.priority[p as 1] }))}
              value={form.priorities}
              onChange={(v) => set('priorities', v)}
              data-testid="sla-policy-priorities"
            />
            <MultiSelect
              label={t('slaAdmin.policy.categories')}
              placeholder={t('slaAdmin.policy.any')}
              data={categories}
              value={form.categoryIds}
              onChange={(v) => set('categoryIds', v)}
              searchable
              data-testid="sla-policy-categories"
            />
          </Group>
          <Select
            label={t('slaAdmin.policy.vip')}
            data={[
              { value: 'any', label: t('slaAdmin.policy.any') },
              { value: 'yes', label: t('sla.condition.vip') },
              { value: 'no', label: t('sla.condition.notVip') },
            ]}
            value={vipChoice(form.keptCondition.vip)}
            onChange={(v) => set('keptCondition', withVip(form.keptCondition, v))}
            allowDeselect={false}
            data-testid="sla-policy-vip"
          />
          <Select
            label={t('slaAdmin.policy.calendar')}
            data={calendars}
            value={form.calendarId}
            onChange={(v) => v && set('calendarId', v)}
            error={errors.calendarId}
            allowDeselect={false}
            data-testid="sla-policy-calendar"
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('slaAdmin.policy.firstResponse')}
              value={form.firstResponseMinutes}
              onChange={(v) => set('firstResponseMinutes', v)}
              error={errors.firstResponseMinutes}
              data-testid="sla-policy-first-response"
            />
            <NumberInput
              label={t('slaAdmin.policy.resolution')}
              value={form.resolutionMinutes}
              onChange={(v) => set('resolutionMinutes', v)}
              error={errors.resolutionMinutes}
              data-testid="sla-policy-resolution"
            />
            <NumberInput
              label={t('slaAdmin.policy.updateInterval')}
              description={t('slaAdmin.policy.updateIntervalHelp')}
              value={form.updateIntervalMinutes}
              onChange={(v) => set('updateIntervalMinutes', v)}
              error={errors.updateIntervalMinutes}
              data-testid="sla-policy-update-interval"
            />
          </Group>
          <Select
            label={t('slaAdmin.policy.onReopen')}
            data={[
              { value: 'resume', label: t('slaAdmin.policy.reopen.resume') },
              { value: 'restart', label: t('slaAdmin.policy.reopen.restart') },
            ]}
            value={form.onReopen}
            onChange={(v) => v && set('onReopen', v)}
            allowDeselect={false}
            data-testid="sla-policy-on-reopen"
          />
          <Switch
            label={t('slaAdmin.policy.businessHoursOnly')}
            checked={form.actionsInBusinessHoursOnly}
            onChange={(e) => set('actionsInBusinessHoursOnly', e.currentTarget.checked)}
          />
          <Text fw={600} size="sm">
            {t('slaAdmin.policy.thresholds')}
          </Text>
          {form.thresholds.map((th, i) => (
            <Group key={i} align="flex-start" data-testid="sla-policy-threshold">
              <NumberInput
                label={t('slaAdmin.policy.percent')}
                value={th.percent}
                onChange={(v) => setThreshold(i, { percent: v })}
                error={errors[`thresholds.${i}.percent`]}
                w={120}
              />
              <MultiSelect
                label={t('slaAdmin.policy.actions')}
                data={ACTIONS.map((a) => ({ value: a, label: t(`slaAdmin.action.${a}`) }))}
                value={th.actions}
                onChange={(v) => setThreshold(i, { actions: v })}
                style={{ flex: 1 }}
                data-testid="sla-policy-threshold-actions"
              />
              {th.actions.includes('reassign') && (
                <Select
                  label={t('slaAdmin.policy.reassignGroup')}
                  placeholder={t('slaAdmin.policy.chooseGroup')}
                  data={groups}
                  value={th.groupId || null}
                  onChange={(v) => setThreshold(i, { groupId: v ?? '' })}
                  error={errors[`thresholds.${i}.groupId`]}
                  searchable
                  w={220}
                  data-testid="sla-policy-threshold-group"
                />
              )}
              {!readOnly && (
                <ActionIcon
                  mt={28}
                  variant="subtle"
                  color="red"
                  aria-label={t('slaAdmin.policy.removeThreshold')}
                  onClick={() =>
                    set(
                      'thresholds',
                      form.thresholds.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          {!readOnly && form.thresholds.length < 10 && (
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  set('thresholds', [...form.thresholds, { percent: 90, actions: ['notify_assignee'], groupId: '' }])
                }
              >
                {t('slaAdmin.policy.addThreshold')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
      <Group>
        {!readOnly && (
          <Button onClick={() => void save()} loading={saving} data-testid="sla-policy-save">
            {t('slaAdmin.save')}
          </Button>
        )}
        <Button variant="default" onClick={onDone} data-testid="sla-policy-close">
          {readOnly ? t('slaAdmin.close') : t('slaAdmin.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
