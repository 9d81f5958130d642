import { CI_CLASSES } from '@shared';
import type { CiAttributeSpec, CiClass, CiCriticality, CiStatus, ImpactLink } from '@shared';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CiEditViolation } from '../../data/index.js';

/** Attributes whose values are words of the model (`deviceType`, …), translated under `cmdb.values`. */
const ENUM_ATTRIBUTES: ReadonlySet<string> = new Set(
  Object.values(CI_CLASSES).flatMap((specs: Readonly<Record<string, CiAttributeSpec>>) =>
    Object.entries(specs)
      .filter(([, spec]) => spec.type === 'enum')
      .map(([key]) => `attributes.${key}`),
  ),
);

/** Translated labels of the CMDB's values, written as literal keys so the i18n test can check them. */
function labelsFor(t: TFunction) {
  const ciClass: Record<CiClass, string> = {
    business_service: t('cmdb.classes.business_service'),
    technical_service: t('cmdb.classes.technical_service'),
    application: t('cmdb.classes.application'),
    server_physical: t('cmdb.classes.server_physical'),
    server_virtual: t('cmdb.classes.server_virtual'),
    workstation: t('cmdb.classes.workstation'),
    network_device: t('cmdb.classes.network_device'),
    database: t('cmdb.classes.database'),
    location_site: t('cmdb.classes.location_site'),
    location_building: t('cmdb.classes.location_building'),
    location_room: t('cmdb.classes.location_room'),
    contract: t('cmdb.classes.contract'),
    vendor: t('cmdb.classes.vendor'),
    document: t('cmdb.classes.document'),
  };
  const status: Record<CiStatus, string> = {
    planned: t('cmdb.status.planned'),
    in_service: t('cmdb.status.in_service'),
    under_maintenance: t('cmdb.status.under_maintenance'),
    retired: t('cmdb.status.retired'),
  };
  const criticality: Record<CiCriticality, string> = {
    critical: t('cmdb.criticality.critical'),
    high: t('cmdb.criticality.high'),
    medium: t('cmdb.criticality.medium'),
    low: t('cmdb.criticality.low'),
  };
  const link: Record<ImpactLink | 'used_by', string> = {
    depends_on: t('cmdb.relation.depends_on'),
    runs_on: t('cmdb.relation.runs_on'),
    hosted_at: t('cmdb.relation.hosted_at'),
    connected_to: t('cmdb.relation.connected_to'),
    used_by: t('cmdb.relation.used_by'),
    located_in: t('cmdb.relation.located_in'),
  };
  /** An attribute's label (`cmdb.attributes.<key>`; every class attribute has one, checked by ci-labels.test). */
  const attribute = (key: string): string => t(`cmdb.attributes.${key}`, { defaultValue: key });
  /** A field of the CI or `attributes.<key>`, as history and violations name it. */
  const field = (name: string): string =>
    name.startsWith('attributes.')
      ? attribute(name.slice('attributes.'.length))
      : t(`cmdb.fields.${name}`, { defaultValue: name });
  /** A stored value in the UI language, when it is one of the model's words. */
  const value = (fieldName: string, raw: string): string | undefined => {
    if (fieldName === 'status' && raw in status) return status[raw as CiStatus];
    if (fieldName === 'criticality' && raw in criticality) return criticality[raw as CiCriticality];
    if (fieldName === 'ciClass' && raw in ciClass) return ciClass[raw as CiClass];
    if (fieldName === 'relations' && raw in link) return link[raw as ImpactLink];
    if (ENUM_ATTRIBUTES.has(fieldName)) {
      const text = t(`cmdb.values.${raw}`, { defaultValue: '' });
      return text || undefined;
    }
    return undefined;
  };
  /** A shared CI violation's sentence, chosen by its stable code, naming the attribute in the UI language. */
  const violation = (v: CiEditViolation): string =>
    t(`cmdb.violation.${v.code}`, { attribute: field(v.attribute), defaultValue: v.message });
  return { ciClass, status, criticality, link, attribute, field, value, violation };
}

export type CiLabels = ReturnType<typeof labelsFor>;

/** The CMDB's labels in the UI language. */
export function useCiLabels(): CiLabels {
  const { t, i18n } = useTranslation();
  // The language is a dependency: `t` keeps its identity across a language switch.
  return useMemo(() => labelsFor(t), [t, i18n.language]);
}

export { labelsFor };
