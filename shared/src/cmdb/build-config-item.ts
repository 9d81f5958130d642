import type { ConfigItem } from './ci-model.js';

let next = 0;

/** A valid CI for tests and benchmarks (an in-service application), with the given fields replaced. */
export function buildConfigItem(overrides: Partial<ConfigItem> = {}): ConfigItem {
  next += 1;
  return {
    id: `ci-${next}`,
    name: `Application ${next}`,
    ciClass: 'application',
    status: 'in_service',
    ownerGroupId: 'grp-apps',
    locationId: '',
    criticality: 'medium',
    attributes: {},
    relations: [],
    externalId: '',
    updatedAt: 1,
    updatedBy: 'usr-admin',
    deleted: false,
    ...overrides,
  };
}
