import { CI_CLASS_NAMES, CI_CRITICALITIES, CI_STATUSES } from '@shared';
import type { CiFilter } from './ci-search.js';

const pick = <T extends string>(values: readonly T[], raw: string | null): T | '' =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : '';

/** The list's filters from the address (so Back and a shared link keep them); unknown values are ignored. */
export function ciFilterFromParams(params: URLSearchParams): CiFilter {
  return {
    ciClass: pick(CI_CLASS_NAMES, params.get('class')),
    status: pick(CI_STATUSES, params.get('status')),
    criticality: pick(CI_CRITICALITIES, params.get('criticality')),
  };
}

/** The address parameter of each filter. */
export const CI_FILTER_PARAMS: Readonly<Record<keyof CiFilter, string>> = {
  ciClass: 'class',
  status: 'status',
  criticality: 'criticality',
};
