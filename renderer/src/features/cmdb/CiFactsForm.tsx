import { Checkbox, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { CI_CLASS_NAMES, CI_CRITICALITIES, CI_LIMITS, CI_STATUSES } from '@shared';
import type { CiAttributeSpec, CiClass, ConfigItem } from '@shared';
import { useTranslation } from 'react-i18next';
import type { CiDraft } from './ci-form.js';
import { attributeSpecs } from './ci-form.js';
import { useCiLabels } from './ci-labels.js';

export interface Choice {
  value: string;
  label: string;
}

export interface CiFactsFormProps {
  /** The CI's class: its attributes are the inputs. */
  ci: Pick<ConfigItem, 'ciClass'>;
  /** Given only while creating a CI: the class is then chosen here; a stored CI's class is shown, never changed. */
  onClassChange?: (ciClass: CiClass) => void;
  draft: CiDraft;
  /** Fields the user may change (`name`, `attributes.serialNumber`, …); the others are shown disabled. */
  editable: ReadonlySet<string>;
  onChange: (draft: CiDraft) => void;
  /** A translated message per field (`name`, `attributes.<key>`). */
  errors: Partial<Record<string, string>>;
  locations: readonly Choice[];
  groups: readonly Choice[];
}

/** Long free text gets a text area; the rest one line. */
const LONG_TEXT = 500;

/**
 * The CI's key facts and its class's attributes as typed inputs (text, number, date, list, check box), from
 * CI_CLASSES. Limits come from the class specs; what the user may change comes from the shared CMDB policy.
 */
export function CiFactsForm({ ci, onClassChange, draft, editable, onChange, errors, locations, groups }: CiFactsFormProps) {
  const { t } = useTranslation();
  const labels = useCiLabels();
  const set = <K extends keyof CiDraft>(key: K, value: CiDraft[K]) => onChange({ ...draft, [key]: value });
  const setAttribute = (key: string, value: string | boolean) =>
    onChange({ ...draft, attributes: { ...draft.attributes, [key]: value } });
  const ensure = (choices: readonly Choice[], value: string): Choice[] =>
    choices.some((c) => c.value === value) ? [...choices] : [...choices, { value, label: value }];

  const attributeInput = (key: string, spec: CiAttributeSpec) => {
    const field = `attributes.${key}`;
    const common = {
      label: labels.attribute(key),
      disabled: !editable.has(field),
      error: errors[field],
      required: spec.required === true,
      'data-testid': `ci-attr-${key}`,
    };
    const value = draft.attributes[key] ?? '';
    if (spec.type === 'boolean')
      return (
        <Checkbox key={key} {...common} checked={value === true} onChange={(e) => setAttribute(key, e.currentTarget.checked)} />
      );
    const text = typeof value === 'string' ? value : '';
    if (spec.type === 'enum')
      return (
        <NativeSelect
          key={key}
          {...common}
          value={text}
          onChange={(e) => setAttribute(key, e.currentTarget.value)}
          data={[
            { value: '', label: t('cmdb.none') },
            ...(spec.values ?? []).map((v) => ({ value: v, label: labels.value(field, v) ?? v })),
          ]}
        />
      );
    if (spec.type === 'string' && (spec.maxLength ?? 0) > LONG_TEXT)
      return (
        <Textarea
          key={key}
          {...common}
          value={text}
          maxLength={spec.maxLength}
          autosize
          minRows={2}
          onChange={(e) => setAttribute(key, e.currentTarget.value)}
        />
      );
    return (
      <TextInput
        key={key}
        {...common}
        type={spec.type === 'number' ? 'number' : spec.type === 'date' ? 'date' : 'text'}
        min={spec.min}
        max={spec.max}
        maxLength={spec.type === 'string' ? spec.maxLength : undefined}
        value={text}
        onChange={(e) => setAttribute(key, e.currentTarget.value)}
      />
    );
  };

  return (
    <Stack>
      <Title order={3}>{t('cmdb.facts')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('cmdb.fields.name')}
          value={draft.name}
          maxLength={CI_LIMITS.nameMax}
          disabled={!editable.has('name')}
          error={errors.name}
          required
          onChange={(e) => set('name', e.currentTarget.value)}
          data-testid="ci-name-input"
        />
        {onClassChange ? (
          <NativeSelect
            label={t('cmdb.fields.ciClass')}
            value={ci.ciClass}
            required
            onChange={(e) => onClassChange(e.currentTarget.value as CiClass)}
            data={CI_CLASS_NAMES.map((c) => ({ value: c, label: labels.ciClass[c] }))}
            data-testid="ci-class-select"
          />
        ) : (
          <TextInput label={t('cmdb.fields.ciClass')} value={labels.ciClass[ci.ciClass]} readOnly data-testid="ci-class" />
        )}
        <NativeSelect
          label={t('cmdb.fields.status')}
          value={draft.status}
          disabled={!editable.has('status')}
          error={errors.status}
          onChange={(e) => set('status', e.currentTarget.value as CiDraft['status'])}
          data={CI_STATUSES.map((s) => ({ value: s, label: labels.status[s] }))}
          data-testid="ci-status-select"
        />
        <NativeSelect
          label={t('cmdb.fields.criticality')}
          value={draft.criticality}
          disabled={!editable.has('criticality')}
          error={errors.criticality}
          onChange={(e) => set('criticality', e.currentTarget.value as CiDraft['criticality'])}
          data={CI_CRITICALITIES.map((c) => ({ value: c, label: labels.criticality[c] }))}
          data-testid="ci-criticality-select"
        />
        <NativeSelect
          label={t('cmdb.fields.locationId')}
          value={draft.locationId}
          disabled={!editable.has('locationId')}
          error={errors.locationId}
          onChange={(e) => set('locationId', e.currentTarget.value)}
          data={[{ value: '', label: t('cmdb.none') }, ...ensure(locations, draft.locationId).filter((c) => c.value !== '')]}
          data-testid="ci-location-select"
        />
        <NativeSelect
          label={t('cmdb.fields.ownerGroupId')}
          value={draft.ownerGroupId}
          disabled={!editable.has('ownerGroupId')}
          error={errors.ownerGroupId}
          onChange={(e) => set('ownerGroupId', e.currentTarget.value)}
          data={ensure(groups, draft.ownerGroupId)}
          data-testid="ci-owner-select"
        />
      </SimpleGrid>
      <Title order={3}>{t('cmdb.attributesTitle')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{attributeSpecs(ci).map(([key, spec]) => attributeInput(key, spec))}</SimpleGrid>
    </Stack>
  );
}
